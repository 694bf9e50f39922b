package dev.ccauth.config;

import java.time.Duration;

/**
 * Token lifetime settings, global under {@code ccauth.token} or per registration.
 *
 * @param refreshSkew How long before expiry a token is renewed; never more than half the
 * token's lifetime, so that short-lived tokens are not renewed on every call (default 5m)
 * @param defaultLifetime Lifetime assumed when the token response has no expires_in
 * (default 1h)
 * @param store Where tokens are kept: shared (default; with a store shared by processes
 * when one is installed, such as the ccauth-redis module) or local (in this process only)
 */
public record TokenSettings(Duration refreshSkew, Duration defaultLifetime, Store store) {

	public static final TokenSettings DEFAULTS = new TokenSettings(Duration.ofMinutes(5), Duration.ofHours(1),
			Store.SHARED);

	/**
	 * These settings with the values a registration sets itself, if any, taking
	 * precedence.
	 */
	public TokenSettings overriddenBy(TokenSettings override) {
		return (override != null) ? override.orElse(this) : this;
	}

	/** These settings, with every unset value taken from {@code fallback}. */
	public TokenSettings orElse(TokenSettings fallback) {
		if (fallback == null) {
			return this;
		}
		return new TokenSettings(Settings.first(this.refreshSkew, fallback.refreshSkew),
				Settings.first(this.defaultLifetime, fallback.defaultLifetime),
				Settings.first(this.store, fallback.store));
	}

	/** Where tokens are kept. */
	public enum Store {

		/** In a store shared by processes when one is installed, else in this process. */
		SHARED,

		/** In this process only, even when a shared store is installed. */
		LOCAL

	}

}
