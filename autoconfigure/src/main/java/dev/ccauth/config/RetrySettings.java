package dev.ccauth.config;

import java.time.Duration;

/**
 * Retry and backoff settings, global under {@code ccauth.retry} or per registration.
 *
 * @param maxAttempts Attempts per call, the first one included (default 4)
 * @param initialDelay Delay before the first retry when the server gives no Retry-After
 * (default 1s)
 * @param multiplier Factor applied to the delay after each retry (default 2.0)
 * @param maxDelay Longest delay between two attempts (default 30s)
 * @param jitter Random share, between 0 and 1, added to or taken from each delay (default
 * 0.2)
 * @param maxRetryAfter Longest Retry-After the client waits for; a longer one fails at
 * once instead of hanging the job (default 180s)
 */
public record RetrySettings(Integer maxAttempts, Duration initialDelay, Double multiplier, Duration maxDelay,
		Double jitter, Duration maxRetryAfter) {

	public static final RetrySettings DEFAULTS = new RetrySettings(4, Duration.ofSeconds(1), 2.0,
			Duration.ofSeconds(30), 0.2, Duration.ofSeconds(180));

	/**
	 * These settings with the values a registration sets itself, if any, taking
	 * precedence.
	 */
	public RetrySettings overriddenBy(RetrySettings override) {
		return (override != null) ? override.orElse(this) : this;
	}

	/** These settings, with every unset value taken from {@code fallback}. */
	public RetrySettings orElse(RetrySettings fallback) {
		if (fallback == null) {
			return this;
		}
		return new RetrySettings(Settings.first(this.maxAttempts, fallback.maxAttempts),
				Settings.first(this.initialDelay, fallback.initialDelay),
				Settings.first(this.multiplier, fallback.multiplier), Settings.first(this.maxDelay, fallback.maxDelay),
				Settings.first(this.jitter, fallback.jitter),
				Settings.first(this.maxRetryAfter, fallback.maxRetryAfter));
	}

}
