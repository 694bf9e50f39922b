package dev.ccauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ccauth.config.EnvironmentVariables;
import dev.ccauth.cxone.CxonePlatform;
import dev.ccauth.genesys.GenesysPlatform;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Zero configuration: each platform's {@code default} registration takes from the
 * environment variables pipelines already have every value the configuration leaves
 * unset. It is made when no registration of the platform is configured and a credential
 * variable is set, and completed when the configuration names it. The result is ordinary
 * {@code ccauth.*} properties of the lowest precedence, so the configuration wins
 * wherever both are set.
 */
class EnvironmentRegistrationsPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this adds. */
	static final String PROPERTY_SOURCE_NAME = "ccauthEnvironmentRegistrations";

	private static final List<String> CREDENTIALS = List.of("client-id", "client-secret", "access-token");

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new LinkedHashMap<>();
		fill(environment, "genesys", GenesysPlatform.ENVIRONMENT, properties);
		fill(environment, "cxone", CxonePlatform.ENVIRONMENT, properties);
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}
	}

	private static void fill(ConfigurableEnvironment environment, String platform, EnvironmentVariables variables,
			Map<String, Object> properties) {
		String prefix = "ccauth." + platform + ".default";
		boolean defaultConfigured = isConfigured(environment, prefix);
		if (!defaultConfigured && (isConfigured(environment, "ccauth." + platform) || CREDENTIALS.stream()
			.allMatch((property) -> variables.firstSet(property, environment::getProperty) == null))) {
			return;
		}
		variables.byProperty().keySet().forEach((property) -> {
			String variable = variables.firstSet(property, environment::getProperty);
			if (variable != null) {
				// as it is: white space around a secret is reported at startup, not
				// trimmed away
				properties.put(prefix + "." + property, environment.getProperty(variable));
			}
		});
	}

	private static boolean isConfigured(ConfigurableEnvironment environment, String prefix) {
		return Binder.get(environment).bind(prefix, Bindable.mapOf(String.class, Object.class)).isBound();
	}

}
