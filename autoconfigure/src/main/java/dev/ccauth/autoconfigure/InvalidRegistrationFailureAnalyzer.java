package dev.ccauth.autoconfigure;

import java.util.stream.Collectors;

import dev.ccauth.config.InvalidRegistrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid ccauth configuration into the "APPLICATION FAILED TO START" report.
 */
class InvalidRegistrationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidRegistrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidRegistrationException cause) {
		String description = "ccauth's configuration is invalid:\n" + cause.problems()
			.stream()
			.map((problem) -> "    - " + problem.property() + ": " + problem.problem())
			.collect(Collectors.joining("\n"));
		String action = cause.problems()
			.stream()
			.map((problem) -> "    - " + problem.fix())
			.distinct()
			.collect(Collectors.joining("\n"));
		return new FailureAnalysis(description, "Update your configuration:\n" + action, cause);
	}

}
