package dev.ccauth.web;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.ccauth.config.Registration;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.http.RetryAfter;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * What an API response or a network failure means for a call, the same for every client
 * kind:
 * <ul>
 * <li>429: retried after {@code Retry-After}, else with backoff; the server did not
 * process the call, so any method is retried.</li>
 * <li>502/503/504, dropped connections and response timeouts: retried with backoff for
 * idempotent methods only; a POST or PATCH may have reached the server and is never sent
 * twice.</li>
 * <li>Connection refused or not established: retried for any method (nothing was
 * sent).</li>
 * <li>403: not retried; the error names missing scopes or roles.</li>
 * <li>A second 401, after a fresh token: the credentials work but their tokens are
 * refused.</li>
 * </ul>
 * Other responses, 4xx included, reach the caller as they are. Whatever the server sent
 * back is masked before it reaches an {@link ApiCallException}.
 */
final class ApiFailures {

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE);

	private final Registration registration;

	private final TokenSource tokens;

	private final Clock clock;

	ApiFailures(Registration registration, TokenSource tokens, Clock clock) {
		this.registration = registration;
		this.tokens = tokens;
		this.clock = clock;
	}

	static boolean idempotent(HttpMethod method) {
		return IDEMPOTENT.contains(method);
	}

	/**
	 * What a status means: {@code null} when the response goes to the caller as it is.
	 */
	Failure classify(int status, HttpMethod method) {
		if (status == 429) {
			return new Failure("rate limited on", "The platform limits requests per token; ccauth waited and retried "
					+ maxAttempts() + " times: lower the job's concurrency or raise " + property("retry.max-attempts"),
					true);
		}
		if (status == 502 || status == 503 || status == 504) {
			return new Failure("the platform was unavailable for", idempotent(method)
					? "Transient platform failure; it persisted over " + maxAttempts() + " attempts, try again later"
					: notReplayed(method), idempotent(method));
		}
		if (status == 403) {
			return new Failure("access refused to",
					"The OAuth client lacks a scope or role (permission) this call needs: grant it, or check "
							+ property("scopes"),
					false);
		}
		return null;
	}

	/** A 401 after the replay with a fresh token. */
	Failure refusedTwice() {
		return new Failure("a freshly issued token was refused by",
				"The credentials work but the API refuses their tokens: check that base-url is in the same region as token-uri, and that the OAuth client is allowed to call this API",
				false);
	}

	/**
	 * The failure with the platform's code and description from the error body, masked.
	 */
	ApiCallException exception(Failure failure, HttpMethod method, URI url, int status, HttpHeaders headers,
			byte[] body) {
		// Retry-After only: platforms send it on every 429 (Genesys removed its own
		// rate-limit headers in 2021)
		Duration retryAfter = RetryAfter.parse(headers, this.clock);
		JsonNode node = ResponseBodies.object(body);
		String code = ResponseBodies.text(node, "code", "error");
		String description = (node != null)
				? ResponseBodies.text(node, "message", "errorDescription", "error_description", "description")
				: ResponseBodies.plainText(body);
		return new ApiCallException(this.registration.id(), endpoint(url), status, shown(code), shown(description),
				failure.summary() + " " + method + " " + endpoint(url), failure.hint(), failure.transientFailure(),
				retryAfter, null);
	}

	/**
	 * A call that got no response: retried if nothing was sent, or if the method is
	 * idempotent.
	 */
	ApiCallException unreachable(HttpMethod method, URI url, Throwable ex) {
		boolean notConnected = causedBy(ex, ConnectException.class) || causedBy(ex, NoRouteToHostException.class)
				|| causedBy(ex, UnknownHostException.class) || causedBy(ex, HttpConnectTimeoutException.class)
				|| causedBy(ex, io.netty.channel.ConnectTimeoutException.class);
		boolean timedOut = !notConnected && (causedBy(ex, io.netty.handler.timeout.TimeoutException.class)
				|| causedBy(ex, SocketTimeoutException.class) || causedBy(ex, HttpTimeoutException.class)
				|| causedBy(ex, java.util.concurrent.TimeoutException.class));
		String summary = notConnected ? "could not connect for"
				: timedOut
						? "no response within " + property("http.response-timeout") + " ("
								+ this.registration.http().responseTimeout().toSeconds() + "s) to"
						: "the connection failed during";
		String hint = notConnected ? ResponseBodies.networkHint(property("base-url")) : (idempotent(method)
				? "The call was retried " + maxAttempts() + " times; check the network and the platform's status"
				: notReplayed(method));
		return new ApiCallException(this.registration.id(), endpoint(url), 0, null,
				shown(ResponseBodies.rootMessage(ex)), summary + " " + method + " " + endpoint(url), hint,
				notConnected || idempotent(method), null, ex);
	}

	private static String notReplayed(HttpMethod method) {
		return method
				+ " is not retried, since the platform may have processed it: check its effect before running it again";
	}

	/**
	 * The URL without its query, which may carry identifiers users do not want in logs.
	 */
	static String endpoint(URI url) {
		String text = url.toString();
		int query = text.indexOf('?');
		return (query >= 0) ? text.substring(0, query) : text;
	}

	private String shown(String text) {
		AccessToken current = this.tokens.currentToken();
		String redacted = (current != null) ? this.registration.redact(text, current.value())
				: this.registration.redact(text);
		return ResponseBodies.abbreviated(redacted);
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

	/**
	 * How a call failed.
	 *
	 * @param summary what happened, before the method and URL
	 * @param hint how to fix it
	 * @param transientFailure whether a later attempt may succeed
	 */
	record Failure(String summary, String hint, boolean transientFailure) {
	}

}
