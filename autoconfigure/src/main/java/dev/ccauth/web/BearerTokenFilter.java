package dev.ccauth.web;

import java.time.Clock;

import reactor.core.publisher.Mono;

import dev.ccauth.config.Registration;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds the registration's bearer token to requests for the registration's own origin, and only
 * those. On a 401 the token that got it is dropped (once, however many calls saw it), a new one is
 * obtained and the request is sent once more; a second 401 is an {@link ApiCallException}.
 */
final class BearerTokenFilter implements ExchangeFilterFunction {

	private final Registration registration;

	private final Mono<Origin> origin;

	private final TokenSource tokens;

	private final Clock clock;

	/** The origin when it is known up front (not discovered), for a path without operators. */
	private final Origin knownOrigin;

	/**
	 * @param registration the registration whose token this is
	 * @param origin where the token may go, resolved on first use (discovered base URLs)
	 * @param tokens the registration's token source
	 * @param clock the clock for Retry-After dates in error responses
	 */
	BearerTokenFilter(Registration registration, Mono<Origin> origin, TokenSource tokens, Clock clock) {
		this(registration, origin, tokens, clock, null);
	}

	/**
	 * @param registration the registration whose token this is
	 * @param origin where the token may go
	 * @param tokens the registration's token source
	 * @param clock the clock for Retry-After dates in error responses
	 */
	BearerTokenFilter(Registration registration, Origin origin, TokenSource tokens, Clock clock) {
		this(registration, Mono.just(origin), tokens, clock, origin);
	}

	private BearerTokenFilter(Registration registration, Mono<Origin> origin, TokenSource tokens, Clock clock,
			Origin knownOrigin) {
		this.registration = registration;
		this.origin = origin;
		this.tokens = tokens;
		this.clock = clock;
		this.knownOrigin = knownOrigin;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (this.knownOrigin != null) {
			return this.knownOrigin.matches(request.url()) ? authorized(request, next) : next.exchange(request);
		}
		return this.origin.flatMap((origin) -> origin.matches(request.url()) ? authorized(request, next)
				: next.exchange(request));
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
			return this.tokens.token();
		}))
			.flatMap((fresh) -> next.exchange(withToken(request, fresh)))
			.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
					? refusedTwice(request, response, this.tokens.currentToken()) : Mono.just(response));
	}

	private Mono<ClientResponse> refusedTwice(ClientRequest request, ClientResponse response, AccessToken token) {
		return ApiErrors.read(this.registration, request, response, "a freshly issued token was refused by",
				"The credentials work but the API refuses their tokens: check that base-url is in the same region as token-uri, and that the OAuth client is allowed to call this API",
				false, this.clock, (token != null) ? token.value() : null)
			.flatMap(Mono::error);
	}

	private static ClientRequest withToken(ClientRequest request, AccessToken token) {
		return ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token.value())).build();
	}

}
