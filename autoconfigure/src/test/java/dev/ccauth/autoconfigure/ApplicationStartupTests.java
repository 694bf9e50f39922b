package dev.ccauth.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole Spring Boot application start, as a user runs it: the auto-configuration is
 * found through its imports file, the environment post-processor and the failure analyzer
 * through spring.factories.
 */
@ExtendWith({ OutputCaptureExtension.class, SandboxExtension.class })
class ApplicationStartupTests {

	@Test
	void misconfigurationStopsStartupWithAReport(CapturedOutput output) {
		assertThatThrownBy(() -> start("--ccauth.genesys.prod.client-id=abc",
				"--ccauth.genesys.prod.client-secret=top-secret-value", "--ccauth.genesys.prod.region=mars-1",
				"--ccauth.cxone.main.client-id=x", "--ccauth.cxone.main.client-secret=y",
				"--ccauth.cxone.main.access-key-id=z", "--ccauth.cxone.main.base-url=http://api.example.com"))
			.isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("ccauth's configuration is invalid:")
			.contains("ccauth.genesys.prod.region: 'mars-1' is neither a known Genesys Cloud region nor a domain.")
			.contains("ccauth.cxone.main.access-key-secret: is missing.")
			.contains(
					"ccauth.cxone.main.base-url: 'http://api.example.com' uses plain http on a host that is not a loopback address")
			.contains("Use one of us-east-1, us-east-2")
			.doesNotContain("top-secret-value");
	}

	@Test
	void pipelineVariablesAloneGiveAWorkingClient(Sandbox sandbox) {
		try (ConfigurableApplicationContext context = start("--GENESYS_CLIENT_ID=" + sandbox.genesysClient().clientId(),
				"--GENESYS_CLIENT_SECRET=" + sandbox.genesysClient().clientSecret(),
				"--GENESYS_BASE_URL=" + sandbox.genesysBaseUrl(), "--GENESYS_TOKEN_URI=" + sandbox.genesysTokenUri())) {
			context.getBean("genesysWebClient", WebClient.class)
				.get()
				.uri("/api/v2/users")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10));
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		}
	}

	@Test
	void refusedCredentialsAtStartupAreReportedWithTheirFix(Sandbox sandbox, CapturedOutput output) {
		assertThatThrownBy(() -> start("--ccauth.validate-on-startup=true",
				"--ccauth.genesys.prod.client-id=" + sandbox.genesysClient().clientId(),
				"--ccauth.genesys.prod.client-secret=not-the-secret",
				"--ccauth.genesys.prod.base-url=" + sandbox.genesysBaseUrl(),
				"--ccauth.genesys.prod.token-uri=" + sandbox.genesysTokenUri()))
			.isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("ccauth could not obtain a token at startup: genesys/prod: token request to")
			.contains("invalid_client")
			.contains("Check ccauth.genesys.prod.client-id and client-secret")
			.doesNotContain("not-the-secret");
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
