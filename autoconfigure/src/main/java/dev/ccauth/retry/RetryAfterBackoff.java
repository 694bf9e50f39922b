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
 * Applies a Spring {@link RetryPolicy} to a Reactor call: the policy's predicate and
 * backoff decide, except that a {@code Retry-After} from the server replaces the computed
 * delay, and one longer than {@code maxRetryAfter} fails at once instead of hanging the
 * job. When the attempts run out, the last failure itself is signalled (not a wrapper),
 * so callers see the platform's error.
 * <p>
 * Built on {@code onErrorResume} rather than {@code retryWhen}: a call that succeeds pays
 * for one operator, and the backoff state exists only once a call has failed.
 */
public final class RetryAfterBackoff {

	private static final Logger logger = LoggerFactory.getLogger(RetryAfterBackoff.class);

	private final RetryPolicy policy;

	private final Duration maxRetryAfter;

	private final Scheduler scheduler;

	private final Class<? extends ContactCenterException> kind;

	private final RetryObserver observer;

	/**
	 * @param policy the registration's policy
	 * @param maxRetryAfter the longest Retry-After waited for
	 * @param scheduler where delays run (virtual time in tests)
	 * @param kind the failures this step retries; others (a token failure seen by an API
	 * call, say) were retried where they happened and pass through
	 */
	public RetryAfterBackoff(RetryPolicy policy, Duration maxRetryAfter, Scheduler scheduler,
			Class<? extends ContactCenterException> kind) {
		this(policy, maxRetryAfter, scheduler, kind, RetryObserver.NONE);
	}

	/**
	 * @param policy the registration's policy
	 * @param maxRetryAfter the longest Retry-After waited for
	 * @param scheduler where delays run (virtual time in tests)
	 * @param kind the failures this step retries
	 * @param observer told of each retry before its wait
	 */
	public RetryAfterBackoff(RetryPolicy policy, Duration maxRetryAfter, Scheduler scheduler,
			Class<? extends ContactCenterException> kind, RetryObserver observer) {
		this.policy = policy;
		this.maxRetryAfter = maxRetryAfter;
		this.scheduler = scheduler;
		this.kind = kind;
		this.observer = observer;
	}

	/**
	 * Makes the call, and makes it again as the policy allows while it fails transiently.
	 */
	public <T> Mono<T> call(Supplier<Mono<T>> attempt) {
		return attempt.get().onErrorResume(this.kind, (failure) -> retry(attempt, failure, null, 1));
	}

	private <T> Mono<T> retry(Supplier<Mono<T>> attempt, ContactCenterException failure, BackOffExecution backOff,
			int retry) {
		Decision decision = decide(failure, backOff);
		if (decision.failure() != null) {
			return Mono.error(decision.failure());
		}
		logger.debug("{}: retry {} in {} ms after: {}", failure.registration(), retry, decision.delay().toMillis(),
				failure.getMessage());
		this.observer.retrying(failure.registration(), RetryObserver.Reason.of(failure), decision.delay());
		return Mono.delay(decision.delay(), this.scheduler)
			.then(Mono.defer(attempt))
			.onErrorResume(this.kind, (again) -> retry(attempt, again, decision.backOff(), retry + 1));
	}

	/**
	 * Makes a blocking call, and makes it again as the policy allows while it fails
	 * transiently, waiting in between with {@link Thread#sleep}, which parks a virtual
	 * thread rather than pinning its carrier. Failures other than this step's kind pass
	 * through.
	 */
	public <T> T callBlocking(Supplier<T> attempt) {
		BackOffExecution backOff = null;
		for (int retry = 1;; retry++) {
			ContactCenterException failure;
			try {
				return attempt.get();
			}
			catch (ContactCenterException ex) {
				if (!this.kind.isInstance(ex)) {
					throw ex;
				}
				failure = ex;
			}
			Decision decision = decide(failure, backOff);
			if (decision.failure() != null) {
				throw decision.failure();
			}
			backOff = decision.backOff();
			logger.debug("{}: retry {} in {} ms after: {}", failure.registration(), retry, decision.delay().toMillis(),
					failure.getMessage());
			this.observer.retrying(failure.registration(), RetryObserver.Reason.of(failure), decision.delay());
			try {
				Thread.sleep(decision.delay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw failure;
			}
		}
	}

	/**
	 * Whether and when to try again after a failure: a wait and the backoff state, or the
	 * failure to signal.
	 */
	private Decision decide(ContactCenterException failure, BackOffExecution backOff) {
		if (!this.policy.shouldRetry(failure)) {
			return new Decision(null, null, failure);
		}
		Duration asked = failure.retryAfter().orElse(null);
		if (asked != null && asked.compareTo(this.maxRetryAfter) > 0) {
			return new Decision(null, null, tooLong(failure, asked, this.maxRetryAfter));
		}
		BackOffExecution execution = (backOff != null) ? backOff : this.policy.getBackOff().start();
		long next = execution.nextBackOff();
		if (next == BackOffExecution.STOP) {
			return new Decision(null, null, failure);
		}
		return new Decision((asked != null) ? asked : Duration.ofMillis(next), execution, null);
	}

	private record Decision(Duration delay, BackOffExecution backOff, ContactCenterException failure) {
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
