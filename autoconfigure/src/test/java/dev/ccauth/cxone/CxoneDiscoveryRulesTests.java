package dev.ccauth.cxone;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.Endpoints;
import dev.ccauth.testkit.scripted.ScriptedServer;
import dev.ccauth.testkit.scripted.ScriptedServer.Answer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Endpoints found by CXone discovery obey the rules of configured ones, and must lie
 * under the issuer's registrable domain: a discovery document cannot send the credentials
 * elsewhere. The issuer is a scripted server on 127.0.0.1; {@code localhost} stands for
 * "another host".
 */
class CxoneDiscoveryRulesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("ccauth.retry.max-attempts=1");

	private ScriptedServer issuer;

	@BeforeEach
	void start() {
		this.issuer = ScriptedServer.start();
	}

	@AfterEach
	void stop() {
		this.issuer.close();
	}

	@ParameterizedTest
	@CsvSource({ "http://localhost:{port}/auth/token, is not under the issuer's domain",
			"https://cxone.evil.example/auth/token, is not under the issuer's domain",
			"http://me:pw-hunter2@127.0.0.1:{port}/auth/token, contains a user name or password",
			"ftp://127.0.0.1/auth/token, is not an absolute http(s) URL" })
	void discoveredTokenEndpointElsewhereIsRefusedBeforeAnyCredentialIsSent(String endpoint, String rule) {
		String discovered = endpoint.replace("{port}", port());
		this.issuer.answer("/.well-known/openid-configuration",
				Answer.json(200, "{\"token_endpoint\":\"" + discovered + "\"}"));
		this.runner.withPropertyValues(accessKey()).run((context) -> {
			assertThatThrownBy(() -> agents(context.getBean("cxoneMainWebClient", WebClient.class)))
				.isInstanceOf(CxoneDiscoveryException.class)
				.hasMessageContaining("token_endpoint '" + Endpoints.shown(discovered) + "'")
				.hasMessageContaining(rule)
				.hasMessageContaining("ccauth.cxone.main.token-uri")
				.hasMessageNotContaining("pw-hunter2");
			assertThat(this.issuer.requests()).noneMatch((request) -> request.path().equals("/auth/token"));
		});
	}

	@Test
	void discoveredApiEndpointElsewhereIsRefusedBeforeTheTokenIsSent() {
		this.issuer.answer("/.well-known/openid-configuration",
				Answer.json(200, "{\"token_endpoint\":\"" + this.issuer.url("/auth/token") + "\"}"));
		this.issuer.answer("/auth/token",
				Answer.json(200, "{\"access_token\":\"opaque-token\",\"token_type\":\"Bearer\","
						+ "\"expires_in\":3600,\"id_token\":\"" + idToken("tenant-1") + "\"}"));
		this.issuer.answer("/.well-known/cxone-configuration",
				Answer.json(200, "{\"api_endpoint\":\"http://localhost:" + port() + "\"}"));
		this.runner.withPropertyValues(accessKey()).run((context) -> {
			assertThatThrownBy(() -> agents(context.getBean("cxoneMainWebClient", WebClient.class)))
				.isInstanceOf(CxoneDiscoveryException.class)
				.hasMessageContaining("api_endpoint 'http://localhost:" + port() + "'")
				.hasMessageContaining("is not under the issuer's domain (127.0.0.1)")
				.hasMessageContaining("ccauth.cxone.main.base-url");
			assertThat(this.issuer.requests()).noneMatch((request) -> request.path().startsWith("/incontactapi"));
		});
	}

	@Test
	void endpointsSetExplicitlyMayLieElsewhere() {
		this.issuer.answer("/auth/token",
				Answer.json(200, "{\"access_token\":\"opaque-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
		this.issuer.answer("/incontactapi/services/v34.0/agents", Answer.json(200, "{\"agents\":[]}"));
		this.runner.withPropertyValues(accessKey())
			.withPropertyValues("ccauth.cxone.main.token-uri=http://localhost:" + port() + "/auth/token",
					"ccauth.cxone.main.base-url=http://localhost:" + port())
			.run((context) -> assertThat(agents(context.getBean("cxoneMainWebClient", WebClient.class)))
				.contains("agents"));
	}

	@ParameterizedTest
	@CsvSource({ "cxone.niceincontact.com, niceincontact.com", "api-na1.niceincontact.com, niceincontact.com",
			"cxone-gov.niceincontact.com, niceincontact.com", "login.example.co.uk, example.co.uk",
			"example.com, example.com", "127.0.0.1, 127.0.0.1", "localhost, localhost" })
	void registrableDomain(String host, String domain) {
		assertThat(Endpoints.registrableDomain(host)).isEqualTo(domain);
	}

	private String[] accessKey() {
		return new String[] { "ccauth.cxone.main.client-id=client", "ccauth.cxone.main.client-secret=secret",
				"ccauth.cxone.main.access-key-id=key", "ccauth.cxone.main.access-key-secret=key-secret",
				"ccauth.cxone.main.issuer=" + this.issuer.url("") };
	}

	private String port() {
		String url = this.issuer.url("");
		return url.substring(url.lastIndexOf(':') + 1);
	}

	private static String idToken(String tenantId) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(("{\"tenantId\":\"" + tenantId + "\"}").getBytes(StandardCharsets.UTF_8))
				+ ".";
	}

	private static String agents(WebClient client) {
		return client.get()
			.uri("/incontactapi/services/v34.0/agents")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
	}

}
