package dev.ccauth.retry;

import java.time.Duration;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RetrySettings;
import org.springframework.core.retry.RetryPolicy;

/** Exponential backoff with jitter from each registration's {@code retry.*} settings. */
public class SettingsRetryPolicies implements ContactCenterRetryPolicies {

	@Override
	public RetryPolicy retryPolicy(Registration registration) {
		return of(registration.retry());
	}

	public static RetryPolicy of(RetrySettings settings) {
		Duration jitter = Duration.ofMillis((long) (settings.initialDelay().toMillis() * settings.jitter()));
		return RetryPolicy.builder()
			.maxRetries(settings.maxAttempts() - 1)
			.delay(settings.initialDelay())
			.multiplier(settings.multiplier())
			.maxDelay(settings.maxDelay())
			.jitter(jitter)
			.predicate(SettingsRetryPolicies::isTransient)
			.build();
	}

	static boolean isTransient(Throwable failure) {
		return failure instanceof ContactCenterException exception && exception.isTransient();
	}

}
