package dev.ccauth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects configuration problems while registrations are resolved, so that all are reported at once. */
public final class Problems {

	private final List<ConfigurationProblem> problems = new ArrayList<>();

	public void add(String property, String problem, String fix) {
		this.problems.add(new ConfigurationProblem(property, problem, fix));
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidRegistrationException(this.problems);
		}
	}

	/**
	 * Parses an endpoint URL: absolute, http or https, with a host, and https unless the host is a
	 * loopback address (a token sent over plain http could be read on the way).
	 * @return the URI, or {@code null} when the value is absent or invalid (then a problem is added)
	 */
	public URI endpoint(String property, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			add(property, "'" + trimmed + "' is not a valid URL (" + ex.getReason() + ").",
					"Set " + property + " to an absolute https:// URL, for example https://api.mypurecloud.ie.");
			return null;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			add(property, "'" + trimmed + "' is not an absolute http(s) URL with a host.",
					"Set " + property + " to an absolute https:// URL, for example https://api.mypurecloud.ie.");
			return null;
		}
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			add(property, "'" + trimmed + "' uses plain http on a non-loopback host: credentials and tokens would travel unencrypted.",
					"Use https:// (plain http is accepted only for localhost, 127.0.0.1 and ::1).");
			return null;
		}
		return uri;
	}

	public static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
				|| h.equals("0:0:0:0:0:0:0:1");
	}

	void positive(String property, Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			add(property, "must be a positive duration but is " + value + ".", "Set " + property + " to a value such as 10s or 5m.");
		}
	}

	void notNegative(String property, Duration value) {
		if (value != null && value.isNegative()) {
			add(property, "must not be negative but is " + value + ".", "Set " + property + " to a value such as 0s or 5m.");
		}
	}

	/** Checks settings as configured (unset values are {@code null} and pass). */
	public void settings(String prefix, TokenSettings token, RetrySettings retry, HttpSettings http) {
		if (token != null) {
			tokenSettings(prefix, token);
		}
		if (retry != null) {
			retrySettings(prefix, retry);
		}
		if (http != null) {
			positive(prefix + ".http.connect-timeout", http.connectTimeout());
			positive(prefix + ".http.response-timeout", http.responseTimeout());
		}
	}

	private void tokenSettings(String prefix, TokenSettings token) {
		notNegative(prefix + ".token.refresh-skew", token.refreshSkew());
		positive(prefix + ".token.default-lifetime", token.defaultLifetime());
	}

	private void retrySettings(String prefix, RetrySettings retry) {
		if (retry.maxAttempts() != null && retry.maxAttempts() < 1) {
			add(prefix + ".retry.max-attempts", "must be at least 1 (the first try counts) but is " + retry.maxAttempts() + ".",
					"Set " + prefix + ".retry.max-attempts to 1 for no retries, or more.");
		}
		notNegative(prefix + ".retry.initial-delay", retry.initialDelay());
		if (retry.multiplier() != null && retry.multiplier() < 1.0) {
			add(prefix + ".retry.multiplier", "must be 1.0 or more but is " + retry.multiplier() + ".",
					"Set " + prefix + ".retry.multiplier to 1.0 (constant delay) or more.");
		}
		notNegative(prefix + ".retry.max-delay", retry.maxDelay());
		if (retry.jitter() != null && (retry.jitter() < 0.0 || retry.jitter() > 1.0)) {
			add(prefix + ".retry.jitter", "must be between 0 and 1 but is " + retry.jitter() + ".",
					"Set " + prefix + ".retry.jitter to a share such as 0.2.");
		}
		notNegative(prefix + ".retry.max-retry-after", retry.maxRetryAfter());
	}

}
