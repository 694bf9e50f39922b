package dev.ccauth.config;

import java.util.function.UnaryOperator;

/** Checks the credential properties of one registration and says where each can come from. */
public final class Credentials {

	private Credentials() {
	}

	/** The value trimmed, or {@code null} when absent or blank (an empty value means "not set"). */
	public static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * Requires each named value unless the registration has a handed-over access token only. For
	 * the {@code default} registration the report names the environment variables: the one to set,
	 * the one that is set but empty, or the empty property that overrides a variable that is set.
	 * @param variables the platform's environment variables
	 * @param environment reads a variable
	 * @param pairs alternating property suffix and value, e.g. {@code "client-id", clientId}
	 */
	public static void require(RegistrationId id, boolean accessTokenOnly, Problems problems,
			EnvironmentVariables variables, UnaryOperator<String> environment, String... pairs) {
		boolean anyGiven = false;
		for (int i = 1; i < pairs.length; i += 2) {
			anyGiven |= pairs[i] != null;
		}
		if (accessTokenOnly && !anyGiven) {
			return;
		}
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] == null) {
				missing(id, pairs[i], anyGiven, problems, variables, environment);
			}
		}
	}

	private static void missing(RegistrationId id, String suffix, boolean anyGiven, Problems problems,
			EnvironmentVariables variables, UnaryOperator<String> environment) {
		String property = id.propertyPrefix() + "." + suffix;
		String orToken = anyGiven ? "." : ", or hand over a token with " + id.propertyPrefix() + ".access-token.";
		if (!"default".equals(id.name()) || variables.of(suffix).isEmpty()) {
			problems.add(property, "is missing.", "Set " + property + orToken);
			return;
		}
		String set = variables.firstSet(suffix, environment);
		if (set != null) {
			problems.add(property, "is empty in the configuration, which overrides " + set + " (set in the environment).",
					"Remove the empty " + property + " from the configuration, or give it a value.");
			return;
		}
		String empty = variables.firstEmpty(suffix, environment);
		if (empty != null) {
			problems.add(property, "is missing: " + empty + " is set in the environment but empty.",
					"Give " + empty + " a value (check the CI secret it comes from), or set " + property + ".");
			return;
		}
		problems.add(property, "is missing.",
				"Set " + property + " (from the environment: " + variables.describe(suffix) + ")" + orToken);
	}

}
