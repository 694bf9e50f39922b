package dev.ccauth.config;

/**
 * One thing wrong with ccauth's configuration.
 *
 * @param property the property at fault, for example
 * {@code ccauth.genesys.prod.client-secret}
 * @param problem what is wrong with it
 * @param fix how to put it right
 */
public record ConfigurationProblem(String property, String problem, String fix) {

	@Override
	public String toString() {
		return this.property + ": " + this.problem;
	}

}
