package dev.ccauth.token;

import reactor.core.publisher.Mono;

/** Obtains a new access token from a token endpoint: one request (and its retries) per subscription. */
@FunctionalInterface
public interface TokenClient {

	Mono<AccessToken> requestToken();

}
