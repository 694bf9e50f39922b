package dev.ccauth.redis;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): the JDK has the HMAC but not the key derivation.
 */
final class Hkdf {

	private static final String HMAC = "HmacSHA256";

	private static final int HASH_LENGTH = 32;

	private Hkdf() {
	}

	/** Extract then expand: {@code length} bytes of output keying material. */
	static byte[] derive(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
		return expand(extract(salt, inputKeyMaterial), info, length);
	}

	/**
	 * RFC 5869 2.2: a pseudorandom key from the input keying material; no salt means
	 * zeros.
	 */
	static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
		byte[] key = (salt == null || salt.length == 0) ? new byte[HASH_LENGTH] : salt;
		return hmac(key).doFinal(inputKeyMaterial);
	}

	/** RFC 5869 2.3: T(1) | T(2) | ..., T(i) = HMAC(PRK, T(i-1) | info | i). */
	static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
		if (length < 1 || length > 255 * HASH_LENGTH) {
			throw new IllegalArgumentException("HKDF output length must be 1 to " + (255 * HASH_LENGTH) + " bytes");
		}
		Mac mac = hmac(pseudorandomKey);
		byte[] output = new byte[length];
		byte[] previous = new byte[0];
		int written = 0;
		for (int i = 1; written < length; i++) {
			mac.update(previous);
			mac.update((info != null) ? info : new byte[0]);
			mac.update((byte) i);
			previous = mac.doFinal();
			int n = Math.min(previous.length, length - written);
			System.arraycopy(previous, 0, output, written, n);
			written += n;
		}
		Arrays.fill(previous, (byte) 0);
		return output;
	}

	private static Mac hmac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", ex);
		}
	}

}
