package dev.ccauth.web;

import reactor.core.publisher.Mono;

import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds the registration's bearer token to requests for the registration's own origin, and
 * only those. On a 401 the token that got it is dropped (once, however many calls saw
 * it), a new one is obtained and the request is sent once more; a second 401 is an
 * {@link ApiCallException}.
 */
final class BearerTokenFilter implements ExchangeFilterFunction {

	private final ApiBase base;

	private final TokenSource tokens;

	private final ApiFailures failures;

	/** Told of each replay after a 401. */
	private final Runnable replayed;

	BearerTokenFilter(ApiBase base, TokenSource tokens, ApiFailures failures, Runnable replayed) {
		this.base = base;
		this.tokens = tokens;
		this.failures = failures;
		this.replayed = replayed;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Origin known = this.base.knownOrigin();
		if (known != null) {
			// no operators on this path: most calls take it
			return known.matches(request.url()) ? authorized(request, next) : next.exchange(request);
		}
		return this.base.origin()
			.flatMap((origin) -> origin.matches(request.url()) ? authorized(request, next) : next.exchange(request));
	}

	private Mono<ClientResponse> authorized(ClientRequest request, ExchangeFunction next) {
		AccessToken usable = this.tokens.usableToken();
		if (usable != null) {
			return send(request, next, usable);
		}
		return this.tokens.token().flatMap((token) -> send(request, next, token));
	}

	private Mono<ClientResponse> send(ClientRequest request, ExchangeFunction next, AccessToken token) {
		return next.exchange(withToken(request, token))
			.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
					? replay(request, next, token, response) : Mono.just(response));
	}

	private Mono<ClientResponse> replay(ClientRequest request, ExchangeFunction next, AccessToken refused,
			ClientResponse unauthorized) {
		return unauthorized.releaseBody().then(Mono.defer(() -> {
			this.tokens.invalidate(refused);
			this.replayed.run();
			return this.tokens.token();
		}))
			.flatMap((fresh) -> next.exchange(withToken(request, fresh)))
			.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
					? RetryFilter.fail(this.failures, this.failures.refusedTwice(), request, response)
					: Mono.just(response));
	}

	private static ClientRequest withToken(ClientRequest request, AccessToken token) {
		return ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token.value())).build();
	}

}
