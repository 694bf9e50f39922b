package dev.ccauth.web;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The base URL of a client whose API host is discovered (CXone tenants): relative request URLs are
 * resolved against it on first use, as {@code WebClient.Builder.baseUrl} would do with a known one.
 */
final class DiscoveredBaseUrlFilter implements ExchangeFilterFunction {

	private final Mono<URI> baseUrl;

	DiscoveredBaseUrlFilter(Mono<URI> baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (request.url().isAbsolute()) {
			return next.exchange(request);
		}
		return this.baseUrl.flatMap((base) -> next.exchange(ClientRequest.from(request).url(resolve(base, request.url())).build()));
	}

	static URI resolve(URI base, URI relative) {
		String prefix = base.toString();
		prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
		String path = relative.toString();
		return URI.create(prefix + (path.startsWith("/") || path.isEmpty() ? path : "/" + path));
	}

}
