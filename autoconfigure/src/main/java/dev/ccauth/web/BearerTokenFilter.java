package dev.ccauth.web;

import reactor.core.publisher.Mono;

import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenCache;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Adds the registration's bearer token to requests for the registration's own origin, and only
 * those. On a 401 the token that got it is dropped (once, however many calls saw it), a new one is
 * obtained and the request is sent once more.
 */
public final class BearerTokenFilter implements ExchangeFilterFunction {

	private final Mono<Origin> origin;

	private final TokenCache tokens;

	/**
	 * @param origin where the token may go (resolved on first use for discovered base URLs)
	 * @param tokens the registration's token cache
	 */
	public BearerTokenFilter(Mono<Origin> origin, TokenCache tokens) {
		this.origin = origin;
		this.tokens = tokens;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.origin.flatMap((origin) -> origin.matches(request.url()) ? authorized(request, next)
				: next.exchange(request));
	}

	private Mono<ClientResponse> authorized(ClientRequest request, ExchangeFunction next) {
		return this.tokens.token()
			.flatMap((token) -> next.exchange(withToken(request, token))
				.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
						? replay(request, next, token, response) : Mono.just(response)));
	}

	private Mono<ClientResponse> replay(ClientRequest request, ExchangeFunction next, AccessToken refused,
			ClientResponse unauthorized) {
		return unauthorized.releaseBody().then(Mono.defer(() -> {
			this.tokens.invalidate(refused);
			return this.tokens.token();
		})).flatMap((fresh) -> next.exchange(withToken(request, fresh)));
	}

	private static ClientRequest withToken(ClientRequest request, AccessToken token) {
		return ClientRequest.from(request).headers((headers) -> headers.setBearerAuth(token.value())).build();
	}

}
