package dev.ccauth.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response decided by a handler, written by {@link SandboxHandler}. Immutable. */
record Reply(int status, Map<String, String> headers, byte[] body) {

	private static final byte[] EMPTY = new byte[0];

	static Reply json(int status, Object body) {
		return new Reply(status, Map.of("content-type", "application/json"), Json.bytes(body));
	}

	static Reply text(int status, String contentType, String body) {
		return new Reply(status, Map.of("content-type", contentType), body.getBytes(StandardCharsets.UTF_8));
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
