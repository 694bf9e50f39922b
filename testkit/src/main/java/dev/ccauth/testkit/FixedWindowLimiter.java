package dev.ccauth.testkit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests per key (a token, a client id) in fixed windows that start with a key's
 * first request. Thread-safe; a window is a tiny monitor so the event loops never wait
 * long.
 */
final class FixedWindowLimiter {

	/**
	 * Above this many keys, windows that have ended are swept (every
	 * {@value #SWEEP_EVERY} requests, so the sweep stays cheap) and a benchmark cannot
	 * grow the map forever.
	 */
	private static final int SWEEP_THRESHOLD = 10_000;

	private static final int SWEEP_EVERY = 4_096;

	/**
	 * @param allowed whether this request is within the limit
	 * @param count requests made in the current window, this one included
	 * @param limit requests allowed per window
	 * @param resetSeconds whole seconds until the window resets, rounded up, at least 1
	 */
	record Decision(boolean allowed, int count, int limit, long resetSeconds) {
	}

	private static final class Window {

		long start;

		int count;

		Window(long start) {
			this.start = start;
		}

	}

	private final RateLimit limit;

	private final long windowNanos;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	FixedWindowLimiter(RateLimit limit) {
		this.limit = limit;
		this.windowNanos = limit.window().toNanos();
	}

	RateLimit limit() {
		return limit;
	}

	Decision acquire(String key) {
		long now = System.nanoTime();
		if (requests.incrementAndGet() % SWEEP_EVERY == 0 && windows.size() > SWEEP_THRESHOLD) {
			windows.values().removeIf(w -> now - w.start >= windowNanos);
		}
		Window window = windows.computeIfAbsent(key, k -> new Window(now));
		int count;
		long remaining;
		synchronized (window) {
			if (now - window.start >= windowNanos) {
				window.start = now;
				window.count = 0;
			}
			count = ++window.count;
			remaining = windowNanos - (now - window.start);
		}
		long resetSeconds = Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
		return new Decision(count <= limit.requests(), count, limit.requests(), resetSeconds);
	}

}
