package dev.ccauth.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Collects what is wrong with the configuration while registrations are resolved, so that
 * every problem is reported at once, each with its fix. A platform's resolution checks
 * its values through it: endpoints, secrets, credentials and settings.
 */
public final class RegistrationProblems {

	private final List<ConfigurationProblem> problems = new ArrayList<>();

	private final UnaryOperator<String> environment;

	/**
	 * @param environment reads an environment variable, so that a report of a missing
	 * value can say which variable would supply it, or which one is set but empty
	 */
	public RegistrationProblems(UnaryOperator<String> environment) {
		this.environment = environment;
	}

	public void add(String property, String problem, String fix) {
		this.problems.add(new ConfigurationProblem(property, problem, fix));
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	/**
	 * @throws InvalidRegistrationException listing every problem, when there is any
	 */
	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidRegistrationException(this.problems);
		}
	}

	/**
	 * The value trimmed, or {@code null} when absent or blank: an empty value means "not
	 * set".
	 */
	public static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * Parses an endpoint URL by the rules of {@link Endpoints}. The value is shown in
	 * messages without any user-info it may hold.
	 * @return the URI, or {@code null} when the value is absent (empty means absent) or
	 * invalid (then a problem is added)
	 */
	public URI endpoint(String property, String value) {
		String trimmed = trimmed(value);
		if (trimmed == null) {
			return null;
		}
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
	 * Checks a secret (client secret, access-key secret, access token) as it is, never
	 * trimmed: a line break or white space around it is a copy-and-paste mistake that
	 * would be refused later with a misleading error. The value is never shown.
	 * @return the secret, or {@code null} when it is absent or empty
	 */
	public Secret secret(String property, String value) {
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
		return Secret.of(value);
	}

	/**
	 * Requires each credential unless the registration has a handed-over access token
	 * only. For the {@code default} registration the report names the environment
	 * variables: the one to set, the one that is set but empty, or the empty property
	 * that overrides a variable that is set.
	 * @param variables the platform's environment variables
	 * @param credentials alternating property suffix and value, e.g.
	 * {@code "client-id", clientId}
	 */
	public void requireCredentials(RegistrationId id, boolean accessTokenGiven, EnvironmentVariables variables,
			Object... credentials) {
		boolean anyGiven = false;
		for (int i = 1; i < credentials.length; i += 2) {
			anyGiven |= credentials[i] != null;
		}
		if (accessTokenGiven && !anyGiven) {
			return;
		}
		for (int i = 0; i < credentials.length; i += 2) {
			if (credentials[i + 1] == null) {
				missing(id, (String) credentials[i], anyGiven, variables);
			}
		}
	}

	private void missing(RegistrationId id, String suffix, boolean anyGiven, EnvironmentVariables variables) {
		String property = id.propertyPrefix() + "." + suffix;
		String orToken = anyGiven ? "." : ", or hand over a token with " + id.propertyPrefix() + ".access-token.";
		if (!"default".equals(id.name()) || variables.of(suffix).isEmpty()) {
			add(property, "is missing.", "Set " + property + orToken);
			return;
		}
		String set = variables.firstSet(suffix, this.environment);
		if (set != null) {
			add(property, "is empty in the configuration, which overrides " + set + " (set in the environment).",
					"Remove the empty " + property + " from the configuration, or give it a value.");
			return;
		}
		String empty = variables.firstEmpty(suffix, this.environment);
		if (empty != null) {
			add(property, "is missing: " + empty + " is set in the environment but empty.",
					"Give " + empty + " a value (check the CI secret it comes from), or set " + property + ".");
			return;
		}
		add(property, "is missing.",
				"Set " + property + " (from the environment: " + variables.describe(suffix) + ")" + orToken);
	}

	/** Checks settings as configured (unset values are {@code null} and pass). */
	public void settings(String prefix, TokenSettings token, RetrySettings retry, HttpSettings http) {
		if (token != null) {
			notNegative(prefix + ".token.refresh-skew", token.refreshSkew());
			positive(prefix + ".token.default-lifetime", token.defaultLifetime());
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

	private void retrySettings(String prefix, RetrySettings retry) {
		if (retry.maxAttempts() != null && retry.maxAttempts() < 1) {
			add(prefix + ".retry.max-attempts",
					"must be at least 1 (the first try counts) but is " + retry.maxAttempts() + ".",
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

	private void positive(String property, Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			add(property, "must be a positive duration but is " + value + ".",
					"Set " + property + " to a value such as 10s or 5m.");
		}
	}

	private void notNegative(String property, Duration value) {
		if (value != null && value.isNegative()) {
			add(property, "must not be negative but is " + value + ".",
					"Set " + property + " to a value such as 0s or 5m.");
		}
	}

}
