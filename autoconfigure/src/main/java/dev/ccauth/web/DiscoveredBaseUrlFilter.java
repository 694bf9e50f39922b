package dev.ccauth.web;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The base URL of a client whose API host is discovered (CXone tenants): relative request
 * URLs are resolved against it on first use, as {@code WebClient.Builder.baseUrl} would
 * do with a known one.
 */
final class DiscoveredBaseUrlFilter implements ExchangeFilterFunction {

	private final ApiBase base;

	DiscoveredBaseUrlFilter(ApiBase base) {
		this.base = base;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (request.url().isAbsolute()) {
			return next.exchange(request);
		}
		return this.base.url()
			.flatMap((base) -> next
				.exchange(ClientRequest.from(request).url(ApiBase.resolve(base, request.url())).build()));
	}

}
