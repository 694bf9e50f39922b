package dev.ccauth.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The environment variables a platform's {@code default} registration is made from: for
 * each property suffix ({@code client-id}), the variables that supply it, in the order
 * they are read. One table per platform serves the zero configuration and the startup
 * report alike.
 *
 * @param byProperty variables by property suffix, in a stable order
 */
public record EnvironmentVariables(Map<String, List<String>> byProperty) {

	public EnvironmentVariables {
		byProperty = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byProperty));
	}

	/** The variables of a property suffix, possibly none. */
	public List<String> of(String property) {
		return this.byProperty.getOrDefault(property, List.of());
	}

	/** The first variable of the property that is set and not empty, or {@code null}. */
	public String firstSet(String property, UnaryOperator<String> environment) {
		for (String variable : of(property)) {
			String value = environment.apply(variable);
			if (value != null && !value.isEmpty()) {
				return variable;
			}
		}
		return null;
	}

	/** The first variable of the property that is set but empty, or {@code null}. */
	public String firstEmpty(String property, UnaryOperator<String> environment) {
		for (String variable : of(property)) {
			String value = environment.apply(variable);
			if (value != null && value.isBlank()) {
				return variable;
			}
		}
		return null;
	}

	/**
	 * {@code GENESYS_CLIENT_ID (or GENESYSCLOUD_OAUTHCLIENT_ID)}, or {@code null} without
	 * any.
	 */
	public String describe(String property) {
		List<String> variables = of(property);
		if (variables.isEmpty()) {
			return null;
		}
		return variables.get(0) + ((variables.size() > 1)
				? " (or " + String.join(" or ", variables.subList(1, variables.size())) + ")" : "");
	}

}
