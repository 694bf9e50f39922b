package dev.ccauth.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.spring.SandboxProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Custom trust through a Spring Boot SSL bundle, and the corporate proxy settings. */
class HttpsAndProxyTests {

	private static Sandbox sandbox;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class));

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().https(true).start();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void sslBundleTrustsTheSandboxCertificate() {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JsonNode users = context.getBean("genesysProdWebClient", WebClient.class)
					.get()
					.uri("/api/v2/users")
					.retrieve()
					.bodyToMono(JsonNode.class)
					.block(Duration.ofSeconds(20));
				assertThat(users.get("entities")).isNotEmpty();
				JsonNode agents = context.getBean("cxoneMainWebClient", WebClient.class)
					.get()
					.uri("/incontactapi/services/v34.0/agents")
					.retrieve()
					.bodyToMono(JsonNode.class)
					.block(Duration.ofSeconds(20));
				assertThat(agents.get("agents")).isNotEmpty();
			});
	}

	@Test
	void withoutTheBundleTheCertificateIsRefused() {
		sandbox.reset();
		String[] withoutBundle = java.util.Arrays.stream(SandboxProperties.genesys(sandbox, "prod"))
			.filter((property) -> !property.contains("ssl-bundle") && !property.startsWith("spring.ssl"))
			.toArray(String[]::new);
		this.runner.withPropertyValues(withoutBundle)
			.withPropertyValues("ccauth.retry.initial-delay=10ms")
			.run((context) -> assertThatThrownBy(() -> context.getBean("genesysProdWebClient", WebClient.class)
				.get()
				.uri("/api/v2/users")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(20))).hasMessageContaining("could not reach the token endpoint"));
	}

	@Test
	void unknownSslBundleStopsStartup() {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.genesys.prod.ssl-bundle=missing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("missing"));
	}

	@Test
	void proxyFromTheJvmProperties() {
		ProxySettings proxy = ProxySettings.from(environment(Map.of("https.proxyHost", "proxy.corp", "https.proxyPort",
				"3128", "http.nonProxyHosts", "*.internal|intranet")));
		assertThat(proxy.host()).isEqualTo("proxy.corp");
		assertThat(proxy.port()).isEqualTo(3128);
		assertThat("api.internal").matches(proxy.nonProxyHosts());
		assertThat("intranet").matches(proxy.nonProxyHosts());
		assertThat("127.0.0.1").matches(proxy.nonProxyHosts());
		assertThat("api.mypurecloud.com").doesNotMatch(proxy.nonProxyHosts());
	}

	@Test
	void proxyFromTheCiVariables() {
		ProxySettings proxy = ProxySettings.from(environment(Map.of("HTTPS_PROXY",
				"http://ci-user:p%40ss@proxy.corp:8080", "NO_PROXY", ".corp.example,localhost")));
		assertThat(proxy.host()).isEqualTo("proxy.corp");
		assertThat(proxy.port()).isEqualTo(8080);
		assertThat(proxy.username()).isEqualTo("ci-user");
		assertThat(proxy.toString()).doesNotContain("p%40ss").doesNotContain("p@ss");
		assertThat("git.corp.example").matches(proxy.nonProxyHosts());
		assertThat("corp.example").matches(proxy.nonProxyHosts());
		assertThat("login.mypurecloud.ie").doesNotMatch(proxy.nonProxyHosts());
		assertThat(ProxySettings.from(environment(Map.of()))).isNull();
	}

	@Test
	void requestsStillWorkWhenAProxyIsSetForOtherHosts() {
		sandbox.reset();
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("https.proxyHost=127.0.0.1", "https.proxyPort=9")
			.run((context) -> {
				context.getBean("genesysProdWebClient", WebClient.class)
					.get()
					.uri("/api/v2/users")
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(20));
				assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
			});
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
