package dev.ccauth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
	 * Parses an endpoint URL by the rules of {@link Endpoints}. The value is shown in messages
	 * without any user-info it may hold.
	 * @return the URI, or {@code null} when the value is absent (empty means absent) or invalid
	 * (then a problem is added)
	 */
	public URI endpoint(String property, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		String shown = Endpoints.shown(trimmed);
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			add(property, "'" + shown + "' is not a valid URL (" + ex.getReason() + ").",
					"Set " + property + " to an absolute https:// URL, for example https://api.mypurecloud.ie.");
			return null;
		}
		String problem = Endpoints.problem(uri);
		if (problem != null) {
			add(property, "'" + shown + "' " + problem + ".", (uri.getRawUserInfo() != null)
					? "Remove the user-info part (user:password@) from " + property
							+ "; credentials go in client-id and client-secret."
					: "Set " + property
							+ " to an absolute https:// URL (plain http is accepted only for localhost, 127.0.0.0/8 and ::1).");
			return null;
		}
		return uri;
	}

	/**
	 * Checks a secret (client secret, access-key secret, access token) as it is, never trimmed:
	 * a line break or white space around it is a copy-and-paste mistake that would be refused
	 * later with a misleading error. The value is never shown.
	 * @return the value, or {@code null} when it is absent or empty
	 */
	public String secret(String property, String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
			add(property, "contains a line break (the value is not shown).",
					"Set " + property + " without the line break; a value read from a file often ends with one.");
		}
		else if (value.isBlank()) {
			add(property, "is only white space.", "Set " + property + " to the real value.");
		}
		else if (!value.equals(value.strip())) {
			add(property, "begins or ends with white space (the value is not shown).",
					"Remove the white space around the value of " + property + ".");
		}
		return value;
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
			positive(prefix + ".http.token-request-timeout", http.tokenRequestTimeout());
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
