package dev.ccauth.retry;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import dev.ccauth.ContactCenterException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Applies a Spring {@link RetryPolicy} to a Reactor call: the policy's predicate and backoff decide,
 * except that a {@code Retry-After} from the server replaces the computed delay, and one longer
 * than {@code maxRetryAfter} fails at once instead of hanging the job. When the attempts run out,
 * the last failure itself is signalled (not a wrapper), so callers see the platform's error.
 * <p>
 * Built on {@code onErrorResume} rather than {@code retryWhen}: a call that succeeds pays for one
 * operator, and the backoff state exists only once a call has failed.
 */
public final class RetryAfterBackoff {

	private static final Logger logger = LoggerFactory.getLogger(RetryAfterBackoff.class);

	private final RetryPolicy policy;

	private final Duration maxRetryAfter;

	private final Scheduler scheduler;

	private final Class<? extends ContactCenterException> kind;

	/**
	 * @param policy the registration's policy
	 * @param maxRetryAfter the longest Retry-After waited for
	 * @param scheduler where delays run (virtual time in tests)
	 * @param kind the failures this step retries; others (a token failure seen by an API call,
	 * say) were retried where they happened and pass through
	 */
	public RetryAfterBackoff(RetryPolicy policy, Duration maxRetryAfter, Scheduler scheduler,
			Class<? extends ContactCenterException> kind) {
		this.policy = policy;
		this.maxRetryAfter = maxRetryAfter;
		this.scheduler = scheduler;
		this.kind = kind;
	}

	/** Makes the call, and makes it again as the policy allows while it fails transiently. */
	public <T> Mono<T> call(Supplier<Mono<T>> attempt) {
		return attempt.get().onErrorResume(this.kind, (failure) -> retry(attempt, failure, null, 1));
	}

	private <T> Mono<T> retry(Supplier<Mono<T>> attempt, ContactCenterException failure, BackOffExecution backOff,
			int retry) {
		if (!this.policy.shouldRetry(failure)) {
			return Mono.error(failure);
		}
		Duration asked = failure.retryAfter().orElse(null);
		if (asked != null && asked.compareTo(this.maxRetryAfter) > 0) {
			return Mono.error(tooLong(failure, asked, this.maxRetryAfter));
		}
		BackOffExecution execution = (backOff != null) ? backOff : this.policy.getBackOff().start();
		long next = execution.nextBackOff();
		if (next == BackOffExecution.STOP) {
			return Mono.error(failure);
		}
		Duration wait = (asked != null) ? asked : Duration.ofMillis(next);
		logger.debug("{}: retry {} in {} ms after: {}", failure.registration(), retry, wait.toMillis(),
				failure.getMessage());
		return Mono.delay(wait, this.scheduler)
			.then(Mono.defer(attempt))
			.onErrorResume(this.kind, (again) -> retry(attempt, again, execution, retry + 1));
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
