package dev.ccauth.retry;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

import dev.ccauth.ContactCenterException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Applies a Spring {@link RetryPolicy} to a Reactor sequence: the policy's predicate and backoff
 * decide, except that a {@code Retry-After} from the server replaces the computed delay, and one
 * longer than {@code maxRetryAfter} fails at once instead of hanging the job. When the attempts
 * run out, the last failure itself is signalled (not a wrapper), so callers see the platform's
 * error.
 */
public final class RetryAfterBackoff {

	private static final Logger logger = LoggerFactory.getLogger(RetryAfterBackoff.class);

	private RetryAfterBackoff() {
	}

	/**
	 * @param policy the registration's policy
	 * @param maxRetryAfter the longest Retry-After waited for
	 * @param scheduler where delays run (virtual time in tests)
	 * @param kind the failures this step retries; others (a token failure seen by an API call,
	 * say) were retried where they happened and pass through
	 */
	public static Retry of(RetryPolicy policy, Duration maxRetryAfter, Scheduler scheduler,
			Class<? extends ContactCenterException> kind) {
		return Retry.from((signals) -> {
			BackOffExecution backOff = policy.getBackOff().start();
			return signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				if (!kind.isInstance(failure) || !policy.shouldRetry(failure)) {
					return Mono.error(failure);
				}
				Duration asked = (failure instanceof ContactCenterException exception)
						? exception.retryAfter().orElse(null) : null;
				if (asked != null && asked.compareTo(maxRetryAfter) > 0) {
					return Mono.error(tooLong((ContactCenterException) failure, asked, maxRetryAfter));
				}
				long next = backOff.nextBackOff();
				if (next == BackOffExecution.STOP) {
					return Mono.error(failure);
				}
				Duration wait = (asked != null) ? asked : Duration.ofMillis(next);
				logger.debug("Retry {} in {} ms after: {}", signal.totalRetries() + 1, wait.toMillis(),
						failure.getMessage());
				return Mono.delay(wait, scheduler);
			});
		});
	}

	private static ContactCenterException tooLong(ContactCenterException failure, Duration asked, Duration max) {
		String property = failure.registration().propertyPrefix() + ".retry.max-retry-after";
		return new ContactCenterException(failure.registration(), failure.endpoint(), failure.status(),
				failure.errorCode().orElse(null), failure.errorDescription().orElse(null),
				"rate limited: the platform asks to wait " + asked.toSeconds() + "s before retrying, more than "
						+ property + " (" + max.toSeconds() + "s)",
				"Run the job later, lower its request rate, or raise " + property, failure);
	}

}
