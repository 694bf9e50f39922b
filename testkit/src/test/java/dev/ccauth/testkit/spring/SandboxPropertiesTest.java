package dev.ccauth.testkit.spring;

import dev.ccauth.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.core.env.StandardEnvironment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SandboxPropertiesTest {

	private static Sandbox http;

	private static Sandbox https;

	@BeforeAll
	static void start() {
		http = Sandbox.start();
		https = Sandbox.builder().https(true).start();
	}

	@AfterAll
	static void stop() {
		http.close();
		https.close();
	}

	@Test
	void genesys() {
		assertThat(SandboxProperties.toMap(SandboxProperties.genesys(http, "prod"))).containsExactly(
				entry("ccauth.genesys.prod.client-id", http.genesysClient().clientId()),
				entry("ccauth.genesys.prod.client-secret", http.genesysClient().clientSecret()),
				entry("ccauth.genesys.prod.token-uri", http.baseUrl() + "/oauth/token"),
				entry("ccauth.genesys.prod.base-url", http.baseUrl()));
	}

	@Test
	void cxoneAccessKey() {
		assertThat(SandboxProperties.toMap(SandboxProperties.cxone(http, "main"))).containsExactly(
				entry("ccauth.cxone.main.grant", "access-key"),
				entry("ccauth.cxone.main.client-id", http.cxoneClient().clientId()),
				entry("ccauth.cxone.main.client-secret", http.cxoneClient().clientSecret()),
				entry("ccauth.cxone.main.access-key-id", http.cxoneAccessKey().id()),
				entry("ccauth.cxone.main.access-key-secret", http.cxoneAccessKey().secret()),
				entry("ccauth.cxone.main.issuer", http.baseUrl()));
	}

	@Test
	void cxoneClientCredentials() {
		assertThat(SandboxProperties.toMap(SandboxProperties.cxoneClientCredentials(http, "tutorial-style")))
			.containsExactly(entry("ccauth.cxone.tutorial-style.grant", "client-credentials"),
					entry("ccauth.cxone.tutorial-style.client-id", http.cxoneClient().clientId()),
					entry("ccauth.cxone.tutorial-style.client-secret", http.cxoneClient().clientSecret()),
					entry("ccauth.cxone.tutorial-style.token-uri", http.baseUrl() + "/oauth/token"),
					entry("ccauth.cxone.tutorial-style.base-url", http.baseUrl()));
	}

	@Test
	void httpsAddsTheSslBundle() {
		String trustStore = "file:" + https.caCertificateFile().toAbsolutePath();
		for (String[] properties : new String[][] { SandboxProperties.genesys(https, "prod"),
				SandboxProperties.cxone(https, "prod"), SandboxProperties.cxoneClientCredentials(https, "prod") }) {
			Map<String, String> map = SandboxProperties.toMap(properties);
			assertThat(map).containsEntry("spring.ssl.bundle.pem.ccauth-sandbox.truststore.certificate", trustStore);
			assertThat(map.entrySet()).filteredOn(e -> e.getKey().endsWith(".ssl-bundle"))
				.singleElement()
				.satisfies(e -> {
					assertThat(e.getKey()).startsWith("ccauth.").endsWith(".prod.ssl-bundle");
					assertThat(e.getValue()).isEqualTo("ccauth-sandbox");
				});
		}
		assertThat(SandboxProperties.toMap(SandboxProperties.genesys(https, "prod")))
			.containsEntry("ccauth.genesys.prod.base-url", https.baseUrl())
			.hasSize(6);
	}

	@Test
	void springReadsThemAsWritten() {
		StandardEnvironment environment = new StandardEnvironment();
		TestPropertyValues.of(SandboxProperties.cxone(https, "main")).applyTo(environment);

		assertThat(environment.getProperty("ccauth.cxone.main.access-key-secret"))
			.isEqualTo(https.cxoneAccessKey().secret());
		assertThat(environment.getProperty("ccauth.cxone.main.issuer")).isEqualTo(https.baseUrl());
		assertThat(environment.getProperty("spring.ssl.bundle.pem.ccauth-sandbox.truststore.certificate"))
			.isEqualTo("file:" + https.caCertificateFile().toAbsolutePath());
	}

	@Test
	void registerAddsEachPropertyToADynamicRegistry() {
		Map<String, Object> registered = new LinkedHashMap<>();
		SandboxProperties.register((name, value) -> registered.put(name, ((Supplier<?>) value).get()),
				SandboxProperties.genesys(http, "default"));

		assertThat(registered).containsEntry("ccauth.genesys.default.token-uri", http.genesysTokenUri())
			.containsEntry("ccauth.genesys.default.client-secret", http.genesysClient().clientSecret())
			.hasSize(4);
	}

}
