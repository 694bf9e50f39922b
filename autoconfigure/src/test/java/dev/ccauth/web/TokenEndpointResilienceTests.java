package dev.ccauth.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.ccauth.SandboxContexts;
import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Malformation;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.token.TokenRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.ccauth.SandboxContexts.genesysProdToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the token endpoint's failures do to a registration, each against the sandbox, with
 * the number of requests the sandbox counted. Delays are shortened through ccauth.retry.*
 * where the test is not about a server-given wait.
 */
@ExtendWith(SandboxExtension.class)
class TokenEndpointResilienceTests {

	private static final String USERS = "/api/v2/users?pageSize=5";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("ccauth.retry.initial-delay=20ms", "ccauth.retry.max-delay=200ms");

	// --- token endpoint

	@Test
	void tokenEndpoint500TwiceThenOk(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_TOKEN, 2, 500);
		run(sandbox, (context) -> {
			assertThat(genesysProdToken(context)).isNotNull();
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(3);
		});
	}

	@Test
	void tokenEndpoint429WaitsForRetryAfter(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_TOKEN, 1, 429, Duration.ofSeconds(2));
		run(sandbox, (context) -> {
			long start = System.nanoTime();
			assertThat(genesysProdToken(context)).isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
		});
	}

	@Test
	void tokenEndpointBadSecretFailsAtOnce(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.genesys.prod.client-secret=wrong")
			.run((context) -> {
				assertThatThrownBy(() -> genesysProdToken(context)).isInstanceOfSatisfying(TokenRequestException.class,
						(ex) -> {
							assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.BAD_CREDENTIALS);
							assertThat(ex.errorCode()).contains("invalid_client");
						});
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			});
	}

	@Test
	void tokenEndpointRateLimit400IsRetried(Sandbox sandbox) {
		sandbox.tokenRateLimit(1, Duration.ofMillis(400));
		run(sandbox, (context) -> {
			mintDirectly(sandbox); // uses the client's only token request of the window
			assertThat(genesysProdToken(context)).isNotNull();
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isGreaterThanOrEqualTo(3);
		}, "ccauth.retry.initial-delay=150ms", "ccauth.retry.max-attempts=6");
	}

	@Test
	void tokenEndpointRateLimit400AloneIsAnErrorThatSaysSo(Sandbox sandbox) {
		sandbox.tokenRateLimit(1, Duration.ofMinutes(1));
		run(sandbox, (context) -> {
			mintDirectly(sandbox);
			assertThatThrownBy(() -> genesysProdToken(context))
				.isInstanceOfSatisfying(TokenRequestException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.RATE_LIMITED))
				.hasMessageContaining("rate limit");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1 + 4);
		});
	}

	@Test
	void tokenEndpointBodyWithoutAccessToken(Sandbox sandbox) {
		sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1, Malformation.NO_ACCESS_TOKEN);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> genesysProdToken(context)).hasMessageContaining("without an access_token");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
		});
	}

	private void run(Sandbox sandbox, ContextConsumer<AssertableApplicationContext> test, String... properties) {
		SandboxContexts.runWithGenesysProd(this.runner, sandbox, test, properties);
	}

	private static WebClient client(ApplicationContext context) {
		return context.getBean("genesysProdWebClient", WebClient.class);
	}

	private static JsonNode users(ApplicationContext context) {
		return client(context).get().uri(USERS).retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
	}

	private static void mintDirectly(Sandbox sandbox) {
		WebClient.create()
			.post()
			.uri(sandbox.genesysTokenUri())
			.headers((headers) -> headers.setBasicAuth(sandbox.genesysClient().clientId(),
					sandbox.genesysClient().clientSecret()))
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
	}

}
