package dev.ccauth.testkit;

/**
 * The rate limits in force; either may be off ({@code null}). Swapped whole, so windows
 * restart on a change.
 */
final class Limits {

	volatile FixedWindowLimiter api;

	volatile FixedWindowLimiter token;

	/**
	 * Whether Genesys API responses carry the {@code inin-ratelimit-*} headers that
	 * Genesys removed in June 2021; off unless a test of an old client asks for them.
	 */
	volatile boolean ininHeaders;

	Limits(RateLimit api, RateLimit token, boolean ininHeaders) {
		set(api, token, ininHeaders);
	}

	void set(RateLimit api, RateLimit token, boolean ininHeaders) {
		this.api = api == null ? null : new FixedWindowLimiter(api);
		this.token = token == null ? null : new FixedWindowLimiter(token);
		this.ininHeaders = ininHeaders;
	}

	/**
	 * The token endpoint's decision for this client, or {@code null} when that limit is
	 * off.
	 */
	FixedWindowLimiter.Decision tokenRequest(String clientId) {
		FixedWindowLimiter limiter = token;
		return limiter == null ? null : limiter.acquire(clientId);
	}

	/**
	 * The API's decision for this bearer token, or {@code null} when that limit is off.
	 */
	FixedWindowLimiter.Decision apiRequest(String accessToken) {
		FixedWindowLimiter limiter = api;
		return limiter == null ? null : limiter.acquire(accessToken);
	}

}
