package dev.ccauth.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ccauth's registrations published to Spring Security share the token of ccauth's own
 * clients: through the manager the module defines for an application without
 * registrations of its own, and through the application's own manager and filter when it
 * has some.
 */
@ExtendWith(SandboxExtension.class)
class ExposedRegistrationsTests {

	@Test
	void anApplicationWithoutRegistrationsGetsAManagerServingCcauthsToken(Sandbox sandbox) {
		new org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner()
			.withConfiguration(HostApplications.MODULE)
			.withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
					org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration.class,
					org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class))
			.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.spring-security.expose-registrations=true")
			.run((context) -> {
				OAuth2AuthorizedClient client = context.getBean(ReactiveOAuth2AuthorizedClientManager.class)
					.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("genesys-prod")
						.principal(new TestingAuthenticationToken("someone", null))
						.build())
					.block(Duration.ofSeconds(10));
				String ccauths = context.getBean(ContactCenterClients.class)
					.accessToken(RegistrationId.genesys("prod"))
					.block(Duration.ofSeconds(10))
					.value();
				assertThat(client.getAccessToken().getTokenValue()).isEqualTo(ccauths);
				assertThat(client.getClientRegistration().getRegistrationId()).isEqualTo("genesys-prod");
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			});
	}

	@Test
	void theApplicationsOwnFilterCallsTheApiWithAnExposedRegistration(Sandbox sandbox) {
		HostApplications.webFlux(true)
			.withPropertyValues(HostApplications.genesys(sandbox))
			.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.spring-security.expose-registrations=true", "app.registration=genesys-prod")
			.run((context) -> {
				String users = context.getBean("apiWebClient", WebClient.class)
					.get()
					.uri("/api/v2/users?pageSize=1")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10));
				assertThat(users).contains("\"entities\"");
				context.getBean("genesysProdWebClient", WebClient.class)
					.get()
					.uri("/api/v2/users?pageSize=1")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10));
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).as("one token for both clients").isEqualTo(1);
			});
	}

}
