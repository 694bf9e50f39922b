package dev.ccauth.redis;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.ccauth.token.AccessToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a token for the shared store and opens it again: AES-256-GCM with a key derived
 * by HKDF from the registration's credential secrets (salted with the identity hash), so
 * that only holders of the credentials can read a stored token; the Redis key is the
 * associated data, so an entry moved under another key does not open. An entry is
 * {@code v1.<fingerprint>.<nonce and
 * ciphertext>}: the fingerprint, an HMAC of the token under another derived key, lets a
 * process compare-and-delete the token it saw refused without being a usable credential
 * itself.
 */
final class TokenSeal {

	private static final String FORMAT = "v1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int FINGERPRINT_BYTES = 16;

	private static final byte[] ENCRYPTION_INFO = "ccauth redis token store v1: AES-256-GCM key"
		.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FINGERPRINT_INFO = "ccauth redis token store v1: token fingerprint key"
		.getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKey encryptionKey;

	private final SecretKey fingerprintKey;

	private final byte[] associatedData;

	/**
	 * @param salt the identity hash
	 * @param credentialSecrets the credential secrets, as key material
	 * @param associatedData what the entry is bound to (its Redis key)
	 */
	TokenSeal(byte[] salt, byte[] credentialSecrets, String associatedData) {
		byte[] prk = Hkdf.extract(salt, credentialSecrets);
		byte[] encryption = Hkdf.expand(prk, ENCRYPTION_INFO, 32);
		byte[] fingerprint = Hkdf.expand(prk, FINGERPRINT_INFO, 32);
		this.encryptionKey = new SecretKeySpec(encryption, "AES");
		this.fingerprintKey = new SecretKeySpec(fingerprint, "HmacSHA256");
		Arrays.fill(prk, (byte) 0);
		Arrays.fill(encryption, (byte) 0);
		Arrays.fill(fingerprint, (byte) 0);
		this.associatedData = associatedData.getBytes(StandardCharsets.UTF_8);
	}

	/** The start every entry holding this token has: what compare-and-delete compares. */
	String prefixOf(AccessToken token) {
		return FORMAT + "." + fingerprint(token.value()) + ".";
	}

	String seal(AccessToken token) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("token", token.value());
		payload.put("obtainedAt", token.obtainedAt().toEpochMilli());
		payload.put("expiresAt", token.expiresAt().map(Instant::toEpochMilli).orElse(null));
		payload.put("scopes", List.copyOf(token.scopes()));
		payload.put("claims", token.claims());
		byte[] plaintext = JSON.writeValueAsBytes(payload);
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.associatedData);
			byte[] ciphertext = cipher.doFinal(plaintext);
			byte[] sealed = new byte[NONCE_BYTES + ciphertext.length];
			System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
			System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
			return prefixOf(token) + ENCODER.encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is missing from this JDK", ex);
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	/**
	 * The token in an entry, or empty when it does not open with this registration's key
	 * (other credentials, another key, a damaged or foreign value).
	 */
	@SuppressWarnings("unchecked")
	Optional<AccessToken> open(String entry) {
		if (entry == null) {
			return Optional.empty();
		}
		String[] parts = entry.split("\\.", 3);
		if (parts.length != 3 || !FORMAT.equals(parts[0])) {
			return Optional.empty();
		}
		byte[] plaintext = null;
		try {
			byte[] sealed = DECODER.decode(parts[2]);
			if (sealed.length <= NONCE_BYTES) {
				return Optional.empty();
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey,
					new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(this.associatedData);
			plaintext = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
			Map<String, Object> payload = JSON.readValue(plaintext, Map.class);
			Object expiresAt = payload.get("expiresAt");
			AccessToken token = new AccessToken((String) payload.get("token"),
					Instant.ofEpochMilli(((Number) payload.get("obtainedAt")).longValue()),
					(expiresAt != null) ? Instant.ofEpochMilli(((Number) expiresAt).longValue()) : null,
					Set.copyOf((List<String>) payload.get("scopes")), (Map<String, Object>) payload.get("claims"));
			// the fingerprint is outside the ciphertext: it must name this very token
			return prefixOf(token).equals(FORMAT + "." + parts[1] + ".") ? Optional.of(token) : Optional.empty();
		}
		catch (GeneralSecurityException | IllegalArgumentException | JacksonException | ClassCastException
				| NullPointerException ex) {
			return Optional.empty();
		}
		finally {
			if (plaintext != null) {
				Arrays.fill(plaintext, (byte) 0);
			}
		}
	}

	private String fingerprint(String token) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.fingerprintKey);
			byte[] digest = mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
			return ENCODER.encodeToString(Arrays.copyOf(digest, FINGERPRINT_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "TokenSeal[AES-256-GCM, key ******]";
	}

}
