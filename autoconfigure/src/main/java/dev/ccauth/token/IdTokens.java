package dev.ccauth.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the claims of an id_token (or of an access token that is a JWT). The signature is
 * not checked: the claims only steer discovery (CXone's tenantId) of endpoints that are
 * then reached over TLS with the token endpoint's answer.
 */
final class IdTokens {

	private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
	};

	private IdTokens() {
	}

	/** The claims of a JWT, or empty when the value is not one. */
	static Map<String, Object> claims(String idToken) {
		if (idToken == null) {
			return Map.of();
		}
		String[] parts = idToken.split("\\.");
		if (parts.length < 2) {
			return Map.of();
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
			Map<String, Object> claims = JsonMapper.shared()
				.readValue(new String(payload, StandardCharsets.UTF_8), CLAIMS);
			claims.values().removeIf(java.util.Objects::isNull);
			return claims;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Map.of();
		}
	}

}
