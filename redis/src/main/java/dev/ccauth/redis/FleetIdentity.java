package dev.ccauth.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

import dev.ccauth.config.Registration;
import dev.ccauth.config.Secret;

/**
 * What makes the tokens of two registrations interchangeable (token endpoint, client id,
 * grant and its subject, scopes), and the Redis keys derived from its hash: never the
 * client id or a secret in clear. The endpoint is the configured one; a discovered one
 * (CXone) is represented by the issuer, which {@code tokenIdentity()} carries.
 */
final class FleetIdentity {

	private static final String VERSION = "ccauth-token-v1";

	private final byte[] hash;

	private final String tokenKey;

	private final String lockKey;

	private FleetIdentity(byte[] hash, String keyPrefix) {
		this.hash = hash;
		// the hash tag {...} keeps both keys in one slot of a Redis Cluster
		String tag = "{" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "}";
		this.tokenKey = keyPrefix + tag + ":token";
		this.lockKey = keyPrefix + tag + ":lock";
	}

	static FleetIdentity of(Registration registration, String keyPrefix) {
		TreeSet<String> scopes = new TreeSet<>(registration.scopes());
		List<String> fields = List.of(VERSION, registration.id().platform().key(),
				(registration.tokenUri() != null) ? registration.tokenUri().toString() : "-",
				registration.client().clientId(), registration.details().tokenIdentity(), String.join(" ", scopes));
		return new FleetIdentity(sha256(lengthPrefixed(fields.stream().map(FleetIdentity::utf8).toList())), keyPrefix);
	}

	/**
	 * The key material the token's encryption key is derived from: every credential
	 * secret.
	 */
	static byte[] credentialSecrets(Registration registration) {
		List<byte[]> secrets = new java.util.ArrayList<>();
		secrets.add(utf8(registration.client().clientSecret().reveal()));
		for (Secret secret : registration.details().secrets()) {
			secrets.add(utf8(secret.reveal()));
		}
		return lengthPrefixed(secrets);
	}

	byte[] hash() {
		return this.hash.clone();
	}

	String tokenKey() {
		return this.tokenKey;
	}

	String lockKey() {
		return this.lockKey;
	}

	/** Each field preceded by its length, so that no two lists of fields encode alike. */
	private static byte[] lengthPrefixed(List<byte[]> fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] field : fields) {
			int n = field.length;
			out.write(n >>> 24);
			out.write(n >>> 16);
			out.write(n >>> 8);
			out.write(n);
			out.writeBytes(field);
		}
		return out.toByteArray();
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "FleetIdentity[" + this.tokenKey + "]";
	}

}
