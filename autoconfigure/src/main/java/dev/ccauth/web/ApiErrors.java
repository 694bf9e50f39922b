package dev.ccauth.web;

import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.ccauth.config.Registration;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.http.RetryAfter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;

/** Reads an API error response into an {@link ApiCallException}: the platform's code and description, redacted. */
final class ApiErrors {

	private ApiErrors() {
	}

	/**
	 * Consumes the response body and makes the exception.
	 * @param transientFailure whether the call may be retried
	 * @param token the token the request was sent with, if known, masked wherever the body echoes it
	 */
	static Mono<ApiCallException> read(Registration registration, ClientRequest request, ClientResponse response,
			String summary, String hint, boolean transientFailure, Clock clock, String token) {
		int status = response.statusCode().value();
		// Retry-After only: platforms send it on every 429 (Genesys removed its own rate-limit headers in 2021)
		Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders(), clock);
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map((body) -> {
			JsonNode node = ResponseBodies.object(body);
			String code = ResponseBodies.text(node, "code", "error");
			String description = (node != null) ? ResponseBodies.text(node, "message", "errorDescription",
					"error_description", "description") : ResponseBodies.plainText(body);
			return new ApiCallException(registration.id(), endpoint(request), status,
					redact(registration, code, token), redact(registration, description, token),
					summary + " " + request.method() + " " + endpoint(request), hint, transientFailure, retryAfter, null);
		});
	}

	/** The URL without its query, which may carry identifiers users do not want in logs. */
	static String endpoint(ClientRequest request) {
		String url = request.url().toString();
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	static String redact(Registration registration, String text, String token) {
		String result = (token != null) ? registration.redact(text, token) : registration.redact(text);
		return ResponseBodies.abbreviated(result);
	}

}
