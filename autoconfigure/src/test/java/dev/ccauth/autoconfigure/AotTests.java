package dev.ccauth.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.ccauth.observability.CcauthEndpointAutoConfiguration;
import dev.ccauth.observability.CcauthHealthAutoConfiguration;
import dev.ccauth.observability.CcauthMetricsAutoConfiguration;
import dev.ccauth.observability.CcauthObservationAutoConfiguration;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with Genesys and CXone registrations, processed by Spring AOT (the bean
 * definitions turned into code, as {@code spring-boot:process-aot} does), compiled, and
 * started from the generated code alone; its per-registration clients then call the
 * sandbox.
 */
@ExtendWith(SandboxExtension.class)
@CompileWithForkedClassLoader
class AotTests {

	@Test
	void applicationWithRegistrationsRunsFromGeneratedCode(Sandbox sandbox) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>();
		properties.putAll(SandboxProperties.toMap(SandboxProperties.genesys(sandbox, "prod")));
		properties.putAll(SandboxProperties.toMap(SandboxProperties.cxone(sandbox, "main")));
		runFromGeneratedCode(Application.class, properties, (context) -> {
			assertThat(context.getBeanNamesForType(WebClient.class)).containsExactlyInAnyOrder("genesysProdWebClient",
					"cxoneMainWebClient");
			assertThat(context.getBeanNamesForType(RestClient.class)).containsExactlyInAnyOrder("genesysProdRestClient",
					"cxoneMainRestClient");
			JsonNode users = context.getBean("genesysProdRestClient", RestClient.class)
				.get()
				.uri("/api/v2/users?pageSize=2")
				.retrieve()
				.body(JsonNode.class);
			assertThat(users.get("entities")).hasSize(2);
			JsonNode agents = context.getBean("cxoneMainWebClient", WebClient.class)
				.get()
				.uri("/incontactapi/services/v34.0/agents?top=2")
				.retrieve()
				.bodyToMono(JsonNode.class)
				.block(Duration.ofSeconds(10));
			assertThat(agents.get("agents")).hasSize(2);
			assertThat(context.getBean(ContactCenterClients.class).registrations()).hasSize(2);
		});
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
		assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(1);
	}

	/**
	 * With Actuator's and Micrometer's pieces too: ccauth's package-private health
	 * contributor, meters, observation, endpoint and health properties are made by
	 * generated code.
	 */
	@Test
	void observabilityRunsFromGeneratedCode(Sandbox sandbox) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>(
				SandboxProperties.toMap(SandboxProperties.genesys(sandbox, "prod")));
		properties.put("management.endpoints.web.exposure.include", "ccauth");
		properties.put("ccauth.health.fetch-token", "true");
		runFromGeneratedCode(ObservedApplication.class, properties, (context) -> {
			assertThat(context.containsBean("ccauthEndpoint")).isTrue();
			assertThat(context.containsBean("ccauthTokenRequestObservation")).isTrue();
			HealthIndicator prod = (HealthIndicator) context
				.getBean("ccauthHealthContributor", CompositeHealthContributor.class)
				.getContributor("genesys-prod");
			assertThat(prod.health().getStatus()).as("fetch-token bound by the generated code").isEqualTo(Status.UP);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("ccauth.token.requests").counter().count()).isEqualTo(1);
			assertThat(registry.get("ccauth.token.expires.in").gauge().value()).isPositive();
		});
	}

	/**
	 * Processes the application ahead of time, compiles what was generated and runs the
	 * test in a context started from it.
	 */
	private static void runFromGeneratedCode(Class<?> application, Map<String, Object> properties,
			Consumer<GenericApplicationContext> test) {
		GenericApplicationContext build = context(properties);
		AnnotationConfigUtils.registerAnnotationConfigProcessors(build);
		build.registerBean(application);
		TestGenerationContext generation = new TestGenerationContext(application);
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(build, generation);
		generation.writeGeneratedContent();
		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
				.getInstance(ApplicationContextInitializer.class, initializerName.toString());
			run(initializer, properties, test);
		});
	}

	private static void run(ApplicationContextInitializer<GenericApplicationContext> initializer,
			Map<String, Object> properties, Consumer<GenericApplicationContext> test) {
		try (GenericApplicationContext context = context(properties)) {
			initializer.initialize(context);
			context.refresh();
			test.accept(context);
		}
	}

	private static GenericApplicationContext context(Map<String, Object> properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		return context;
	}

	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, SslAutoConfiguration.class,
			WebClientAutoConfiguration.class, CcauthAutoConfiguration.class })
	static class Application {

	}

	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, SslAutoConfiguration.class,
			WebClientAutoConfiguration.class, CcauthAutoConfiguration.class, EndpointAutoConfiguration.class,
			CcauthHealthAutoConfiguration.class, CcauthMetricsAutoConfiguration.class,
			CcauthObservationAutoConfiguration.class, CcauthEndpointAutoConfiguration.class })
	static class ObservedApplication {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry() {
			return ObservationRegistry.create();
		}

	}

}
