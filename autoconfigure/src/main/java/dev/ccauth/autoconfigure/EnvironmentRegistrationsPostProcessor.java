package dev.ccauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Zero configuration: when no registration of a platform is configured, makes one named
 * {@code default} from the environment variables pipelines already have (the tutorial's, the
 * Genesys Terraform provider's and CLI's, and endpoint overrides for gateways and the sandbox).
 * The result is ordinary {@code ccauth.*} properties of the lowest precedence.
 */
public class EnvironmentRegistrationsPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this adds. */
	public static final String PROPERTY_SOURCE_NAME = "ccauthEnvironmentRegistrations";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (!isConfigured(environment, "ccauth.genesys")) {
			genesys(environment, properties);
		}
		if (!isConfigured(environment, "ccauth.cxone")) {
			cxone(environment, properties);
		}
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}
	}

	private static boolean isConfigured(ConfigurableEnvironment environment, String prefix) {
		return Binder.get(environment).bind(prefix, Bindable.mapOf(String.class, Object.class)).isBound();
	}

	private static void genesys(ConfigurableEnvironment environment, Map<String, Object> properties) {
		String clientId = first(environment, "GENESYS_CLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_ID");
		String clientSecret = first(environment, "GENESYS_CLIENT_SECRET", "GENESYSCLOUD_OAUTHCLIENT_SECRET");
		String accessToken = first(environment, "GENESYS_ACCESS_TOKEN", "GENESYSCLOUD_ACCESS_TOKEN");
		if (clientId == null && clientSecret == null && accessToken == null) {
			return;
		}
		String prefix = "ccauth.genesys.default.";
		put(properties, prefix + "client-id", clientId);
		put(properties, prefix + "client-secret", clientSecret);
		put(properties, prefix + "access-token", accessToken);
		put(properties, prefix + "region", first(environment, "GENESYS_REGION", "GENESYSCLOUD_REGION"));
		put(properties, prefix + "base-url", first(environment, "GENESYS_BASE_URL"));
		put(properties, prefix + "token-uri", first(environment, "GENESYS_TOKEN_URI"));
	}

	private static void cxone(ConfigurableEnvironment environment, Map<String, Object> properties) {
		String clientId = first(environment, "CXONE_CLIENT_ID");
		String clientSecret = first(environment, "CXONE_CLIENT_SECRET");
		String accessToken = first(environment, "CXONE_ACCESS_TOKEN");
		if (clientId == null && clientSecret == null && accessToken == null) {
			return;
		}
		String prefix = "ccauth.cxone.default.";
		put(properties, prefix + "client-id", clientId);
		put(properties, prefix + "client-secret", clientSecret);
		put(properties, prefix + "access-token", accessToken);
		put(properties, prefix + "access-key-id", first(environment, "CXONE_ACCESS_KEY_ID"));
		put(properties, prefix + "access-key-secret", first(environment, "CXONE_ACCESS_KEY_SECRET"));
		put(properties, prefix + "region", first(environment, "CXONE_REGION"));
		put(properties, prefix + "issuer", first(environment, "CXONE_ISSUER"));
		put(properties, prefix + "base-url", first(environment, "CXONE_BASE_URL"));
		put(properties, prefix + "token-uri", first(environment, "CXONE_TOKEN_URI"));
	}

	private static String first(ConfigurableEnvironment environment, String... variables) {
		for (String variable : variables) {
			String value = environment.getProperty(variable);
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

	private static void put(Map<String, Object> properties, String name, String value) {
		if (value != null) {
			properties.put(name, value);
		}
	}

}
