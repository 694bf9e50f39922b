package dev.ccauth.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.genesys.GenesysPlatform;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.token.MutableClock;
import dev.ccauth.token.TokenSource;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Each registration's health against the sandbox: UP before any token is needed and while
 * one is held, DOWN with the reason while token requests are refused or failing, the
 * details that tell an operator where it points and where its token stands, and no
 * network call unless asked for.
 */
@ExtendWith(SandboxExtension.class)
class RegistrationHealthTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class, CcauthHealthAutoConfiguration.class))
		.withPropertyValues("ccauth.retry.initial-delay=10ms", "ccauth.retry.max-delay=50ms");

	@Test
	void upBeforeAnyTokenIsNeededWithoutAnyRequest(Sandbox sandbox) {
		run(sandbox, (context) -> {
			Health health = health(context, "genesys-prod");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("platform", "genesys")
				.containsEntry("region", "us-east-1")
				.containsEntry("tokenEndpoint", sandbox.genesysTokenUri())
				.containsEntry("apiBaseUrl", sandbox.genesysBaseUrl())
				.containsEntry("validToken", false)
				.containsEntry("canRenew", true)
				.doesNotContainKeys("tokenExpiresIn", "lastRenewal", "lastFailure", "reason");
			Health cxone = health(context, "cxone-main");
			assertThat(cxone.getStatus()).isEqualTo(Status.UP);
			assertThat(cxone.getDetails()).containsEntry("platform", "cxone")
				.containsEntry("issuer", sandbox.cxoneIssuer())
				.containsEntry("tokenEndpoint",
						"discovered from " + sandbox.cxoneIssuer() + "/.well-known/openid-configuration");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN) + sandbox.requestCount(Endpoint.CXONE_TOKEN)
					+ sandbox.requestCount(Endpoint.CXONE_DISCOVERY))
				.as("health makes no request")
				.isZero();
		});
	}

	@Test
	void upWithTheTokensExpiryAndLastRenewal(Sandbox sandbox) {
		run(sandbox, (context) -> {
			Instant before = Instant.now();
			context.getBean(ContactCenterClients.class).accessToken(RegistrationId.genesys("prod")).block();
			Health health = health(context, "genesys-prod");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("validToken", true);
			assertThat((Long) health.getDetails().get("tokenExpiresIn")).isBetween(3500L, 3600L);
			assertThat(Instant.parse((String) health.getDetails().get("lastRenewal"))).isBetween(before.minusSeconds(1),
					Instant.now());
		});
	}

	@Test
	void downWhileTheSecretIsRefusedWithTheReason(Sandbox sandbox) {
		run(sandbox, (context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			assertThat(catchThrowable(() -> clients.accessToken(RegistrationId.genesys("prod")).block())).isNotNull();
			Health health = health(context, "genesys-prod");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "token requests are refused")
				.containsEntry("validToken", false)
				.containsKeys("lastFailureAt", "coolDownUntil");
			assertThat((String) health.getDetails().get("lastFailure")).contains("genesys/prod", "HTTP 401",
					"Check ccauth.genesys.prod.client-id and client-secret");
			assertThat(health.toString()).doesNotContain("wrong-secret-for-health");
			assertThat(health(context, "cxone-main").getStatus()).as("the other registration").isEqualTo(Status.UP);
		}, "ccauth.genesys.prod.client-secret=wrong-secret-for-health");
	}

	@Test
	void downWhileTheEndpointFailsAndUpAgainAfterASuccess(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_TOKEN, 2, 503);
		run(sandbox, (context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			assertThat(catchThrowable(() -> clients.accessToken(RegistrationId.genesys("prod")).block())).isNotNull();
			Health health = health(context, "genesys-prod");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "token requests are failing");
			assertThat((String) health.getDetails().get("lastFailure")).contains("HTTP 503");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> clients.tokenSource(RegistrationId.genesys("prod")).state().coolDownUntil() == null);
			assertThat(health(context, "genesys-prod").getStatus()).as("still failing until a request succeeds")
				.isEqualTo(Status.DOWN);
			clients.accessToken(RegistrationId.genesys("prod")).block();
			assertThat(health(context, "genesys-prod").getStatus()).isEqualTo(Status.UP);
			assertThat(health(context, "genesys-prod").getDetails()).doesNotContainKeys("lastFailure", "reason");
		}, "ccauth.retry.max-attempts=2");
	}

	@Test
	void optInFetchesATokenWhenNoneIsHeld(Sandbox sandbox) {
		run(sandbox, (context) -> {
			Health health = health(context, "genesys-prod");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("validToken", true).containsKey("tokenExpiresIn");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			health(context, "genesys-prod");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).as("a held token is used").isEqualTo(1);
		}, "ccauth.health.fetch-token=true");
	}

	@Test
	void optInFetchReportsARefusal(Sandbox sandbox) {
		run(sandbox, (context) -> {
			Health health = health(context, "genesys-prod");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "token requests are refused");
			health(context, "genesys-prod");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).as("not again during the cool-down").isEqualTo(1);
		}, "ccauth.health.fetch-token=true", "ccauth.genesys.prod.client-secret=wrong-secret-for-health");
	}

	@Test
	void downWhenAHandedOverTokenIsRefusedWithoutCredentials(Sandbox sandbox) {
		String minted = mintToken(sandbox);
		run(sandbox, (context) -> {
			sandbox.revokeToken(minted);
			WebClient ci = context.getBean("genesysCiWebClient", WebClient.class);
			assertThat(health(context, "genesys-ci").getStatus()).isEqualTo(Status.UP);
			assertThat(health(context, "genesys-ci").getDetails()).containsEntry("canRenew", false)
				.doesNotContainKey("tokenExpiresIn");
			assertThat(
					catchThrowable(() -> ci.get().uri("/api/v2/users").retrieve().bodyToMono(JsonNode.class).block()))
				.isNotNull();
			Health health = health(context, "genesys-ci");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("reason")).contains("handed-over access token was refused");
			assertThat(health.toString()).doesNotContain(minted);
		}, "ccauth.genesys.ci.base-url=" + sandbox.genesysBaseUrl(), "ccauth.genesys.ci.access-token=" + minted);
	}

	@Test
	void upWhileTheHeldTokenIsValidEvenIfItsRenewalFails(Sandbox sandbox) {
		run(sandbox, (context) -> {
			Registration registration = context.getBean(ContactCenterRegistrations.class)
				.get(RegistrationId.genesys("prod"));
			MutableClock clock = new MutableClock(Instant.now());
			TokenSource tokens = TokenSource
				.builder(registration, GenesysPlatform.endpoints(registration, WebClient.create()))
				.clock(clock)
				.build();
			HealthIndicator indicator = new RegistrationHealthIndicator(registration, tokens,
					new CcauthHealthProperties(false, Duration.ofSeconds(10)), clock);
			tokens.token().block(Duration.ofSeconds(10));
			sandbox.failNext(Endpoint.GENESYS_TOKEN, 1, 401);
			clock.advance(Duration.ofMinutes(56)); // due for renewal five minutes before
													// expiry
			assertThat(tokens.usableToken()).isNotNull(); // starts the renewal in the
															// background
			await().atMost(Duration.ofSeconds(10)).until(() -> tokens.state().lastFailure() != null);
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("validToken", true)
				.containsEntry("tokenExpiresIn", 240L)
				.containsKey("lastFailure")
				.doesNotContainKey("reason");
		});
	}

	private void run(Sandbox sandbox, Consumer<AssertableApplicationContext> test, String... properties) {
		SandboxApplications.run(this.runner, sandbox, test, properties);
	}

	static Health health(AssertableApplicationContext context, String registration) {
		CompositeHealthContributor ccauth = context.getBean("ccauthHealthContributor",
				CompositeHealthContributor.class);
		return ((HealthIndicator) ccauth.getContributor(registration)).health();
	}

	/** A token minted by an earlier pipeline step. */
	static String mintToken(Sandbox sandbox) {
		JsonNode response = WebClient.create()
			.post()
			.uri(sandbox.genesysTokenUri())
			.headers((headers) -> headers.setBasicAuth(sandbox.genesysClient().clientId(),
					sandbox.genesysClient().clientSecret()))
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10));
		return response.get("access_token").asString();
	}

}
