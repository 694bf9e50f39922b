package dev.ccauth.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.ccauth.config.Registration;
import dev.ccauth.config.Secret;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.token.RetryAfter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

/** Reads an API error response into an {@link ApiCallException}: the platform's code and description, redacted. */
final class ApiErrors {

	private static final int MAX_DESCRIPTION = 300;

	private ApiErrors() {
	}

	/**
	 * Consumes the response body and makes the exception.
	 * @param transientFailure whether the call may be retried
	 */
	static Mono<ApiCallException> read(Registration registration, ClientRequest request, ClientResponse response,
			String summary, String hint, boolean transientFailure, Clock clock) {
		int status = response.statusCode().value();
		Duration retryAfter = retryAfter(response.headers().asHttpHeaders(), clock);
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map((body) -> {
			JsonNode node = ResponseBodies.object(body);
			String code = ResponseBodies.text(node, "code", "error");
			String description = ResponseBodies.text(node, "message", "errorDescription", "error_description",
					"description");
			return new ApiCallException(registration.id(), endpoint(request), status, code,
					redact(registration.secrets(), description), summary + " " + request.method() + " " + endpoint(request),
					hint, transientFailure, retryAfter, null);
		});
	}

	/**
	 * {@code Retry-After} only: Genesys sends it on every 429 and removed its {@code inin-ratelimit-*} headers from
	 * every response in June 2021.
	 */
	static Duration retryAfter(HttpHeaders headers, Clock clock) {
		return RetryAfter.parse(headers, clock);
	}

	/** The URL without its query, which may carry identifiers users do not want in logs. */
	static String endpoint(ClientRequest request) {
		String url = request.url().toString();
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	static String redact(List<Secret> secrets, String text) {
		String result = text;
		for (Secret secret : secrets) {
			result = secret.redactFrom(result);
		}
		return (result != null && result.length() > MAX_DESCRIPTION) ? result.substring(0, MAX_DESCRIPTION) + "..."
				: result;
	}

}
