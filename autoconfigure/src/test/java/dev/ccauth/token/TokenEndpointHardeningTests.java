package dev.ccauth.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import dev.ccauth.SandboxContexts;
import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Malformation;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.scripted.ScriptedServer.Answer;
import dev.ccauth.testkit.scripted.ScriptedServer;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.ccauth.SandboxContexts.genesysProdToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Token endpoints that refuse or misbehave, over real HTTP: the sandbox where it can play
 * the part, a scripted JDK server where it cannot (tokens no client should accept,
 * trickled answers).
 */
@ExtendWith(SandboxExtension.class)
class TokenEndpointHardeningTests {

	private static final String USERS = "/api/v2/users?pageSize=1";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class));

	private ScriptedServer server;

	private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

	@BeforeEach
	void start() {
		this.server = ScriptedServer.start();
		this.warnings.start();
		tokenLogger().addAppender(this.warnings);
	}

	@AfterEach
	void stop() {
		tokenLogger().detachAppender(this.warnings);
		this.server.close();
	}

	private static Logger tokenLogger() {
		return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.ccauth.token");
	}

	// --- no hammering

	@Test
	void sixteenContinuousCallersDoNotHammerARefusingOrMalformedEndpoint(Sandbox sandbox) {
		sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1_000_000, Malformation.NOT_JSON);
		this.server.answer("/oauth/token",
				Answer.json(401, "{\"error\":\"invalid_client\",\"description\":\"authentication failed\"}"));
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "malformed"))
			.withPropertyValues(SandboxProperties.genesys(sandbox, "refused"))
			.withPropertyValues("ccauth.genesys.refused.token-uri=" + this.server.url("/oauth/token"),
					"ccauth.retry.max-delay=4s")
			.run((context) -> {
				AtomicInteger failures = new AtomicInteger();
				List<Thread> callers = new ArrayList<>();
				long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
				for (String name : List.of("genesysRefusedWebClient", "genesysMalformedWebClient")) {
					WebClient client = context.getBean(name, WebClient.class);
					for (int i = 0; i < 16; i++) {
						callers.add(started(new Thread(() -> {
							while (System.nanoTime() < end) {
								try {
									client.get().uri(USERS).retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
								}
								catch (TokenRequestException ex) {
									failures.incrementAndGet();
								}
							}
						})));
					}
				}
				for (Thread caller : callers) {
					caller.join();
				}
				assertThat(failures.get()).as("calls that failed").isGreaterThan(1000);
				// cool-downs of 1, 2, 4, 4, ... s: a request at 0, 1, 3, 7 s (with
				// jitter, a few more at most)
				assertThat(this.server.requestCount("/oauth/token")).isBetween(3, 20);
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isBetween(3, 20);

				// the endpoints recover: calls succeed again within one cool-down (at
				// most max-delay and its jitter)
				this.server.answer("/oauth/token", Answer.json(200,
						"{\"access_token\":\"scripted-token\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
				sandbox.reset();
				long recovered = System.nanoTime();
				await().atMost(Duration.ofSeconds(6))
					.pollInterval(Duration.ofMillis(50))
					.ignoreExceptions()
					.until(() -> context.getBean(ContactCenterClients.class)
						.accessToken(RegistrationId.genesys("refused"))
						.block() != null
							&& context.getBean("genesysMalformedWebClient", WebClient.class)
								.get()
								.uri(USERS)
								.retrieve()
								.toBodilessEntity()
								.block() != null);
				assertThat(Duration.ofNanos(System.nanoTime() - recovered)).isLessThan(Duration.ofMillis(5500));
			});
	}

	@Test
	void callsDuringTheCoolDownGetTheSameFailureAtOnce(Sandbox sandbox) {
		this.server.answer("/oauth/token",
				Answer.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"client not found\"}"));
		runScripted(sandbox, (context) -> {
			TokenRequestException first = (TokenRequestException) catchThrowable(() -> genesysProdToken(context));
			TokenRequestException second = (TokenRequestException) catchThrowable(() -> genesysProdToken(context));
			assertThat(first.reason()).isEqualTo(TokenRequestException.Reason.BAD_CREDENTIALS);
			assertThat(second.reason()).isEqualTo(first.reason());
			assertThat(second.status()).isEqualTo(401);
			assertThat(second.errorCode()).contains("invalid_client");
			assertThat(second).hasMessageContaining("not asked again for").hasCause(first);
			assertThat(this.server.requestCount("/oauth/token")).isEqualTo(1);
		});
	}

	// --- what the token endpoint returns

	@ParameterizedTest
	@ValueSource(strings = { "has space", "line\\r\\nbreak", "tab\\there", "caf\\u00e9", "\\u0001control", "a=b" })
	void accessTokenThatIsNotAnRfc6750TokenIsRefused(String accessToken, Sandbox sandbox) {
		this.server.answer("/oauth/token", Answer.json(200,
				"{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":60}"));
		runScripted(sandbox, (context) -> {
			assertThatThrownBy(() -> genesysProdToken(context))
				.isInstanceOfSatisfying(TokenRequestException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.MALFORMED_RESPONSE))
				.hasMessageContaining("not an RFC 6750 token");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isZero();
		});
	}

	@Test
	void tokenTypeOtherThanBearerIsRefused(Sandbox sandbox) {
		this.server.answer("/oauth/token",
				Answer.json(200, "{\"access_token\":\"abc\",\"token_type\":\"mac\",\"expires_in\":60}"));
		runScripted(sandbox,
				(context) -> assertThatThrownBy(() -> genesysProdToken(context))
					.isInstanceOf(TokenRequestException.class)
					.hasMessageContaining("token_type 'mac'"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"Bearer\"", "\"BEARER\"", "\"bearer\"" })
	void bearerInAnyCaseIsAccepted(String tokenType, Sandbox sandbox) {
		this.server.answer("/oauth/token", Answer.json(200,
				"{\"access_token\":\"abc-._~+/==\",\"token_type\":" + tokenType + ",\"expires_in\":60}"));
		runScripted(sandbox, (context) -> assertThat(genesysProdToken(context).value()).isEqualTo("abc-._~+/=="));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"3600\"", "3600", "\" 3600 \"", "3600.0" })
	void expiresInAsNumberOrNumericString(String expiresIn, Sandbox sandbox) {
		this.server.answer("/oauth/token", Answer.json(200,
				"{\"access_token\":\"abc\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
		runScripted(sandbox, (context) -> {
			assertThat(genesysProdToken(context).lifetime()).contains(Duration.ofHours(1));
			assertThat(this.warnings.list).isEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "\"soon\"", "\"\"", "0.5", "true", "{}", "null" })
	void expiresInThatIsNotAPositiveNumberMeansTheDefaultLifetime(String expiresIn, Sandbox sandbox) {
		this.server.answer("/oauth/token", Answer.json(200,
				"{\"access_token\":\"abc\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
		runScripted(sandbox, (context) -> {
			assertThat(genesysProdToken(context).lifetime()).contains(Duration.ofMinutes(20));
			if (!expiresIn.equals("null")) {
				assertThat(this.warnings.list).singleElement()
					.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("expires_in " + expiresIn)
						.contains("token.default-lifetime"));
			}
		}, "ccauth.genesys.prod.token.default-lifetime=20m");
	}

	@ParameterizedTest
	@ValueSource(strings = { "9223372036854775807", "92233720368547758070", "1e300", "1e12", "\"1e12\"", "172801" })
	void absurdExpiresInIsCappedSoThatTheTokenIsStillRenewed(String expiresIn, Sandbox sandbox) {
		this.server.answer("/oauth/token", Answer.json(200,
				"{\"access_token\":\"abc\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
		runScripted(sandbox, (context) -> {
			assertThat(genesysProdToken(context).lifetime()).contains(Duration.ofHours(48));
			assertThat(this.warnings.list).singleElement()
				.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("expires_in"));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"a string\"", "{\"access_token\":", "{\"access_token\":{\"nested\":1}}",
			"{\"access_token\":\"abc\",\"scope\":7,\"id_token\":[]}" })
	void noRawExceptionReachesTheCallerFromAnyTokenResponse(String body, Sandbox sandbox) {
		this.server.answer("/oauth/token", Answer.json(200, body));
		runScripted(sandbox, (context) -> {
			Throwable failure = catchThrowable(() -> genesysProdToken(context));
			if (failure != null) {
				assertThat(failure).isInstanceOf(TokenRequestException.class);
			}
		});
	}

	// --- a deadline per attempt

	@Test
	void tricklingTokenEndpointIsCutOffAtTheDeadline(Sandbox sandbox) {
		this.server.answer("/oauth/token",
				Answer.json(200, "{\"access_token\":\"abc\",\"expires_in\":3600}").trickled(Duration.ofMillis(500)));
		runScripted(sandbox, (context) -> {
			long start = System.nanoTime();
			assertThatThrownBy(() -> genesysProdToken(context))
				.isInstanceOfSatisfying(TokenRequestException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.NETWORK))
				.hasMessageContaining(
						"did not complete its answer within ccauth.genesys.prod.http.token-request-timeout");
			// two attempts of 1 s each and a short backoff, where the response timeout
			// alone would wait 20 s
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(this.server.requestCount("/oauth/token")).isEqualTo(2);
		}, "ccauth.genesys.prod.http.token-request-timeout=1s", "ccauth.genesys.prod.http.response-timeout=3s",
				"ccauth.genesys.prod.retry.max-attempts=2", "ccauth.genesys.prod.retry.initial-delay=10ms");
	}

	@Test
	void apiCallsKeepTheReadTimeoutSemantics(Sandbox sandbox) {
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofMillis(1500));
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.genesys.prod.http.token-request-timeout=1s")
			.run((context) -> assertThat(context.getBean("genesysProdWebClient", WebClient.class)
				.get()
				.uri(USERS)
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10))
				.getStatusCode()
				.is2xxSuccessful()).isTrue());
	}

	private static Thread started(Thread thread) {
		thread.start();
		return thread;
	}

	/** The sandbox's registration, its token endpoint replaced by the scripted server. */
	private void runScripted(Sandbox sandbox, ContextConsumer<AssertableApplicationContext> test,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("ccauth.genesys.prod.token-uri=" + this.server.url("/oauth/token"),
				"ccauth.retry.initial-delay=10ms", "ccauth.retry.max-delay=50ms"));
		all.addAll(List.of(properties));
		SandboxContexts.runWithGenesysProd(this.runner, sandbox, test, all.toArray(String[]::new));
	}

}
