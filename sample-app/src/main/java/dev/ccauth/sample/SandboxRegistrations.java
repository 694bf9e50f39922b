package dev.ccauth.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.ccauth.autoconfigure.CcauthProperties;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.spring.SandboxProperties;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --sandbox}: points every registration at the embedded sandbox, the
 * {@code default} ones of both platforms and any configured in {@code application.yml} or
 * made from the environment, with the sandbox's demo credentials. Its properties take
 * precedence over every other source, and blank what could still lead to a real org (a
 * handed-over token, a configured base URL or tenant).
 */
final class SandboxRegistrations implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PROPERTY_SOURCE_NAME = "ccauthSandbox";

	private final Sandbox sandbox;

	SandboxRegistrations(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	/** After the configuration files and the environment's zero configuration are in. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		CcauthProperties configured = Binder.get(environment).bindOrCreate("ccauth", CcauthProperties.class);
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String name : withDefault(configured.genesys().keySet())) {
			String prefix = "ccauth.genesys." + name + ".";
			properties.putAll(SandboxProperties.toMap(SandboxProperties.genesys(this.sandbox, name)));
			blank(properties, prefix, "access-token", "ssl-bundle");
		}
		for (String name : withDefault(configured.cxone().keySet())) {
			String prefix = "ccauth.cxone." + name + ".";
			properties.putAll(SandboxProperties.toMap(SandboxProperties.cxone(this.sandbox, name)));
			properties.put(prefix + "client-authentication", "basic");
			blank(properties, prefix, "access-token", "token-uri", "base-url", "tenant-id", "region", "ssl-bundle");
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	private static Set<String> withDefault(Set<String> names) {
		Set<String> all = new TreeSet<>(names);
		all.add("default");
		return all;
	}

	private static void blank(Map<String, Object> properties, String prefix, String... names) {
		for (String name : names) {
			properties.put(prefix + name, "");
		}
	}

}
