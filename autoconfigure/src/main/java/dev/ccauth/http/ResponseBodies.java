package dev.ccauth.http;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the bodies of token, discovery and error responses, and what a pipeline log needs
 * of a failure. Bodies are read as bytes and parsed here rather than by a codec, so that
 * no codec logs a token at DEBUG.
 */
public final class ResponseBodies {

	private static final JsonMapper json = JsonMapper.shared();

	private ResponseBodies() {
	}

	/**
	 * The body as a JSON object, or {@code null} when it is empty, not JSON or not an
	 * object.
	 */
	public static JsonNode object(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The first of the fields that holds non-blank text, or {@code null}. */
	public static String text(JsonNode node, String... fields) {
		if (node == null) {
			return null;
		}
		for (String field : fields) {
			JsonNode value = node.get(field);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

	/**
	 * A short plain-text body as one line (a gateway's "Unauthorized", say), or
	 * {@code null} for an empty, binary or markup body. Callers redact it before showing
	 * it.
	 */
	public static String plainText(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		String text = new String(body, 0, Math.min(body.length, 1000), java.nio.charset.StandardCharsets.UTF_8).strip();
		if (text.isEmpty() || text.startsWith("<") || text.indexOf('\uFFFD') >= 0) {
			return null;
		}
		text = text.replaceAll("[\\p{Cntrl}\\s]+", " ");
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	/**
	 * Text from a server shortened for a one-line error: 300 characters at most. Redact
	 * it first, so that no part of a secret survives the cut.
	 */
	public static String abbreviated(String text) {
		return (text != null && text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	/**
	 * How to fix a request that reached no server, in one line.
	 * @param setting the setting that names the endpoint ({@code token-uri},
	 * {@code base-url})
	 */
	public static String networkHint(String setting) {
		return "Check the network, the proxy settings (https.proxyHost, HTTPS_PROXY) and " + setting;
	}

	/**
	 * The message of the deepest cause: what a pipeline log needs of a network failure.
	 */
	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
