package dev.ccauth.observability;

import java.time.Duration;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.spring.SandboxProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a test in an application whose registrations {@code genesys-prod} and
 * {@code cxone-main} point at the sandbox.
 */
final class SandboxApplications {

	private SandboxApplications() {
	}

	/**
	 * A GET through one of the application's WebClient beans, answered within ten
	 * seconds.
	 */
	static JsonNode get(ApplicationContext context, String client, String uri) {
		return context.getBean(client, WebClient.class)
			.get()
			.uri(uri)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(10));
	}

	static void run(ApplicationContextRunner runner, Sandbox sandbox, Consumer<AssertableApplicationContext> test,
			String... properties) {
		runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

}
