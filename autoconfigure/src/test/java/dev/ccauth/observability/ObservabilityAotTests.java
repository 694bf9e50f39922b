package dev.ccauth.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with ccauth's observability, processed by Spring AOT, compiled and started from
 * the generated code alone: the package-private health contributor, meters, observation, endpoint
 * and health properties are made by generated code as they are by reflection.
 */
@ExtendWith(SandboxExtension.class)
@CompileWithForkedClassLoader
class ObservabilityAotTests {

	@Test
	void observabilityRunsFromGeneratedCode(Sandbox sandbox) {
		Map<String, Object> properties = new LinkedHashMap<>(
				SandboxProperties.toMap(SandboxProperties.genesys(sandbox, "prod")));
		properties.put("management.endpoints.web.exposure.include", "ccauth");
		properties.put("ccauth.health.fetch-token", "true");
		GenericApplicationContext build = context(properties);
		AnnotationConfigUtils.registerAnnotationConfigProcessors(build);
		build.registerBean(Application.class);
		TestGenerationContext generation = new TestGenerationContext(Application.class);
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(build, generation);
		generation.writeGeneratedContent();
		TestCompiler.forSystem().with(generation).compile((compiled) -> {
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> initializer = compiled
				.getInstance(ApplicationContextInitializer.class, initializerName.toString());
			run(initializer, properties, (context) -> {
				assertThat(context.containsBean("ccauthEndpoint")).isTrue();
				assertThat(context.containsBean("ccauthTokenRequestObservation")).isTrue();
				HealthIndicator prod = (HealthIndicator) context
					.getBean("ccauthHealthContributor", CompositeHealthContributor.class)
					.getContributor("genesys-prod");
				assertThat(prod.health().getStatus()).as("fetch-token bound from the generated code")
					.isEqualTo(Status.UP);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(TokenRequestMetrics.REQUESTS).counter().count()).isEqualTo(1);
				assertThat(registry.get(TokenExpiryGauges.EXPIRES_IN).gauge().value()).isPositive();
			});
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
			WebClientAutoConfiguration.class, CcauthAutoConfiguration.class, EndpointAutoConfiguration.class,
			CcauthHealthAutoConfiguration.class, CcauthMetricsAutoConfiguration.class,
			CcauthObservationAutoConfiguration.class, CcauthEndpointAutoConfiguration.class })
	static class Application {

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
