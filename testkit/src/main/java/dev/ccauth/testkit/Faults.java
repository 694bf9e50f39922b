package dev.ccauth.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Injected faults and latency, per endpoint. Faults queue up in the order they were asked
 * for: {@code failNext(e, 2, 503)} then {@code dropNext(e, 1)} fails two requests, then
 * drops one.
 */
final class Faults {

	sealed interface Fault permits Fail, Drop, Malform {

	}

	/**
	 * @param retryAfter {@code null} for no {@code Retry-After} header
	 */
	record Fail(int status, Duration retryAfter) implements Fault {
	}

	record Drop() implements Fault {
	}

	record Malform(Malformation kind) implements Fault {
	}

	private static final class Pending {

		final Fault fault;

		int remaining;

		Pending(Fault fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

	private static final int ENDPOINTS = Endpoint.values().length;

	@SuppressWarnings("unchecked")
	private final ArrayDeque<Pending>[] queues = new ArrayDeque[ENDPOINTS];

	/** Faults still queued per endpoint: lets the common case (none) skip the lock. */
	private final AtomicIntegerArray pending = new AtomicIntegerArray(ENDPOINTS);

	private final AtomicReferenceArray<Duration> latency = new AtomicReferenceArray<>(ENDPOINTS);

	Faults() {
		for (int i = 0; i < ENDPOINTS; i++) {
			queues[i] = new ArrayDeque<>();
			latency.set(i, Duration.ZERO);
		}
	}

	void add(Endpoint endpoint, int count, Fault fault) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, was " + count);
		}
		if (count == 0) {
			return;
		}
		ArrayDeque<Pending> queue = queues[endpoint.ordinal()];
		synchronized (queue) {
			queue.addLast(new Pending(fault, count));
			pending.addAndGet(endpoint.ordinal(), count);
		}
	}

	/** The fault for the next request to this endpoint, or {@code null}. */
	Fault poll(Endpoint endpoint) {
		int index = endpoint.ordinal();
		if (pending.get(index) == 0) {
			return null;
		}
		ArrayDeque<Pending> queue = queues[index];
		synchronized (queue) {
			Pending head = queue.peekFirst();
			if (head == null) {
				return null;
			}
			if (--head.remaining == 0) {
				queue.removeFirst();
			}
			pending.decrementAndGet(index);
			return head.fault;
		}
	}

	void latency(Endpoint endpoint, Duration added) {
		if (added.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative, was " + added);
		}
		latency.set(endpoint.ordinal(), added);
	}

	Duration latency(Endpoint endpoint) {
		return latency.get(endpoint.ordinal());
	}

	void reset() {
		for (Endpoint endpoint : Endpoint.values()) {
			ArrayDeque<Pending> queue = queues[endpoint.ordinal()];
			synchronized (queue) {
				queue.clear();
				pending.set(endpoint.ordinal(), 0);
			}
			latency.set(endpoint.ordinal(), Duration.ZERO);
		}
	}

}
