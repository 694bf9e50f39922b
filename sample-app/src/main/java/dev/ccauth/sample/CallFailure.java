package dev.ccauth.sample;

import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClientException;

/**
 * A RestClient call that failed, with the request it was: Spring's RestClient exceptions
 * do not say which request failed, and a pipeline log needs it.
 */
final class CallFailure extends RuntimeException {

	private final HttpMethod method;

	private final URI uri;

	CallFailure(HttpMethod method, URI uri, RestClientException cause) {
		super(method + " " + uri + ": " + cause.getMessage(), cause);
		this.method = method;
		this.uri = uri;
	}

	HttpMethod method() {
		return this.method;
	}

	URI uri() {
		return this.uri;
	}

	/** Calls the API; a failure other than ccauth's own carries the request it was. */
	static <T> T get(URI uri, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			throw new CallFailure(HttpMethod.GET, uri, ex);
		}
	}

}
