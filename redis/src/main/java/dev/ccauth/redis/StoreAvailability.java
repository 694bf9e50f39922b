package dev.ccauth.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers: after a failure the processes use their own token engines and
 * try Redis again after the retry interval. Says so once per outage at WARN, and once at
 * INFO when Redis is back.
 */
final class StoreAvailability {

	private static final Logger logger = LoggerFactory.getLogger(RedisTokenStore.class);

	private final Clock clock;

	private final java.time.Duration retryInterval;

	private final AtomicLong fallbacks = new AtomicLong();

	private volatile Outage outage;

	private volatile Instant since;

	StoreAvailability(Clock clock, java.time.Duration retryInterval) {
		this.clock = clock;
		this.retryInterval = retryInterval;
		this.since = clock.instant();
	}

	/**
	 * Whether to use Redis now: it answers, or it has been left alone long enough to try
	 * again.
	 */
	boolean worthTrying() {
		Outage current = this.outage;
		return current == null || !this.clock.instant().isBefore(current.retryAt);
	}

	void succeeded() {
		if (this.outage != null) {
			synchronized (this) {
				if (this.outage != null) {
					this.outage = null;
					this.since = this.clock.instant();
					logger.info("ccauth: Redis answers again; tokens are shared across processes again");
				}
			}
		}
	}

	void failed(Throwable error) {
		Instant now = this.clock.instant();
		String description = describe(error);
		boolean first;
		synchronized (this) {
			first = (this.outage == null);
			if (first) {
				this.since = now;
			}
			this.outage = new Outage(now.plus(this.retryInterval), description);
		}
		if (first) {
			logger.warn(
					"ccauth: Redis token store unavailable ({}); each process uses its own token engine "
							+ "until Redis answers again (tried again every {} s)",
					description, this.retryInterval.toMillis() / 1000.0);
		}
	}

	void fellBack() {
		this.fallbacks.incrementAndGet();
	}

	RedisTokenStore.Status status() {
		Outage current = this.outage;
		return new RedisTokenStore.Status(current == null, this.since, (current != null) ? current.description : null,
				this.fallbacks.get());
	}

	private static String describe(Throwable error) {
		if (error instanceof java.util.concurrent.TimeoutException) {
			return "no answer within ccauth.redis.operation-timeout";
		}
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String text = error.getClass().getSimpleName()
				+ ((cause != error) ? ", caused by " + cause.getClass().getSimpleName() : "")
				+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
		// a Redis URL in a message may carry a password
		return text.replaceAll("//[^/@\\s]*@", "//******@");
	}

	private record Outage(Instant retryAt, String description) {
	}

}
