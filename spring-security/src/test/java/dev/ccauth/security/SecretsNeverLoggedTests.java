package dev.ccauth.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.ccauth.ContactCenterException;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every log line of every logger at TRACE while the bridge fetches tokens for Spring
 * Security registrations (client credentials and a CXone access key, WebFlux and
 * servlet), drops a revoked one, and fails with a wrong secret: no client secret,
 * access-key secret or token in any message, argument, stack trace, exception or
 * {@code toString()}.
 */
@ExtendWith(SandboxExtension.class)
class SecretsNeverLoggedTests {

	private static final String WRONG_SECRET = "wrong-secret-that-must-not-leak";

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureEverything() {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
		this.previousLevel = root.getLevel();
		root.setLevel(Level.TRACE);
		this.appender.start();
		root.addAppender(this.appender);
	}

	@AfterEach
	void restore() {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
		root.detachAppender(this.appender);
		root.setLevel(this.previousLevel);
	}

	@Test
	void noSecretOrTokenInAnyLogLineExceptionOrToString(Sandbox sandbox) {
		List<String> secrets = new ArrayList<>(List.of(sandbox.genesysClient().clientSecret(),
				sandbox.cxoneClient().clientSecret(), sandbox.cxoneAccessKey().secret(), WRONG_SECRET));
		StringBuilder shown = new StringBuilder();
		HostApplications.webFlux(true)
			.withPropertyValues(HostApplications.genesys(sandbox))
			.withPropertyValues(wrong(sandbox))
			.run((context) -> {
				WebClient api = context.getBean("apiWebClient", WebClient.class);
				api.get().uri("/api/v2/users").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
				SpringSecurityBridge bridge = context.getBean(SpringSecurityBridge.class);
				String token = bridge.tokenSource("genesys").get().currentToken().value();
				secrets.add(token);
				sandbox.revokeToken(token);
				api.get()
					.uri("/api/v2/users")
					.retrieve()
					.bodyToMono(String.class)
					.onErrorResume(WebClientResponseException.class, (ex) -> Mono.empty())
					.block(Duration.ofSeconds(10));
				api.get().uri("/api/v2/users").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
				secrets.add(bridge.tokenSource("genesys").get().currentToken().value());
				Throwable refused = catchThrowable(() -> context.getBean("wrongWebClient", WebClient.class)
					.get()
					.uri("/api/v2/users")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10)));
				assertThat(refused).isInstanceOf(ClientAuthorizationException.class)
					.hasCauseInstanceOf(ContactCenterException.class)
					.hasMessageContaining("spring.security.oauth2.client.registration.wrong.client-id");
				shown.append(refused)
					.append(refused.getMessage())
					.append(refused.getCause())
					.append(bridge)
					.append(bridge.tokenSource("genesys").get().currentToken())
					.append(context.getBean(SpringSecurityBridgeProperties.class));
			});
		HostApplications.servlet(true).withPropertyValues(HostApplications.cxone(sandbox)).run((context) -> {
			context.getBean("apiRestClient", RestClient.class)
				.get()
				.uri("/incontactapi/services/v34.0/agents")
				.retrieve()
				.body(String.class);
			SpringSecurityBridge bridge = context.getBean(SpringSecurityBridge.class);
			secrets.add(bridge.tokenSource("cxone").get().currentToken().value());
			shown.append(bridge).append(context.getBean(SpringSecurityBridgeProperties.class));
		});
		for (String secret : secrets) {
			assertThat(shown.toString()).doesNotContain(secret);
		}
		assertThat(this.appender.list).as("log lines captured at TRACE").hasSizeGreaterThan(20);
		assertThat(this.appender.list)
			.anySatisfy((event) -> assertThat(event.getLoggerName()).startsWith("dev.ccauth.security"));
		for (ILoggingEvent event : this.appender.list) {
			String line = event.getFormattedMessage() + " " + ((event.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
			for (String secret : secrets) {
				assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
			}
		}
	}

	/**
	 * A second registration with a wrong secret, and a WebClient of the application for
	 * it.
	 */
	private static String[] wrong(Sandbox sandbox) {
		return new String[] {
				"spring.security.oauth2.client.registration.wrong.client-id=" + sandbox.genesysClient().clientId(),
				"spring.security.oauth2.client.registration.wrong.client-secret=" + WRONG_SECRET,
				"spring.security.oauth2.client.registration.wrong.authorization-grant-type=client_credentials",
				"spring.security.oauth2.client.registration.wrong.provider=genesys", "app.wrong=true" };
	}

}
