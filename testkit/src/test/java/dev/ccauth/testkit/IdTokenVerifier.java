package dev.ccauth.testkit;

import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * What a client that verifies id_tokens does, with the JDK alone: find the JWK by kid,
 * check the RS256 signature.
 */
final class IdTokenVerifier {

	private IdTokenVerifier() {
	}

	/**
	 * The claims of a JWT whose RS256 signature checks out against a key of the JWK Set;
	 * else an AssertionError.
	 */
	static JsonNode verify(String jwt, JsonNode jwks) {
		String[] parts = jwt.split("\\.");
		if (parts.length != 3) {
			throw new AssertionError("not a compact JWS: " + parts.length + " parts");
		}
		JsonNode header = json(parts[0]);
		if (!"RS256".equals(header.path("alg").asString(""))) {
			throw new AssertionError("alg must be RS256, was " + header.path("alg"));
		}
		String kid = header.path("kid").asString("");
		JsonNode jwk = null;
		for (JsonNode key : jwks.path("keys")) {
			if (kid.equals(key.path("kid").asString(""))) {
				jwk = key;
			}
		}
		if (jwk == null) {
			throw new AssertionError("no key with kid " + kid + " in " + jwks);
		}
		try {
			PublicKey key = KeyFactory.getInstance("RSA")
				.generatePublic(
						new RSAPublicKeySpec(unsigned(jwk.get("n").asString()), unsigned(jwk.get("e").asString())));
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initVerify(key);
			signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
				throw new AssertionError("the signature does not match the published key");
			}
		}
		catch (GeneralSecurityException e) {
			throw new AssertionError("cannot check the signature: " + e, e);
		}
		return json(parts[1]);
	}

	private static JsonNode json(String base64url) {
		return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
	}

	private static BigInteger unsigned(String base64url) {
		return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
	}

}
