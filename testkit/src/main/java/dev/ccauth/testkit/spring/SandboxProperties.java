package dev.ccauth.testkit.spring;

import dev.ccauth.testkit.Sandbox;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ccauth.*} properties that point one registration at a {@link Sandbox}, as
 * {@code key=value} strings for {@code ApplicationContextRunner.withPropertyValues(...)}
 * or {@code TestPropertyValues}, or registered on a {@link DynamicPropertyRegistry}:
 * <pre>{@code
 * &#64;DynamicPropertySource
 * static void sandbox(DynamicPropertyRegistry registry) {
 *     SandboxProperties.register(registry, SandboxProperties.genesys(SANDBOX.sandbox(), "default"));
 * }
 * }</pre> Over HTTPS each set also names the SSL bundle {@value #SSL_BUNDLE} and defines
 * it as a PEM trust store holding the sandbox's CA certificate. Plain Java: nothing here
 * depends on ccauth itself.
 */
public final class SandboxProperties {

	/** The Spring Boot SSL bundle defined for an HTTPS sandbox. */
	public static final String SSL_BUNDLE = "ccauth-sandbox";

	private SandboxProperties() {
	}

	/**
	 * {@code ccauth.genesys.<registration>.*}: client credentials, token URI and base
	 * URL.
	 */
	public static String[] genesys(Sandbox sandbox, String registration) {
		String prefix = "ccauth.genesys." + registration + ".";
		List<String> properties = new ArrayList<>(List.of(prefix + "client-id=" + sandbox.genesysClient().clientId(),
				prefix + "client-secret=" + sandbox.genesysClient().clientSecret(),
				prefix + "token-uri=" + sandbox.genesysTokenUri(), prefix + "base-url=" + sandbox.genesysBaseUrl()));
		return withSsl(sandbox, prefix, properties);
	}

	/**
	 * {@code ccauth.cxone.<registration>.*} for the access-key grant: endpoints come from
	 * the issuer.
	 */
	public static String[] cxone(Sandbox sandbox, String registration) {
		String prefix = "ccauth.cxone." + registration + ".";
		List<String> properties = new ArrayList<>(
				List.of(prefix + "grant=access-key", prefix + "client-id=" + sandbox.cxoneClient().clientId(),
						prefix + "client-secret=" + sandbox.cxoneClient().clientSecret(),
						prefix + "access-key-id=" + sandbox.cxoneAccessKey().id(),
						prefix + "access-key-secret=" + sandbox.cxoneAccessKey().secret(),
						prefix + "issuer=" + sandbox.cxoneIssuer()));
		return withSsl(sandbox, prefix, properties);
	}

	/**
	 * {@code ccauth.cxone.<registration>.*} for the tutorial's client-credentials grant.
	 */
	public static String[] cxoneClientCredentials(Sandbox sandbox, String registration) {
		String prefix = "ccauth.cxone." + registration + ".";
		List<String> properties = new ArrayList<>(
				List.of(prefix + "grant=client-credentials", prefix + "client-id=" + sandbox.cxoneClient().clientId(),
						prefix + "client-secret=" + sandbox.cxoneClient().clientSecret(),
						prefix + "token-uri=" + sandbox.cxoneTutorialTokenUri(),
						prefix + "base-url=" + sandbox.cxoneBaseUrl()));
		return withSsl(sandbox, prefix, properties);
	}

	/**
	 * Adds {@code key=value} pairs (as the methods above return them) to a Spring test's
	 * registry.
	 */
	public static void register(DynamicPropertyRegistry registry, String... properties) {
		toMap(properties).forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * {@code key=value} pairs as a map, split at the first {@code =} (values may contain
	 * more).
	 */
	public static Map<String, String> toMap(String... properties) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String property : properties) {
			int eq = property.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("not a key=value pair: " + property);
			}
			map.put(property.substring(0, eq), property.substring(eq + 1));
		}
		return map;
	}

	private static String[] withSsl(Sandbox sandbox, String prefix, List<String> properties) {
		if (sandbox.isHttps()) {
			properties.add(prefix + "ssl-bundle=" + SSL_BUNDLE);
			properties.add("spring.ssl.bundle.pem." + SSL_BUNDLE + ".truststore.certificate=file:"
					+ sandbox.caCertificateFile().toAbsolutePath());
		}
		return properties.toArray(String[]::new);
	}

}
