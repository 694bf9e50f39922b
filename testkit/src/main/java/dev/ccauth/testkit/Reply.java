package dev.ccauth.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response decided by a handler, written by {@link SandboxHandler}. Immutable.
 *
 * <p>
 * Header names are written exactly as given. HTTP/1.1 names are case-insensitive, but
 * some clients are not (the official Genesys Java SDK looks up {@code Retry-After} and
 * {@code ININ-Correlation-Id} in a case-sensitive map), so they are spelled as the
 * platforms write them.
 */
record Reply(int status, Map<String, String> headers, byte[] body) {

	static final String CONTENT_TYPE = "Content-Type";
	static final String CONTENT_LENGTH = "Content-Length";
	static final String RETRY_AFTER = "Retry-After";
	static final String CORRELATION_ID = "ININ-Correlation-Id";
	static final String ALLOW = "Allow";
	static final String WWW_AUTHENTICATE = "WWW-Authenticate";
	static final String CACHE_CONTROL = "Cache-Control";
	static final String PRAGMA = "Pragma";

	private static final byte[] EMPTY = new byte[0];

	static Reply json(int status, Object body) {
		return new Reply(status, Map.of(CONTENT_TYPE, "application/json"), Json.bytes(body));
	}

	static Reply text(int status, String contentType, String body) {
		return new Reply(status, Map.of(CONTENT_TYPE, contentType), body.getBytes(StandardCharsets.UTF_8));
	}

	static Reply empty(int status) {
		return new Reply(status, Map.of(), EMPTY);
	}

	Reply withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(headers);
		copy.put(name, value);
		return new Reply(status, copy, body);
	}

	Reply withHeaders(Map<String, String> more) {
		if (more.isEmpty()) {
			return this;
		}
		Map<String, String> copy = new LinkedHashMap<>(headers);
		copy.putAll(more);
		return new Reply(status, copy, body);
	}

	Reply withBody(byte[] newBody) {
		return new Reply(status, headers, newBody);
	}

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}
}
