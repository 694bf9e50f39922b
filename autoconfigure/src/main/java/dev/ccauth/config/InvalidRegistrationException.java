package dev.ccauth.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * ccauth's configuration cannot work. Thrown at startup; Spring Boot's failure analysis
 * turns it into the "APPLICATION FAILED TO START" report with one line per problem and
 * how to fix it.
 */
public class InvalidRegistrationException extends RuntimeException {

	private final List<ConfigurationProblem> problems;

	public InvalidRegistrationException(List<ConfigurationProblem> problems) {
		super("Invalid ccauth configuration: "
				+ problems.stream().map(ConfigurationProblem::toString).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<ConfigurationProblem> problems() {
		return this.problems;
	}

}
