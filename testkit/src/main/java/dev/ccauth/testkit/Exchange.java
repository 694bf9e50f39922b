package dev.ccauth.testkit;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the handlers see it: method, path, query, headers, and the whole body.
 */
final class Exchange {

	record Basic(String clientId, String clientSecret) {
	}

	private final String method;

	private final String uri;

	private final HttpHeaders headers;

	private final String body;

	private final String baseUrl;

	private final int port;

	private final QueryStringDecoder decoder;

	private Map<String, String> form;

	Exchange(String method, String uri, HttpHeaders headers, String body, String baseUrl, int port) {
		this.method = method;
		this.uri = uri;
		this.headers = headers;
		this.body = body;
		this.baseUrl = baseUrl;
		this.port = port;
		this.decoder = new QueryStringDecoder(uri);
	}

	String method() {
		return method;
	}

	String path() {
		return decoder.rawPath();
	}

	String rawQuery() {
		return decoder.rawQuery();
	}

	String host() {
		return headers.get(HttpHeaderNames.HOST);
	}

	boolean hasAuthorization() {
		return headers.contains(HttpHeaderNames.AUTHORIZATION);
	}

	/**
	 * The base URL as this client reaches the sandbox: {@code localhost} and
	 * {@code 127.0.0.1} differ, and a client that sends its token only to its own host
	 * must find links on that host. Any other Host header (it could say anything) falls
	 * back to the configured base URL.
	 */
	String base() {
		String host = host();
		if (host != null) {
			String lower = host.toLowerCase(Locale.ROOT);
			if (lower.equals("127.0.0.1:" + port) || lower.equals("localhost:" + port)) {
				return baseUrl.substring(0, baseUrl.indexOf("://") + 3) + lower;
			}
		}
		return baseUrl;
	}

	/** A query parameter (first value), or {@code null}. */
	String query(String name) {
		try {
			List<String> values = decoder.parameters().get(name);
			return values == null || values.isEmpty() ? null : values.get(0);
		}
		catch (IllegalArgumentException malformed) {
			throw new BadRequest("malformed query string");
		}
	}

	/**
	 * Every value of a query parameter, repeated ({@code id=a&id=b}) or comma-separated
	 * ({@code id=a,b}) as the platforms accept lists; empty when absent.
	 */
	List<String> queryValues(String name) {
		List<String> values;
		try {
			values = decoder.parameters().get(name);
		}
		catch (IllegalArgumentException malformed) {
			throw new BadRequest("malformed query string");
		}
		if (values == null) {
			return List.of();
		}
		List<String> split = new ArrayList<>();
		for (String value : values) {
			for (String item : value.split(",")) {
				if (!item.isBlank()) {
					split.add(item.trim());
				}
			}
		}
		return split;
	}

	/**
	 * The {@code application/x-www-form-urlencoded} body; a repeated parameter is an
	 * error as in RFC 6749.
	 */
	Map<String, String> form() {
		if (form == null) {
			form = parseForm();
		}
		return form;
	}

	String formValue(String name) {
		String value = form().get(name);
		return value == null || value.isEmpty() ? null : value;
	}

	private Map<String, String> parseForm() {
		if (body.isEmpty()) {
			return Map.of();
		}
		String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
		if (contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			throw new BadRequest("Content-Type must be application/x-www-form-urlencoded");
		}
		Map<String, String> values = new HashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
			if (values.put(name, value) != null) {
				throw new BadRequest("parameter " + name + " must not be repeated");
			}
		}
		return values;
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			throw new BadRequest("malformed form body");
		}
	}

	/**
	 * HTTP Basic client credentials as RFC 6749 section 2.3.1 defines them, or
	 * {@code null} when the request has none: Base64, split at the first {@code :}, then
	 * id and secret each {@code application/x-www-form-urlencoded} decoded. A client that
	 * skips the form-encoding fails here, as it does against a conformant server, when
	 * its secret holds {@code + % :} or other reserved characters.
	 */
	Basic basic() {
		String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			throw new BadRequest("malformed Basic credentials");
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			throw new BadRequest("malformed Basic credentials");
		}
		try {
			return new Basic(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException notFormEncoded) {
			throw new BadRequest("malformed Basic credentials: client id and secret must be form-encoded"
					+ " (RFC 6749 section 2.3.1)");
		}
	}

	/**
	 * The client id a token request authenticates with (Basic first, then the form),
	 * without failing.
	 */
	String claimedClientId() {
		try {
			Basic basic = basic();
			return basic != null ? basic.clientId() : formValue("client_id");
		}
		catch (BadRequest unreadable) {
			return null;
		}
	}

	/** The bearer token, or {@code null} when there is none. */
	String bearer() {
		String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = authorization.substring(7).trim();
		return token.isEmpty() ? null : token;
	}

}
