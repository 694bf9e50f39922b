package dev.ccauth.web;

import java.net.ConnectException;
import java.time.Clock;
import java.util.Set;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import dev.ccauth.config.Registration;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.retry.RetryAfterBackoff;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Rides out what can be ridden out, and fails clearly on the rest:
 * <ul>
 * <li>429: retried after {@code Retry-After}, else with backoff; the server did not process the
 * call, so any method is retried.</li>
 * <li>502/503/504, dropped connections and response timeouts: retried with backoff for idempotent
 * methods only; a POST or PATCH may have reached the server and is never sent twice.</li>
 * <li>Connection refused or not established: retried for any method (nothing was sent).</li>
 * <li>403: not retried; the error names missing scopes or roles.</li>
 * </ul>
 * Other responses, 4xx included, reach the caller as they are.
 */
final class RetryFilter implements ExchangeFilterFunction {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE);

	private final Registration registration;

	private final RetryAfterBackoff retries;

	private final Clock clock;

	private final TokenSource tokens;

	/**
	 * @param tokens the registration's token source, whose current token is masked wherever an
	 * error body echoes it
	 */
	RetryFilter(Registration registration, RetryPolicy policy, Scheduler scheduler, Clock clock, TokenSource tokens) {
		this.registration = registration;
		this.tokens = tokens;
		this.retries = new RetryAfterBackoff(policy, registration.retry().maxRetryAfter(), scheduler,
				ApiCallException.class);
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		boolean idempotent = IDEMPOTENT.contains(request.method());
		return this.retries.call(() -> next.exchange(request)
			.onErrorMap(WebClientRequestException.class, (ex) -> unreachable(request, ex, idempotent))
			.flatMap((response) -> check(request, response, idempotent)));
	}

	private Mono<ClientResponse> check(ClientRequest request, ClientResponse response, boolean idempotent) {
		int status = response.statusCode().value();
		if (status == 429) {
			return fail(request, response, "rate limited on",
					"The platform limits requests per token; ccauth waited and retried " + maxAttempts()
							+ " times: lower the job's concurrency or raise " + property("retry.max-attempts"),
					true);
		}
		if (status == 502 || status == 503 || status == 504) {
			return fail(request, response, "the platform was unavailable for",
					idempotent ? "Transient platform failure; it persisted over " + maxAttempts() + " attempts, try again later"
							: request.method() + " is not retried, since the platform may have processed it: check its effect before running it again",
					idempotent);
		}
		if (status == 403) {
			return fail(request, response, "access refused to",
					"The OAuth client lacks a scope or role (permission) this call needs: grant it, or check "
							+ property("scopes"),
					false);
		}
		return Mono.just(response);
	}

	private Mono<ClientResponse> fail(ClientRequest request, ClientResponse response, String summary, String hint,
			boolean transientFailure) {
		return ApiErrors
			.read(this.registration, request, response, summary, hint, transientFailure, this.clock,
					currentToken())
			.flatMap(Mono::error);
	}

	private ApiCallException unreachable(ClientRequest request, WebClientRequestException ex, boolean idempotent) {
		boolean notConnected = causedBy(ex, ConnectException.class) || causedBy(ex, ConnectTimeoutException.class);
		boolean timedOut = causedBy(ex, TimeoutException.class);
		String summary = notConnected ? "could not connect for"
				: timedOut ? "no response within " + property("http.response-timeout") + " ("
						+ this.registration.http().responseTimeout().toSeconds() + "s) to" : "the connection failed during";
		String hint = notConnected ? ResponseBodies.networkHint(property("base-url"))
				: (idempotent ? "The call was retried " + maxAttempts() + " times; check the network and the platform's status"
						: request.method() + " is not retried, since the platform may have processed it: check its effect before running it again");
		return new ApiCallException(this.registration.id(), ApiErrors.endpoint(request), 0, null,
				ApiErrors.redact(this.registration, ResponseBodies.rootMessage(ex), currentToken()),
				summary + " " + request.method() + " " + ApiErrors.endpoint(request), hint, notConnected || idempotent,
				null, ex);
	}

	private String currentToken() {
		AccessToken current = this.tokens.currentToken();
		return (current != null) ? current.value() : null;
	}

	private int maxAttempts() {
		return this.registration.retry().maxAttempts();
	}

	private String property(String suffix) {
		return this.registration.id().propertyPrefix() + "." + suffix;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
