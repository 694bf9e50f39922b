package dev.ccauth.token;

import java.net.URI;

import reactor.core.publisher.Mono;

/** Endpoints known up front, for {@link PlatformEndpoints#known}. */
record KnownEndpoints(TokenGrant grant, Mono<URI> tokenEndpoint, Mono<URI> baseUrl) implements PlatformEndpoints {

	@Override
	public Mono<URI> apiBaseUrl(TokenSource tokens) {
		return this.baseUrl;
	}

}
