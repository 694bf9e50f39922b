package dev.ccauth.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import dev.ccauth.retry.RetryAfterBackoff;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * A registration's RestClient does what its WebClient's filters do, blocking: resolves a
 * relative URL against a discovered base URL, retries what can be ridden out
 * ({@link ApiFailures}, the same policy and Retry-After handling), sends the token to the
 * registration's own origin only, and on a 401 drops the token that got it (once, however
 * many threads saw it) and sends the request once more. Waits park the calling thread (a
 * latch, {@link Thread#sleep}); nothing here holds a monitor, so virtual threads never
 * pin their carrier.
 */
final class BearerTokenInterceptor implements ClientHttpRequestInterceptor {

	private final ApiBase base;

	private final TokenSource tokens;

	private final ApiFailures failures;

	/** Told of each replay after a 401. */
	private final Runnable replayed;

	private final RetryAfterBackoff retries;

	BearerTokenInterceptor(ApiBase base, TokenSource tokens, ApiFailures failures, RetryAfterBackoff retries,
			Runnable replayed) {
		this.base = base;
		this.tokens = tokens;
		this.failures = failures;
		this.replayed = replayed;
		this.retries = retries;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
		HttpRequest resolved = resolve(request);
		Origin origin = (this.base.knownOrigin() != null) ? this.base.knownOrigin() : this.base.origin().block();
		boolean own = origin != null && origin.matches(resolved.getURI());
		return this.retries.callBlocking(() -> attempt(resolved, body, execution, own));
	}

	private HttpRequest resolve(HttpRequest request) {
		if (request.getURI().isAbsolute()) {
			return request;
		}
		URI base = (this.base.known() != null) ? this.base.known() : this.base.url().block();
		URI absolute = ApiBase.resolve(base, request.getURI());
		return new HttpRequestWrapper(request) {

			@Override
			public URI getURI() {
				return absolute;
			}

		};
	}

	private ClientHttpResponse attempt(HttpRequest request, byte[] body, ClientHttpRequestExecution execution,
			boolean own) {
		ClientHttpResponse response;
		try {
			response = own ? authorized(request, body, execution) : execution.execute(request, body);
			int status = response.getStatusCode().value();
			ApiFailures.Failure failure = this.failures.classify(status, request.getMethod());
			if (failure == null) {
				return response;
			}
			throw failed(failure, request, response);
		}
		catch (IOException ex) {
			throw this.failures.unreachable(request.getMethod(), request.getURI(), ex);
		}
	}

	private ClientHttpResponse authorized(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		AccessToken token = this.tokens.usableToken();
		if (token == null) {
			token = this.tokens.token().block();
		}
		ClientHttpResponse response = execution.execute(withToken(request, token), body);
		if (response.getStatusCode().value() != 401) {
			return response;
		}
		response.close();
		this.tokens.invalidate(token);
		this.replayed.run();
		ClientHttpResponse again = execution.execute(withToken(request, this.tokens.token().block()), body);
		if (again.getStatusCode().value() == 401) {
			throw failed(this.failures.refusedTwice(), request, again);
		}
		return again;
	}

	private ApiCallException failed(ApiFailures.Failure failure, HttpRequest request, ClientHttpResponse response)
			throws IOException {
		try (response) {
			byte[] errorBody;
			try (InputStream in = response.getBody()) {
				errorBody = in.readAllBytes();
			}
			catch (UncheckedIOException | IOException ex) {
				errorBody = new byte[0];
			}
			return this.failures.exception(failure, request.getMethod(), request.getURI(),
					response.getStatusCode().value(), response.getHeaders(), errorBody);
		}
	}

	private static HttpRequest withToken(HttpRequest request, AccessToken token) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(request.getHeaders());
		headers.setBearerAuth(token.value());
		return new HttpRequestWrapper(request) {

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

}
