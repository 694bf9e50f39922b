package dev.ccauth.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.RecordedRequest;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.token.AccessToken;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WebClient beans over real HTTP against the sandbox. */
@ExtendWith(SandboxExtension.class)
class ContactCenterWebClientsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class));

	@Test
	void genesysWebClientListsUsersWithOneTokenRequest(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod")).run((context) -> {
			WebClient client = context.getBean("genesysProdWebClient", WebClient.class);
			for (int page = 1; page <= 3; page++) {
				JsonNode users = client.get()
					.uri("/api/v2/users?pageSize=25&pageNumber={page}", page)
					.retrieve()
					.bodyToMono(JsonNode.class)
					.block(Duration.ofSeconds(10));
				assertThat(users.get("entities").size()).isEqualTo(25);
			}
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(3);
		});
	}

	@Test
	void tutorialStyleCxoneWebClientListsAgents(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxoneClientCredentials(sandbox, "tutorial-style"))
			.run((context) -> {
				WebClient client = context.getBean("cxoneTutorialStyleWebClient", WebClient.class);
				JsonNode agents = client.get()
					.uri("/incontactapi/services/v34.0/agents?top=10")
					.retrieve()
					.bodyToMono(JsonNode.class)
					.block(Duration.ofSeconds(10));
				assertThat(agents.get("agents").size()).isEqualTo(10);
				assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(1);
			});
	}

	@Test
	void tokenGoesOnlyToTheRegistrationsOwnOrigin(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod")).run((context) -> {
			WebClient client = context.getBean("genesysProdWebClient", WebClient.class);
			client.get().uri("/api/v2/users").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
			// same server, other host name: a different origin
			String otherHost = "http://localhost:" + sandbox.port() + "/api/v2/users";
			assertThatThrownBy(() -> client.get().uri(otherHost).retrieve().toBodilessEntity().block())
				.isInstanceOf(WebClientResponseException.Unauthorized.class);
			List<RecordedRequest> users = sandbox.recentRequests()
				.stream()
				.filter((request) -> request.endpoint() == Endpoint.GENESYS_USERS)
				.toList();
			assertThat(users).hasSize(2);
			assertThat(users.get(0).host()).isEqualTo("127.0.0.1:" + sandbox.port());
			assertThat(users.get(0).hasAuthorization()).isTrue();
			assertThat(users.get(1).host()).isEqualTo("localhost:" + sandbox.port());
			assertThat(users.get(1).hasAuthorization()).isFalse();
		});
	}

	@Test
	void noTokenIsSharedBetweenRegistrations(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "a"))
			.withPropertyValues(SandboxProperties.genesys(sandbox, "b"))
			.run((context) -> {
				ContactCenterClients clients = context.getBean(ContactCenterClients.class);
				AccessToken a = clients.accessToken(RegistrationId.genesys("a")).block(Duration.ofSeconds(10));
				AccessToken b = clients.accessToken(RegistrationId.genesys("b")).block(Duration.ofSeconds(10));
				assertThat(a.value()).isNotEqualTo(b.value());
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
			});
	}

	@Test
	void handedOverTokenAloneMakesNoTokenRequestAndItsRefusalIsFinal(Sandbox sandbox) {
		String minted = mintGenesysToken(sandbox);
		sandbox.reset();
		this.runner
			.withPropertyValues("ccauth.genesys.ci.access-token=" + minted,
					"ccauth.genesys.ci.base-url=" + sandbox.genesysBaseUrl())
			.run((context) -> {
				WebClient client = context.getBean("genesysCiWebClient", WebClient.class);
				client.get().uri("/api/v2/users").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
				sandbox.revokeToken(minted);
				assertThatThrownBy(() -> client.get().uri("/api/v2/users").retrieve().toBodilessEntity().block())
					.hasMessageContaining("genesys/ci")
					.hasMessageContaining("handed-over access token was refused or has expired")
					.hasMessageNotContaining(minted);
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
			});
	}

	@Test
	void handedOverTokenIsUsedFirstThenCredentialsTakeOver(Sandbox sandbox) {
		String minted = mintGenesysToken(sandbox);
		sandbox.reset();
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "ci"))
			.withPropertyValues("ccauth.genesys.ci.access-token=" + minted)
			.run((context) -> {
				WebClient client = context.getBean("genesysCiWebClient", WebClient.class);
				client.get().uri("/api/v2/users").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
				sandbox.revokeToken(minted);
				client.get().uri("/api/v2/users").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			});
	}

	@Test
	void validateOnStartupFetchesTokensBeforeReady(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.validate-on-startup=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			});
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.genesys.prod.client-secret=wrong", "ccauth.validate-on-startup=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("genesys/prod")
				.hasStackTraceContaining("invalid_client")
				.hasStackTraceContaining("Check ccauth.genesys.prod.client-id and client-secret"));
	}

	@Test
	void noNetworkCallAtStartupByDefault(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues(SandboxProperties.cxoneClientCredentials(sandbox, "main"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(sandbox.recentRequests()).isEmpty();
			});
	}

	private static String mintGenesysToken(Sandbox sandbox) {
		return WebClient.create()
			.post()
			.uri(sandbox.genesysTokenUri())
			.headers((headers) -> headers.setBasicAuth(sandbox.genesysClient().clientId(),
					sandbox.genesysClient().clientSecret()))
			.bodyValue(new org.springframework.util.LinkedMultiValueMap<>(
					java.util.Map.of("grant_type", List.of("client_credentials"))))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10))
			.get("access_token")
			.asString();
	}

}
