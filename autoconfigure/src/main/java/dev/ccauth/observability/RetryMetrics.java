package dev.ccauth.observability;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.retry.RetryObserver;

/**
 * Counts retries of API calls and token requests and replays after a 401
 * ({@code ccauth.http.retries}) and times the waits before them, {@code Retry-After}
 * included ({@code ccauth.http.retry.wait}), tagged with registration and reason (429,
 * 5xx, io, 401-replay). Runs on the calling thread, an event loop included: a few map
 * look-ups, no lock, no I/O.
 */
final class RetryMetrics implements RetryObserver {

	static final String RETRIES = "ccauth.http.retries";

	static final String WAIT = "ccauth.http.retry.wait";

	private final MeterRegistry registry;

	RetryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void retrying(RegistrationId registration, Reason reason, Duration wait) {
		Tags tags = Tags.of("registration", RegistrationView.key(registration), "reason", reason.tag());
		Counter.builder(RETRIES)
			.description("Retries of API calls and token requests, and replays after a 401")
			.tags(tags)
			.register(this.registry)
			.increment();
		Timer.builder(WAIT)
			.description("Time waited before a retry, Retry-After included (zero for a replay after a 401)")
			.tags(tags)
			.register(this.registry)
			.record(wait);
	}

}
