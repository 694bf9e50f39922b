package dev.ccauth.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.retry.RetryObserver;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenClient;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When each part of ccauth's observability is configured: only with its library on the
 * class path and, for meters and observations, the application's registry; each bean
 * replaceable by name; and nothing at all changes when Actuator and Micrometer are
 * absent.
 */
@ExtendWith(SandboxExtension.class)
class ObservabilityAutoConfigurationTests {

	private static final AutoConfigurations CCAUTH = AutoConfigurations.of(CcauthAutoConfiguration.class,
			WebClientAutoConfiguration.class, SslAutoConfiguration.class);

	private static final AutoConfigurations OBSERVABILITY = AutoConfigurations.of(CcauthHealthAutoConfiguration.class,
			CcauthMetricsAutoConfiguration.class, CcauthObservationAutoConfiguration.class,
			CcauthEndpointAutoConfiguration.class);

	/**
	 * What Actuator brings, as an application with spring-boot-starter-actuator has it.
	 */
	private static final AutoConfigurations ACTUATOR = AutoConfigurations.of(ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
			HealthEndpointAutoConfiguration.class, EndpointAutoConfiguration.class);

	private static final String[] GENESYS_PROD = { "ccauth.genesys.prod.client-id=id-1",
			"ccauth.genesys.prod.client-secret=secret-1" };

