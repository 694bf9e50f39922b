package dev.ccauth.testkit;

import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The CXone refresh tokens: compact JWTs, HS256 with a key made up when the sandbox
 * starts, so they need no storage and work only on the sandbox that issued them. Clients
 * treat them as opaque; the {@code id_token}, which clients may verify, is signed by
 * {@link SigningKey} instead.
 */
final class Jwt {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = BASE64URL.encodeToString(Json.bytes(Map.of("alg", "HS256", "typ", "JWT")));

	private final SecretKeySpec key;

	Jwt() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	String sign(Map<String, Object> claims) {
		String signingInput = HEADER + "." + BASE64URL.encodeToString(Json.bytes(claims));
		return signingInput + "." + BASE64URL.encodeToString(mac(signingInput));
	}

	/** The claims of a JWT this instance signed, or {@code null} for anything else. */
	JsonNode verify(String jwt) {
		if (jwt == null) {
			return null;
		}
		int lastDot = jwt.lastIndexOf('.');
		int firstDot = jwt.indexOf('.');
		if (firstDot < 0 || lastDot == firstDot) {
			return null;
		}
		try {
			byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1));
			if (!MessageDigest.isEqual(signature, mac(jwt.substring(0, lastDot)))) {
				return null;
			}
			return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.substring(firstDot + 1, lastDot)));
		}
		catch (RuntimeException malformed) {
			return null;
		}
	}

	private byte[] mac(String signingInput) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

}
