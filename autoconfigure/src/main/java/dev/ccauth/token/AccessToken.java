package dev.ccauth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ccauth.config.Secret;

/**
 * An access token and what is known of its life. {@link #toString()} never shows the
 * value.
 */
public final class AccessToken {

	private final Secret value;

	private final Instant obtainedAt;

	private final Instant expiresAt;

	private final Set<String> scopes;

	private final Map<String, Object> claims;

	/**
	 * @param value the token
	 * @param obtainedAt when the request for it was sent
	 * @param expiresAt when it expires, or {@code null} when unknown (a handed-over
	 * token)
	 * @param scopes the scopes granted, as the token endpoint reported them
	 * @param claims the claims of the id_token that came with it (CXone), else of the
	 * token itself when it is a JWT, or empty
	 */
	public AccessToken(String value, Instant obtainedAt, Instant expiresAt, Set<String> scopes,
			Map<String, Object> claims) {
		this.value = Secret.of(value);
		this.obtainedAt = obtainedAt;
		this.expiresAt = expiresAt;
		this.scopes = Set.copyOf(scopes);
		this.claims = Map.copyOf(claims);
	}

	/** A token handed over by an earlier step: its expiry is unknown. */
	static AccessToken handedOver(Secret value, Instant now) {
		return new AccessToken(value.reveal(), now, null, Set.of(), Map.of());
	}

	/** The token itself, for an Authorization header or a hand-over to a later step. */
	public String value() {
		return this.value.reveal();
	}

	public Instant obtainedAt() {
		return this.obtainedAt;
	}

	/** When the token expires; empty for a handed-over token whose expiry is unknown. */
	public Optional<Instant> expiresAt() {
		return Optional.ofNullable(this.expiresAt);
	}

	/**
	 * The lifetime granted, counted from when the request was sent; empty when unknown.
	 */
	public Optional<Duration> lifetime() {
		return expiresAt().map((expiry) -> Duration.between(this.obtainedAt, expiry));
	}

	public Set<String> scopes() {
		return this.scopes;
	}

	/**
	 * The claims of the id_token that came with the token (CXone's {@code tenantId}),
	 * else of the token itself when it is a JWT; empty otherwise. Read, not verified:
	 * they steer discovery only.
	 */
	public Map<String, Object> claims() {
		return this.claims;
	}

	/** Whether this is the same token value as the other, whichever object carries it. */
	public boolean sameValueAs(AccessToken other) {
		return other != null && (other == this || other.value.equals(this.value));
	}

	public boolean isExpiredAt(Instant instant) {
		return this.expiresAt != null && !instant.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "AccessToken[value=******, obtainedAt=" + this.obtainedAt + ", expiresAt=" + this.expiresAt + ", scopes="
				+ this.scopes + "]";
	}

}
