package dev.ccauth.testkit;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access tokens the sandbox issued: opaque random strings, each remembered with its
 * platform, client and expiry. Revocation is a mark, not a removal, so that
 * {@link Sandbox#reset()} can undo it.
 */
final class TokenStore {

	/** Every this many issued tokens, expired ones are swept. */
	private static final int SWEEP_EVERY = 4096;

	enum Validity {

		VALID, MISSING, UNKNOWN, EXPIRED, REVOKED, FOREIGN

	}

	record IssuedToken(Platform platform, String clientId, String subject, long expiresAtNanos, long sequence) {
	}

	private final SecureRandom random = new SecureRandom();

	private final ConcurrentHashMap<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final AtomicLong sequence = new AtomicLong();

	/** Tokens with a sequence below this were revoked by {@link #revokeAll()}. */
	private volatile long revokedBelow;

	private final AtomicInteger[] issued = { new AtomicInteger(), new AtomicInteger() };

	private volatile Duration lifetime;

	TokenStore(Duration lifetime) {
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return lifetime;
	}

	void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	/**
	 * {@code expires_in}: the lifetime in whole seconds, rounded up so a sub-second token
	 * still says 1.
	 */
	long expiresInSeconds() {
		long nanos = lifetime.toNanos();
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

	String issue(Platform platform, String clientId, String subject) {
		long seq = sequence.incrementAndGet();
		if (seq % SWEEP_EVERY == 0) {
			long now = System.nanoTime();
			tokens.values().removeIf(t -> now - t.expiresAtNanos > 0);
		}
		String token = randomToken();
		tokens.put(token, new IssuedToken(platform, clientId, subject, System.nanoTime() + lifetime.toNanos(), seq));
		issued[platform.ordinal()].incrementAndGet();
		return token;
	}

	/**
	 * Takes back a token that was never handed out (a body without {@code access_token}).
	 */
	void forget(String token) {
		IssuedToken removed = tokens.remove(token);
		if (removed != null) {
			issued[removed.platform().ordinal()].decrementAndGet();
		}
	}

	String randomToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	Validity check(String token, Platform platform) {
		if (token == null || token.isEmpty()) {
			return Validity.MISSING;
		}
		IssuedToken issuedToken = tokens.get(token);
		if (issuedToken == null) {
			return Validity.UNKNOWN;
		}
		if (issuedToken.platform() != platform) {
			return Validity.FOREIGN;
		}
		if (issuedToken.sequence() < revokedBelow || revoked.contains(token)) {
			return Validity.REVOKED;
		}
		if (System.nanoTime() - issuedToken.expiresAtNanos() >= 0) {
			return Validity.EXPIRED;
		}
		return Validity.VALID;
	}

	IssuedToken get(String token) {
		return tokens.get(token);
	}

	void revoke(String token) {
		if (tokens.containsKey(token)) {
			revoked.add(token);
		}
	}

	void revokeAll() {
		revokedBelow = sequence.get() + 1;
	}

	int issued(Platform platform) {
		return issued[platform.ordinal()].get();
	}

	/**
	 * Back to a fresh state for counters and revocations; issued tokens stay valid until
	 * they expire.
	 */
	void reset(Duration lifetime) {
		this.lifetime = lifetime;
		revoked.clear();
		revokedBelow = 0;
		for (AtomicInteger counter : issued) {
			counter.set(0);
		}
	}

}
