package dev.ccauth.retry;

import java.time.Duration;
import java.util.Locale;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.RegistrationId;

/**
 * Told of every retry a registration's calls make, before the wait: for metrics and logs.
 * It must return at once (it runs on the calling thread, an event loop included).
 */
@FunctionalInterface
public interface RetryObserver {

	/** Observes nothing. */
	RetryObserver NONE = (registration, reason, wait) -> {
	};

	/**
	 * @param registration the registration whose call is retried
	 * @param reason why
	 * @param wait how long the call waits before the retry ({@code Retry-After}
	 * included); zero for a replay after a 401
	 */
	void retrying(RegistrationId registration, Reason reason, Duration wait);

	/** Why a call is retried. */
	enum Reason {

		/** 429 (or a token endpoint's rate limit). */
		RATE_LIMITED("429"),

		/** 5xx. */
		UNAVAILABLE("5xx"),

		/** No response: a refused or dropped connection, a timeout. */
		IO("io"),

		/** The API refused the token; a new one is used. */
		REPLAY_AFTER_401("401-replay");

		private final String tag;

		Reason(String tag) {
			this.tag = tag;
		}

		/**
		 * The metric tag value: {@code 429}, {@code 5xx}, {@code io}, {@code 401-replay}.
		 */
		public String tag() {
			return this.tag;
		}

		/** The reason of a failure that is retried. */
		public static Reason of(ContactCenterException failure) {
			int status = failure.status();
			if (status == 429 || failure.getMessage().toLowerCase(Locale.ROOT).contains("rate limit")) {
				return RATE_LIMITED;
			}
			return (status >= 500) ? UNAVAILABLE : IO;
		}

	}

}
