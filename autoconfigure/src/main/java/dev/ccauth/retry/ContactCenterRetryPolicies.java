package dev.ccauth.retry;

import dev.ccauth.config.Registration;
import org.springframework.core.retry.RetryPolicy;

/**
 * The retry policy of each registration, for its token requests and API calls. The
 * default one is built from {@code ccauth.retry.*} ({@link #fromSettings()}); an
 * application replaces it by defining its own bean.
 * <p>
 * ccauth decides what may be retried at all (429, 502/503/504 and I/O failures of
 * idempotent calls, transient token endpoint failures:
 * {@link dev.ccauth.ContactCenterException#isTransient()}); the policy decides whether
 * and after which delay. A {@code Retry-After} sent by the server replaces the policy's
 * delay.
 */
@FunctionalInterface
public interface ContactCenterRetryPolicies {

	RetryPolicy retryPolicy(Registration registration);

	/**
	 * Exponential backoff with jitter from each registration's {@code retry.*} settings,
	 * retrying what ccauth marks as transient.
	 */
	static ContactCenterRetryPolicies fromSettings() {
		return SettingsRetryPolicies.INSTANCE;
	}

}
