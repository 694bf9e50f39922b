package dev.ccauth;

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

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Captures every log line of every logger at TRACE while tokens are fetched, renewed, refused and
 * used, and looks for secrets and tokens in messages, arguments and stack traces.
 */
@ExtendWith(SandboxExtension.class)
class SecretsNeverLoggedTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class));

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
		List<String> secrets = new ArrayList<>();
		secrets.add(sandbox.genesysClient().clientSecret());
		secrets.add(sandbox.cxoneClient().clientSecret());
		secrets.add("wrong-secret-that-must-not-leak");
		secrets.add(sandbox.cxoneAccessKey().secret());
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.genesys.prod.client-authentication=post")
			.withPropertyValues(SandboxProperties.genesys(sandbox, "basic"))
			.withPropertyValues(SandboxProperties.cxoneClientCredentials(sandbox, "main"))
			.withPropertyValues(SandboxProperties.cxone(sandbox, "tenant"))
			.withPropertyValues(SandboxProperties.genesys(sandbox, "wrong"))
			.withPropertyValues("ccauth.genesys.wrong.client-secret=wrong-secret-that-must-not-leak")
			.run((context) -> {
				ContactCenterClients clients = context.getBean(ContactCenterClients.class);
				for (String name : List.of("genesysProdWebClient", "genesysBasicWebClient")) {
					WebClient client = context.getBean(name, WebClient.class);
					client.get().uri("/api/v2/users").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
				}
				context.getBean("cxoneMainWebClient", WebClient.class)
					.get()
					.uri("/incontactapi/services/v34.0/agents")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10));
				context.getBean("cxoneTenantWebClient", WebClient.class)
					.get()
					.uri("/incontactapi/services/v34.0/agents")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10));
				secrets.add(clients.accessToken(RegistrationId.cxone("tenant")).block().value());
				String prodToken = clients.accessToken(RegistrationId.genesys("prod")).block().value();
				secrets.add(prodToken);
				secrets.add(clients.accessToken(RegistrationId.genesys("basic")).block().value());
				secrets.add(clients.accessToken(RegistrationId.cxone("main")).block().value());
				// a revoked token: refresh and replay
				sandbox.revokeToken(prodToken);
				context.getBean("genesysProdWebClient", WebClient.class)
					.get()
					.uri("/api/v2/users")
					.retrieve()
					.bodyToMono(String.class)
					.block(Duration.ofSeconds(10));
				secrets.add(clients.accessToken(RegistrationId.genesys("prod")).block().value());
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(3);
				// a refused secret
				Throwable refused = org.assertj.core.api.Assertions
					.catchThrowable(() -> clients.accessToken(RegistrationId.genesys("wrong")).block());
				assertThat(refused).isInstanceOf(ContactCenterException.class);
				String everything = refused + String.valueOf(refused.getMessage())
						+ context.getBean(ContactCenterRegistrations.class).all() + clients.registrations()
						+ clients.accessToken(RegistrationId.genesys("basic")).block();
				for (String secret : secrets) {
					assertThat(everything).doesNotContain(secret);
				}
			});
		assertThat(this.appender.list).as("log lines captured at TRACE").hasSizeGreaterThan(20);
		assertThat(this.appender.list).anySatisfy((event) -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
		for (ILoggingEvent event : this.appender.list) {
			String line = event.getFormattedMessage() + " "
					+ ((event.getThrowableProxy() != null) ? ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
			for (String secret : secrets) {
				assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
			}
		}
	}

	@Test
	void failedStartupReportDoesNotShowSecrets() {
		assertThatThrownBy(() -> this.runner
			.withPropertyValues("ccauth.genesys.prod.client-secret=only-the-secret-is-set",
					"ccauth.genesys.prod.region=nowhere")
			.run((context) -> {
				throw context.getStartupFailure();
			})).hasMessageNotContaining("only-the-secret-is-set");
	}

}
