package dev.ccauth.web;

import java.net.URI;

import reactor.core.publisher.Mono;

import dev.ccauth.config.Registration;
import dev.ccauth.token.PlatformEndpoints;
import dev.ccauth.token.TokenSource;

/**
 * Where a registration's API is, and so where its token may go: the base URL when it is
 * known up front, else the one its platform discovers once (CXone tenants). Shared by the
 * registration's WebClient and RestClient.
 */
final class ApiBase {

	private final URI known;

	private final Origin knownOrigin;

	private final Mono<URI> url;

	private final Mono<Origin> origin;

	ApiBase(Registration registration, PlatformEndpoints endpoints, TokenSource tokens) {
		this.known = registration.baseUrl();
		this.knownOrigin = (this.known != null) ? Origin.of(this.known) : null;
		this.url = (this.known != null) ? Mono.just(this.known) : endpoints.apiBaseUrl(tokens);
		this.origin = (this.knownOrigin != null) ? Mono.just(this.knownOrigin) : this.url.map(Origin::of);
	}

	/** The base URL when it is known without a network call, else {@code null}. */
	URI known() {
		return this.known;
	}

	/** The origin when it is known without a network call, else {@code null}. */
	Origin knownOrigin() {
		return this.knownOrigin;
	}

	/** The base URL, discovered on first use when it is not known. */
	Mono<URI> url() {
		return this.url;
	}

	/** Where the token may go. */
	Mono<Origin> origin() {
		return this.origin;
	}

	/** The URL resolved against the base URL, as a builder's {@code baseUrl} would. */
	static URI resolve(URI base, URI relative) {
		String prefix = base.toString();
		prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
		String path = relative.toString();
		return URI.create(prefix + (path.startsWith("/") || path.isEmpty() ? path : "/" + path));
	}

}
