package dev.ccauth.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The RSA key that signs CXone {@code id_token}s (RS256, as CXone signs them) and its
 * public half as a JWK for {@code GET /auth/jwks}. JDK only.
 *
 * <p>
 * One key per JVM, made on a background thread the first time a sandbox starts: a
 * 2048-bit key takes up to a few hundred milliseconds, which should not land on an event
 * loop nor on every sandbox of a test suite. The sandboxes of one JVM thus publish the
 * same key; each token store is still their own.
 */
final class SigningKey {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static volatile CompletableFuture<SigningKey> shared;

	private final RSAPrivateKey privateKey;

	private final RSAPublicKey publicKey;

	private final String keyId;

	private final String header;

	private SigningKey(KeyPair pair) {
		this.privateKey = (RSAPrivateKey) pair.getPrivate();
		this.publicKey = (RSAPublicKey) pair.getPublic();
		this.keyId = thumbprint(publicKey);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("alg", "RS256");
		fields.put("typ", "JWT");
		fields.put("kid", keyId);
		this.header = BASE64URL.encodeToString(Json.bytes(fields));
	}

	/** Starts making the key if no sandbox has yet; returns at once. */
	static void prepare() {
		future();
	}

	/** The key, waiting for it if it is still being made. */
	static SigningKey shared() {
		return future().join();
	}

	private static CompletableFuture<SigningKey> future() {
		CompletableFuture<SigningKey> key = shared;
		if (key == null) {
			synchronized (SigningKey.class) {
				key = shared;
				if (key == null) {
					key = new CompletableFuture<>();
					CompletableFuture<SigningKey> made = key;
					Thread maker = new Thread(() -> {
						try {
							made.complete(generate());
						}
						catch (RuntimeException | Error e) {
							made.completeExceptionally(e);
						}
					}, "ccauth-sandbox-keygen");
					maker.setDaemon(true);
					maker.start();
					shared = key;
				}
			}
		}
		return key;
	}

	private static SigningKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return new SigningKey(generator.generateKeyPair());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("RSA is part of every JDK", e);
		}
	}

	String keyId() {
		return keyId;
	}

	/**
	 * A compact JWS: {@code {"alg":"RS256","typ":"JWT","kid":...}}, the claims, an
	 * RSASSA-PKCS1-v1_5 signature.
	 */
	String sign(Map<String, Object> claims) {
		String signingInput = header + "." + BASE64URL.encodeToString(Json.bytes(claims));
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(privateKey);
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + BASE64URL.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
		}
	}

	/** The JWK Set of {@code GET /auth/jwks} (RFC 7517). */
	Map<String, Object> jwks() {
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kty", "RSA");
		jwk.put("use", "sig");
		jwk.put("alg", "RS256");
		jwk.put("kid", keyId);
		jwk.put("n", unsigned(publicKey.getModulus()));
		jwk.put("e", unsigned(publicKey.getPublicExponent()));
		return Map.of("keys", List.of(jwk));
	}

	/** The RFC 7638 thumbprint: a key id that names this very key. */
	private static String thumbprint(RSAPublicKey key) {
		String canonical = "{\"e\":\"" + unsigned(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
				+ unsigned(key.getModulus()) + "\"}";
		try {
			return BASE64URL.encodeToString(
					MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/**
	 * JWK integers are unsigned big-endian, without the sign byte
	 * {@link BigInteger#toByteArray()} may add.
	 */
	private static String unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return BASE64URL.encodeToString(bytes);
	}

}
