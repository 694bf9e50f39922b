package dev.ccauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.observability.CcauthEndpointAutoConfiguration;
import dev.ccauth.observability.CcauthHealthAutoConfiguration;
import dev.ccauth.observability.CcauthMetricsAutoConfiguration;
import dev.ccauth.observability.CcauthObservationAutoConfiguration;
import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.scripted.ScriptedServer;
import dev.ccauth.testkit.scripted.ScriptedServer.Answer;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Captures every log line of every logger at TRACE while tokens are fetched, renewed,
 * refused and used, and looks for secrets and tokens in messages, arguments and stack
 * traces, and in what Actuator and Micrometer show: health, the ccauth endpoint, meter
 * tags and observations.
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
				agents(context.getBean("cxoneMainWebClient", WebClient.class));
				agents(context.getBean("cxoneTenantWebClient", WebClient.class));
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
		assertNoLogLineHolds(secrets);
	}

	/**
	 * What operators read: health, the ccauth endpoint, every meter's name and tags and
	 * every observation's key values and error, after tokens were fetched, refused,
	 * replaced after a 401 and a call rode out a 429, all at TRACE.
	 */
	@Test
	void noSecretOrTokenInHealthMetricsObservationsOrTheEndpoint(Sandbox sandbox) {
		List<String> secrets = new ArrayList<>(
				List.of(sandbox.genesysClient().clientSecret(), sandbox.cxoneClient().clientSecret(),
						sandbox.cxoneAccessKey().secret(), "wrong-secret-that-must-not-leak"));
		List<Observation.Context> observations = new java.util.concurrent.CopyOnWriteArrayList<>();
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				observations.add(context);
			}

		});
		this.runner
			.withConfiguration(AutoConfigurations.of(CcauthHealthAutoConfiguration.class,
					CcauthMetricsAutoConfiguration.class, CcauthObservationAutoConfiguration.class,
					CcauthEndpointAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean(ObservationRegistry.class, () -> observationRegistry)
			.withPropertyValues("management.endpoints.web.exposure.include=health,ccauth",
					"management.endpoint.health.show-details=always", "ccauth.retry.initial-delay=10ms")
			.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues(SandboxProperties.cxone(sandbox, "tenant"))
			.withPropertyValues(SandboxProperties.genesys(sandbox, "wrong"))
			.withPropertyValues("ccauth.genesys.wrong.client-secret=wrong-secret-that-must-not-leak")
			.run((context) -> {
				ContactCenterClients clients = context.getBean(ContactCenterClients.class);
				WebClient prod = context.getBean("genesysProdWebClient", WebClient.class);
				prod.get().uri("/api/v2/users").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
				agents(context.getBean("cxoneTenantWebClient", WebClient.class));
				String first = clients.accessToken(RegistrationId.genesys("prod")).block().value();
				secrets.add(first);
				secrets.add(clients.accessToken(RegistrationId.cxone("tenant")).block().value());
				sandbox.revokeToken(first);
				sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429, Duration.ofSeconds(1));
				prod.get().uri("/api/v2/users").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
				secrets.add(clients.accessToken(RegistrationId.genesys("prod")).block().value());
				assertThat(catchThrowable(() -> clients.accessToken(RegistrationId.genesys("wrong")).block()))
					.isInstanceOf(ContactCenterException.class);
				StringBuilder everything = new StringBuilder();
				everything.append(JsonMapper.shared()
					.writeValueAsString(context.getBean(HealthEndpoint.class).healthForPath("ccauth")));
				everything.append(JsonMapper.shared()
					.writeValueAsString(
							ReflectionTestUtils.invokeMethod(context.getBean("ccauthEndpoint"), "registrations")));
				context.getBean(MeterRegistry.class).getMeters().forEach((meter) -> everything.append(meter.getId()));
				observations.forEach((observation) -> everything.append(observation.getAllKeyValues())
					.append(observation.getError()));
				assertThat(everything).contains("genesys-wrong", "token requests are refused", "ccauth.http.retries",
						"401-replay", "ccauth.token.request", "HTTP 401");
				for (String secret : secrets) {
					assertThat(everything.toString()).doesNotContain(secret);
				}
			});
		assertNoLogLineHolds(secrets);
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

	/**
	 * A token endpoint that echoes the request back (headers, Basic credentials and form
	 * body) in every field of its error body, or as text, at 400, 401 and 500: no form of
	 * a secret reaches an exception or a log line at any level.
	 */
	@ParameterizedTest
	@CsvSource({ "400, JSON", "401, JSON", "500, JSON", "400, TEXT", "401, TEXT", "500, TEXT" })
	void echoingTokenEndpointLeaksNoFormOfAnySecret(int status, Answer.Format format) {
		String clientSecret = "cl+ie/nt=se&cr%et:with space";
		String keySecret = "ke+y/se=cr&et%:x y";
		try (ScriptedServer server = ScriptedServer.start()) {
			server.answer("/oauth/token", Answer.echo(status, format));
			Throwable[] failures = new Throwable[3];
			this.runner.withPropertyValues("ccauth.retry.max-attempts=2", "ccauth.retry.initial-delay=10ms",
					"ccauth.genesys.basic.client-id=echo-client",
					"ccauth.genesys.basic.token-uri=" + server.url("/oauth/token"),
					"ccauth.genesys.basic.base-url=" + server.url(""), "ccauth.genesys.post.client-id=echo-client",
					"ccauth.genesys.post.client-authentication=post",
					"ccauth.genesys.post.token-uri=" + server.url("/oauth/token"),
					"ccauth.genesys.post.base-url=" + server.url(""), "ccauth.cxone.key.client-id=echo-client",
					"ccauth.cxone.key.access-key-id=key-id", "ccauth.cxone.key.token-uri=" + server.url("/oauth/token"),
					"ccauth.cxone.key.base-url=" + server.url(""))
				.withInitializer((context) -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new org.springframework.core.env.MapPropertySource("secrets",
							java.util.Map.of("ccauth.genesys.basic.client-secret", clientSecret,
									"ccauth.genesys.post.client-secret", clientSecret, "ccauth.cxone.key.client-secret",
									clientSecret, "ccauth.cxone.key.access-key-secret", keySecret))))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					ContactCenterClients clients = context.getBean(ContactCenterClients.class);
					failures[0] = catchThrowable(() -> clients.accessToken(RegistrationId.genesys("basic")).block());
					failures[1] = catchThrowable(() -> clients.accessToken(RegistrationId.genesys("post")).block());
					failures[2] = catchThrowable(() -> clients.accessToken(RegistrationId.cxone("key")).block());
				});
			assertThat(server.requestCount("/oauth/token")).as("the endpoint saw the credentials")
				.isGreaterThanOrEqualTo(3);
			assertThat(server.requests())
				.anySatisfy((request) -> assertThat(request.body()).contains("client_secret="));
			StringBuilder everything = new StringBuilder();
			for (Throwable failure : failures) {
				assertThat(failure).isInstanceOf(ContactCenterException.class);
				everything.append(failure).append(stackTrace(failure));
			}
			List<ILoggingEvent> events;
			synchronized (this.appender) {
				// background threads may still log; the appender appends under its own
				// lock
				events = List.copyOf(this.appender.list);
			}
			for (ILoggingEvent event : events) {
				everything.append(event.getFormattedMessage()).append('\n');
				if (event.getThrowableProxy() != null) {
					everything.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
				}
			}
			for (String form : forms("echo-client", clientSecret, keySecret)) {
				// a truncated echo must not leak a part either: no ten characters of any
				// form in a row
				for (int start = 0; start + 10 <= form.length(); start++) {
					assertThat(everything.toString()).as("part of form %s", form)
						.doesNotContain(form.substring(start, start + 10));
				}
			}
			assertThat(everything.toString()).doesNotContainPattern("(?i)basic (?!\\*{6})\\S")
				.doesNotContainPattern("(client_secret|password)=(?!\\*{6})");
		}
	}

	private void assertNoLogLineHolds(List<String> secrets) {
		for (ILoggingEvent event : this.appender.list) {
			String line = event.getFormattedMessage() + " " + ((event.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(event.getThrowableProxy()) : "");
			for (String secret : secrets) {
				assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
			}
		}
	}

	private static void agents(WebClient cxone) {
		cxone.get()
			.uri("/incontactapi/services/v34.0/agents")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
	}

	/**
	 * Every form in which the secrets travel, computed here independently of the library.
	 */
	static List<String> forms(String clientId, String... secrets) {
		List<String> forms = new ArrayList<>();
		for (String secret : secrets) {
			String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
			forms.add(secret);
			forms.add(formEncoded);
			forms.add(formEncoded.replace("+", "%20"));
			forms.add(Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
			forms.add(Base64.getEncoder()
				.encodeToString((clientId + ":" + formEncoded).getBytes(StandardCharsets.UTF_8)));
		}
		return forms;
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter trace = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(trace));
		return trace.toString();
	}

}