	private static final List<String> BEANS = List.of("ccauthHealthContributor", "ccauthTokenRequestMetrics",
			"ccauthRetryMetrics", "ccauthTokenExpiryGauges", "ccauthTokenRequestObservation", "ccauthEndpoint");

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CCAUTH)
		.withConfiguration(OBSERVABILITY)
		.withConfiguration(ACTUATOR)
		.withPropertyValues(GENESYS_PROD)
		.withPropertyValues("management.endpoints.web.exposure.include=health,ccauth",
				"management.endpoint.health.show-details=always");

	@Test
	void everyPartWithActuatorAndMicrometer() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			BEANS.forEach((name) -> assertThat(context).hasBean(name));
			CompositeHealthDescriptor health = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class)
				.healthForPath("ccauth");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getComponents()).containsOnlyKeys("genesys-prod");
		});
	}

	@Test
	void clientsAreBuiltWithTheDecoratorsInnermostAndTheRetryMeters() {
		this.runner.run((context) -> {
			List<TokenClient.Decorator> decorators = context.getBeanProvider(TokenClient.Decorator.class)
				.orderedStream()
				.toList();
			assertThat(decorators).hasSize(2);
			assertThat(decorators.get(0)).isInstanceOf(TokenRequestObservation.class);
			assertThat(decorators.get(1)).isInstanceOf(TokenRequestMetrics.class);
			assertThat(TokenRequestMetrics.ORDER).as("inside a store decorator of default order").isNegative();
			assertThat(context.getBeanProvider(RetryObserver.class).orderedStream()).singleElement()
				.isInstanceOf(RetryMetrics.class);
		});
	}

	@Test
	void healthOffWhenDisabled() {
		this.runner.withPropertyValues("management.health.ccauth.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean("ccauthHealthContributor").hasBean("ccauthTokenRequestMetrics");
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("ccauth")).isNull();
		});
	}

	@Test
	void healthOffWithBootsHealthDefaultsOff() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthHealthContributor"));
	}

	@Test
	void healthOnlyWithBootsHealthModule() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthHealthContributor")
				.hasBean("ccauthTokenRequestMetrics")
				.hasBean("ccauthEndpoint"));
	}

	@Test
	void metricsOnlyWithAMeterRegistry() {
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withConfiguration(OBSERVABILITY)
			.withPropertyValues(GENESYS_PROD)
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthTokenRequestMetrics")
				.doesNotHaveBean("ccauthRetryMetrics")
				.doesNotHaveBean("ccauthTokenExpiryGauges")
				.hasBean("ccauthHealthContributor"));
	}

	@Test
	void metricsWithTheApplicationsOwnMeterRegistry() {
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withConfiguration(OBSERVABILITY)
			.withPropertyValues(GENESYS_PROD)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasBean("ccauthTokenRequestMetrics").hasBean("ccauthRetryMetrics");
				assertThat(context.getBean(MeterRegistry.class).find(TokenExpiryGauges.EXPIRES_IN).gauges()).hasSize(1);
			});
	}

	@Test
	void metricsOnlyWithMicrometerCore() {
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withConfiguration(OBSERVABILITY)
			.withPropertyValues(GENESYS_PROD)
			.withBean(SimpleMeterRegistry.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthTokenRequestMetrics")
				.doesNotHaveBean("ccauthTokenExpiryGauges")
				.hasBean("ccauthHealthContributor"));
	}

	@Test
	void observationOnlyWithAnObservationRegistry() {
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withConfiguration(OBSERVABILITY)
			.withPropertyValues(GENESYS_PROD)
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthTokenRequestObservation"));
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withConfiguration(OBSERVABILITY)
			.withPropertyValues(GENESYS_PROD)
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasBean("ccauthTokenRequestObservation"));
	}

	/**
	 * micrometer-observation comes with spring-web, which ccauth needs; the condition is
	 * there all the same.
	 */
	@Test
	void observationOnlyWithMicrometerObservation() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CcauthObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthTokenRequestObservation"));
	}

	@Test
	void endpointOnlyWhenExposed() {
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withConfiguration(OBSERVABILITY)
			.withConfiguration(ACTUATOR)
			.withPropertyValues(GENESYS_PROD)
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthEndpoint").hasBean("ccauthHealthContributor"));
		this.runner.withPropertyValues("management.endpoint.ccauth.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthEndpoint"));
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=health",
					"management.endpoints.jmx.exposure.include=ccauth", "spring.jmx.enabled=true")
			.run((context) -> assertThat(context).hasBean("ccauthEndpoint"));
	}

	@Test
	void endpointOnlyWithActuator() {
		this.runner
			.withClassLoader(
					new FilteredClassLoader(org.springframework.boot.actuate.endpoint.annotation.Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean("ccauthEndpoint")
				.hasBean("ccauthTokenRequestMetrics"));
	}

	@Test
	void noneWithoutContactCenterClients() {
		this.runner.withClassLoader(new FilteredClassLoader(reactor.netty.http.client.HttpClient.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ContactCenterClients.class)
					.doesNotHaveBean("ccauthHealthContributor")
					.doesNotHaveBean("ccauthEndpoint");
			});
	}

	@Test
	void withoutActuatorAndMicrometerNothingChanges(Sandbox sandbox) {
		Set<String> without = new TreeSet<>();
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.run((context) -> without.addAll(List.of(context.getBeanDefinitionNames())));
		new ApplicationContextRunner().withConfiguration(CCAUTH)
			.withConfiguration(OBSERVABILITY)
			.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.health",
					"org.springframework.boot.actuate"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(new TreeSet<>(List.of(context.getBeanDefinitionNames()))).isEqualTo(without);
				assertThat(context.getBean(ContactCenterClients.class)
					.accessToken(RegistrationId.genesys("prod"))
					.block(Duration.ofSeconds(10))).isNotNull();
			});
	}

	@Test
	void everyBeanIsReplaceableByName() {
		HealthIndicator ownHealth = () -> Health.up().build();
		TokenClient.Decorator ownDecorator = (registration, client) -> client;
		RetryObserver ownObserver = RetryObserver.NONE;
		this.runner.withBean("ccauthHealthContributor", HealthIndicator.class, () -> ownHealth)
			.withBean("ccauthTokenRequestMetrics", TokenClient.Decorator.class, () -> ownDecorator)
			.withBean("ccauthTokenRequestObservation", TokenClient.Decorator.class, () -> ownDecorator)
			.withBean("ccauthRetryMetrics", RetryObserver.class, () -> ownObserver)
			.withBean("ccauthTokenExpiryGauges", String.class, () -> "none")
			.withBean("ccauthEndpoint", String.class, () -> "none")
			.run((context) -> {
				assertThat(context.getBean("ccauthHealthContributor")).isSameAs(ownHealth);
				assertThat(context.getBean("ccauthTokenRequestMetrics")).isSameAs(ownDecorator);
				assertThat(context.getBean("ccauthTokenRequestObservation")).isSameAs(ownDecorator);
				assertThat(context.getBean("ccauthRetryMetrics")).isSameAs(ownObserver);
				assertThat(context.getBean(MeterRegistry.class).find(TokenExpiryGauges.EXPIRES_IN).gauges()).isEmpty();
				assertThat(context.getBeansOfType(CcauthEndpoint.class)).isEmpty();
			});
	}

	/**
	 * A token store shared by processes wraps the token client outside the meters and the
	 * observation: a token it hands out is no request to the endpoint, and is counted as
	 * none.
	 */
	@Test
	void aStoreDecoratorOfDefaultOrderSitsOutsideTheMeters(Sandbox sandbox) {
		String stored = RegistrationHealthTests.mintToken(sandbox);
		int minted = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
		TokenClient.Decorator store = (registration, client) -> (trigger, current) -> Mono
			.just(new AccessToken(stored, Instant.now(), Instant.now().plusSeconds(3600), Set.of(), Map.of()));
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withBean("sharedTokenStore", TokenClient.Decorator.class, () -> store)
			.run((context) -> {
				assertThat(context.getBean(ContactCenterClients.class)
					.accessToken(RegistrationId.genesys("prod"))
					.block(Duration.ofSeconds(10))
					.value()).isEqualTo(stored);
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(minted);
				assertThat(context.getBean(MeterRegistry.class).find(TokenRequestMetrics.REQUESTS).counters())
					.isEmpty();
			});
	}

}
