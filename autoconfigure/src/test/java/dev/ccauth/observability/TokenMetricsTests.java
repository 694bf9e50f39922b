package dev.ccauth.observability;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * ccauth's meters, read from a Micrometer registry after real calls against the sandbox:
 * token requests by outcome and trigger, their duration, the token's expiry, retries and
 * their waits.
 */
@ExtendWith(SandboxExtension.class)
class TokenMetricsTests {

	private static final String USERS = "/api/v2/users?pageSize=1";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class, CcauthMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withPropertyValues("ccauth.retry.initial-delay=10ms", "ccauth.retry.max-delay=50ms");

	@Test
	void concurrentColdCallsCountOneSuccessfulFirstRequest(Sandbox sandbox) {
		run(sandbox, (context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(gauge(registry, "genesys-prod").value()).as("no token yet").isNaN();
			WebClient client = context.getBean("genesysProdWebClient", WebClient.class);
			Flux.range(0, 100)
				.flatMap((i) -> client.get().uri(USERS).retrieve().bodyToMono(JsonNode.class), 100)
				.blockLast(Duration.ofSeconds(30));
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			assertThat(requests(registry, "genesys-prod", "success", "first").count()).isEqualTo(1);
			Timer duration = registry.get(TokenRequestMetrics.DURATION)
				.tags("registration", "genesys-prod", "platform", "genesys", "outcome", "success", "trigger", "first")
				.timer();
			assertThat(duration.count()).isEqualTo(1);
			assertThat(duration.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
			assertThat(gauge(registry, "genesys-prod").value()).isBetween(3500.0, 3600.0);
			assertThat(registry.find(TokenRequestMetrics.REQUESTS).counters()).hasSize(1);
			assertThat(registry.find(RetryMetrics.RETRIES).counters()).isEmpty();
		});
	}

	@Test
	void refusedSecretCountsOneRefusedRequestThroughTheCoolDown(Sandbox sandbox) {
		run(sandbox, (context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			for (int i = 0; i < 5; i++) {
				assertThat(catchThrowable(() -> clients.accessToken(RegistrationId.genesys("wrong")).block()))
					.isNotNull();
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			assertThat(requests(registry, "genesys-wrong", "refused", "first").count()).isEqualTo(1);
			assertThat(registry.find(TokenRequestMetrics.REQUESTS).tag("outcome", "success").counters()).isEmpty();
			assertThat(gauge(registry, "genesys-wrong").value()).isNaN();
		}, "ccauth.genesys.wrong.client-secret=not-the-secret");
	}

	@Test
	void failingEndpointCountsItsRetriesAndOneFailedRequest(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_TOKEN, 2, 503);
		run(sandbox, (context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			assertThat(catchThrowable(() -> clients.accessToken(RegistrationId.genesys("prod")).block())).isNotNull();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(requests(registry, "genesys-prod", "failed", "first").count()).isEqualTo(1);
			assertThat(retries(registry, "genesys-prod", "5xx").count()).as("the token request's own retry")
				.isEqualTo(1);
			assertThat(registry.get(RetryMetrics.WAIT)
				.tags("registration", "genesys-prod", "reason", "5xx")
				.timer()
				.count()).isEqualTo(1);
		}, "ccauth.retry.max-attempts=2");
	}

	@Test
	void refusedTokenIsReplayedAndCountedAsInvalidated(Sandbox sandbox) {
		run(sandbox, (context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			RestClient client = context.getBean("genesysProdRestClient", RestClient.class);
			client.get().uri(USERS).retrieve().body(JsonNode.class);
			sandbox.revokeToken(clients.accessToken(RegistrationId.genesys("prod")).block().value());
			client.get().uri(USERS).retrieve().body(JsonNode.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(requests(registry, "genesys-prod", "success", "first").count()).isEqualTo(1);
			assertThat(requests(registry, "genesys-prod", "success", "invalidated").count()).isEqualTo(1);
			assertThat(retries(registry, "genesys-prod", "401-replay").count()).isEqualTo(1);
		});
	}

	@Test
	void renewalBeforeExpiryIsCountedAsRenewal(Sandbox sandbox) {
		sandbox.tokenLifetime(Duration.ofSeconds(2)); // renewed after half its life
		run(sandbox, (context) -> {
			WebClient client = context.getBean("genesysProdWebClient", WebClient.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			client.get().uri(USERS).retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
				client.get().uri(USERS).retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(10));
				assertThat(registry.find(TokenRequestMetrics.REQUESTS).tag("trigger", "renewal").counters())
					.singleElement()
					.satisfies((renewals) -> assertThat(renewals.count()).isGreaterThanOrEqualTo(1));
			});
			assertThat(requests(registry, "genesys-prod", "success", "first").count()).isEqualTo(1);
		});
	}

	@Test
	void rateLimitedCallCountsA429RetryAndItsWait(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429, Duration.ofSeconds(1));
		run(sandbox, (context) -> {
			SandboxApplications.get(context, "genesysProdWebClient", USERS);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(retries(registry, "genesys-prod", "429").count()).isEqualTo(1);
			Timer wait = registry.get(RetryMetrics.WAIT).tags("registration", "genesys-prod", "reason", "429").timer();
			assertThat(wait.count()).isEqualTo(1);
			assertThat(wait.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).as("Retry-After: 1")
				.isEqualTo(1000.0);
		});
	}

	@Test
	void cxoneRequestsAreTaggedWithTheirOwnRegistration(Sandbox sandbox) {
		run(sandbox, (context) -> {
			SandboxApplications.get(context, "cxoneMainWebClient", "/incontactapi/services/v34.0/agents?top=1");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(TokenRequestMetrics.REQUESTS)
				.tags("registration", "cxone-main", "platform", "cxone", "outcome", "success", "trigger", "first")
				.counter()
				.count()).isEqualTo(1);
			assertThat(gauge(registry, "cxone-main").value()).isBetween(3500.0, 3600.0);
			assertThat(gauge(registry, "genesys-prod").value()).isNaN();
		});
	}

	private void run(Sandbox sandbox, Consumer<AssertableApplicationContext> test, String... properties) {
		SandboxApplications.run(this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "wrong")), sandbox,
				test, properties);
	}

	static Counter requests(MeterRegistry registry, String registration, String outcome, String trigger) {
		return registry.get(TokenRequestMetrics.REQUESTS)
			.tags("registration", registration, "platform", registration.substring(0, registration.indexOf('-')),
					"outcome", outcome, "trigger", trigger)
			.counter();
	}

	static Counter retries(MeterRegistry registry, String registration, String reason) {
		return registry.get(RetryMetrics.RETRIES).tags("registration", registration, "reason", reason).counter();
	}

	static Gauge gauge(MeterRegistry registry, String registration) {
		List<Gauge> gauges = List
			.copyOf(registry.find(TokenExpiryGauges.EXPIRES_IN).tag("registration", registration).gauges());
		assertThat(gauges).hasSize(1);
		return gauges.get(0);
	}

}
