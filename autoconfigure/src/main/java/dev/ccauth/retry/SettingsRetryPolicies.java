package dev.ccauth.retry;

import java.time.Duration;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RetrySettings;
import org.springframework.core.retry.RetryPolicy;

/** Exponential backoff with jitter from each registration's {@code retry.*} settings. */
final class SettingsRetryPolicies implements ContactCenterRetryPolicies {

	static final SettingsRetryPolicies INSTANCE = new SettingsRetryPolicies();

	private SettingsRetryPolicies() {
	}

	@Override
	public RetryPolicy retryPolicy(Registration registration) {
		RetrySettings settings = registration.retry();
		Duration jitter = Duration.ofMillis((long) (settings.initialDelay().toMillis() * settings.jitter()));
		return RetryPolicy.builder()
			.maxRetries(settings.maxAttempts() - 1)
			.delay(settings.initialDelay())
			.multiplier(settings.multiplier())
			.maxDelay(settings.maxDelay())
			.jitter(jitter)
			.predicate((failure) -> failure instanceof ContactCenterException exception && exception.isTransient())
			.build();
	}

	@Override
	public String toString() {
		return "ContactCenterRetryPolicies.fromSettings()";
	}

}
