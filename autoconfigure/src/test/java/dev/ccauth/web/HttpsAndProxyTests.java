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
			.run((context) -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("missing"));
	}

	@Test
	void proxyFromTheJvmPropertiesCarriesTheTokenRequest() throws Exception {
		try (RecordingProxy proxy = new RecordingProxy()) {
			System.setProperty("https.proxyHost", "127.0.0.1");
			System.setProperty("https.proxyPort", String.valueOf(proxy.port()));
			try {
				assertTokenRequestTunnelled(this.runner, proxy);
			}
			finally {
				System.clearProperty("https.proxyHost");
				System.clearProperty("https.proxyPort");
			}
		}
	}

	@Test
	void proxyFromTheCiVariablesCarriesTheTokenRequest() throws Exception {
		try (RecordingProxy proxy = new RecordingProxy()) {
			ApplicationContextRunner runner = this.runner.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("variables",
						Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port(), "NO_PROXY", ".corp.example"))));
			assertTokenRequestTunnelled(runner, proxy);
		}
	}

	@Test
	void ciProxyVariablesApplyToTheJdkClientToo() throws Exception {
		try (RecordingProxy proxy = new RecordingProxy()) {
			ApplicationContextRunner runner = this.runner.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration.class,
					org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration.class))
				.withPropertyValues("spring.http.clients.reactive.connector=jdk")
				.withInitializer((context) -> context.getEnvironment()
					.getPropertySources()
					.addLast(new MapPropertySource("variables",
							Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()))));
			runner.run((context) -> assertThat(
					context.getBean(org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder.class))
				.isInstanceOf(org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder.class));
			assertTokenRequestTunnelled(runner, proxy);
		}
	}

	private static void assertTokenRequestTunnelled(ApplicationContextRunner runner, RecordingProxy proxy) {
		runner
			.withPropertyValues("ccauth.genesys.prod.client-id=id", "ccauth.genesys.prod.client-secret=secret",
					"ccauth.genesys.prod.region=mypurecloud.example", "ccauth.retry.max-attempts=1")
			.run((context) -> {
				assertThatThrownBy(() -> context.getBean(ContactCenterClients.class)
					.accessToken(dev.ccauth.config.RegistrationId.genesys("prod"))
					.block(Duration.ofSeconds(10))).isInstanceOf(dev.ccauth.token.TokenRequestException.class);
				assertThat(proxy.firstLine()).isEqualTo("CONNECT login.mypurecloud.example:443 HTTP/1.1");
			});
	}

	@Test
	void ciProxyVariablesAreRead() {
		ProxySettings proxy = ProxySettings.fromVariables(Map.of("HTTPS_PROXY", "http://ci-user:p%40ss@proxy.corp:8080",
				"NO_PROXY", ".corp.example,localhost")::get);
		assertThat(proxy.host()).isEqualTo("proxy.corp");
		assertThat(proxy.port()).isEqualTo(8080);
		assertThat(proxy.username()).isEqualTo("ci-user");
		assertThat(proxy.toString()).doesNotContain("p%40ss").doesNotContain("p@ss");
		assertThat("git.corp.example").matches(proxy.nonProxyHosts());
		assertThat("corp.example").matches(proxy.nonProxyHosts());
		assertThat("127.0.0.1").matches(proxy.nonProxyHosts());
		assertThat("login.mypurecloud.ie").doesNotMatch(proxy.nonProxyHosts());
		assertThat(ProxySettings.fromVariables(Map.<String, String>of()::get)).isNull();
	}

	@Test
	void loopbackGoesDirectWhenTheJvmHasAProxy() {
		sandbox.reset();
		System.setProperty("https.proxyHost", "127.0.0.1");
		System.setProperty("https.proxyPort", "9");
		try {
			this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod")).run((context) -> {
				context.getBean("genesysProdWebClient", WebClient.class)
					.get()
					.uri("/api/v2/users")
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(20));
				assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
			});
		}
		finally {
			System.clearProperty("https.proxyHost");
			System.clearProperty("https.proxyPort");
		}
	}

	/**
	 * Accepts one connection and keeps the first line a client sends: a proxy's view of a
	 * tunnel.
	 */
	private static final class RecordingProxy implements AutoCloseable {

		private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress());

		private final java.util.concurrent.CompletableFuture<String> firstLine = new java.util.concurrent.CompletableFuture<>();

		RecordingProxy() throws java.io.IOException {
			Thread thread = new Thread(() -> {
				try (java.net.Socket client = this.socket.accept()) {
					var reader = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
							java.nio.charset.StandardCharsets.US_ASCII));
					this.firstLine.complete(reader.readLine());
					client.getOutputStream()
						.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n"
							.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				}
				catch (java.io.IOException ex) {
					this.firstLine.completeExceptionally(ex);
				}
			});
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		String firstLine() throws Exception {
			return this.firstLine.get(10, java.util.concurrent.TimeUnit.SECONDS);
		}

		@Override
		public void close() throws java.io.IOException {
			this.socket.close();
		}

	}

}
