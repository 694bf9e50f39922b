package dev.ccauth.testkit;

import java.time.Duration;
import java.util.Objects;

/** A fixed-window rate: at most {@code requests} per {@code window}. */
record RateLimit(int requests, Duration window) {

	RateLimit {
		Objects.requireNonNull(window, "window");
		if (requests < 1) {
			throw new IllegalArgumentException("requests must be at least 1, was " + requests);
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive, was " + window);
		}
	}
}
