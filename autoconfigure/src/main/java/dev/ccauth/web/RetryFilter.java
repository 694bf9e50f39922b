package dev.ccauth.web;

import reactor.core.publisher.Mono;

import dev.ccauth.retry.RetryAfterBackoff;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Rides out what can be ridden out, and fails clearly on the rest, as {@link ApiFailures}
 * decides: each attempt goes through the filters after this one (the token is taken anew
 * each time).
 */
final class RetryFilter implements ExchangeFilterFunction {

	private final ApiFailures failures;

	private final RetryAfterBackoff retries;

	RetryFilter(ApiFailures failures, RetryAfterBackoff retries) {
		this.failures = failures;
		this.retries = retries;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.retries.call(() -> next.exchange(request)
			.onErrorMap(WebClientRequestException.class,
					(ex) -> this.failures.unreachable(request.method(), request.url(), ex))
			.flatMap((response) -> check(request, response)));
	}

	private Mono<ClientResponse> check(ClientRequest request, ClientResponse response) {
		ApiFailures.Failure failure = this.failures.classify(response.statusCode().value(), request.method());
		return (failure != null) ? fail(this.failures, failure, request, response) : Mono.just(response);
	}

	/** Reads the error body and signals the failure. */
	static Mono<ClientResponse> fail(ApiFailures failures, ApiFailures.Failure failure, ClientRequest request,
			ClientResponse response) {
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> Mono.error(failures.exception(failure, request.method(), request.url(),
					response.statusCode().value(), response.headers().asHttpHeaders(), body)));
	}

}
