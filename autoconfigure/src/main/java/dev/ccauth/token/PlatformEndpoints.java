package dev.ccauth.token;

import java.net.URI;

import reactor.core.publisher.Mono;

import dev.ccauth.config.Registration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A platform's part in one registration's clients: where its token endpoint and API are
 * (as configured, or discovered once on first use) and how its tokens are asked for.
 */
public interface PlatformEndpoints {

	/** The grant and its platform's reading of refusals. */
	TokenGrant grant();

	/** The token endpoint: configured, or discovered once and kept. */
	Mono<URI> tokenEndpoint();

	/**
	 * The API base URL: configured, or discovered once and kept (CXone finds its tenant's
	 * API host from the tenant id in the registration's token).
	 * @param tokens the registration's token source
	 */
	Mono<URI> apiBaseUrl(TokenSource tokens);

	/**
	 * Endpoints known up front (configured, or derived from a region): nothing to
	 * discover.
	 */
	static PlatformEndpoints known(TokenGrant grant, URI tokenEndpoint, URI apiBaseUrl) {
		return new KnownEndpoints(grant, Mono.justOrEmpty(tokenEndpoint), Mono.justOrEmpty(apiBaseUrl));
	}

	/** Makes a registration's endpoints; each platform has one. */
	@FunctionalInterface
	interface Factory {

		/**
		 * @param registration a registration of the platform
		 * @param webClient a plain WebClient (no application filters) for discovery
		 * documents
		 */
		PlatformEndpoints create(Registration registration, WebClient webClient);

	}

}
