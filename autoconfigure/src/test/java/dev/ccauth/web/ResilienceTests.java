package dev.ccauth.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import dev.ccauth.ContactCenterException;
import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Malformation;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import dev.ccauth.token.TokenRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every WebClient rides out and what it fails on, each against the sandbox, with the number of
 * requests the sandbox counted. Delays are shortened through ccauth.retry.* where the test is not
 * about a server-given wait.
 */
@ExtendWith(SandboxExtension.class)
class ResilienceTests {

	private static final String USERS = "/api/v2/users?pageSize=5";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("ccauth.retry.initial-delay=20ms", "ccauth.retry.max-delay=200ms");

	// --- token endpoint

	@Test
	void tokenEndpoint500TwiceThenOk(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_TOKEN, 2, 500);
		run(sandbox, (context) -> {
			assertThat(token(context)).isNotNull();
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(3);
		});
	}

	@Test
	void tokenEndpoint429WaitsForRetryAfter(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_TOKEN, 1, 429, Duration.ofSeconds(2));
		run(sandbox, (context) -> {
			long start = System.nanoTime();
			assertThat(token(context)).isNotNull();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
		});
	}

	@Test
	void tokenEndpointBadSecretFailsAtOnce(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("ccauth.genesys.prod.client-secret=wrong")
			.run((context) -> {
				assertThatThrownBy(() -> token(context)).isInstanceOfSatisfying(TokenRequestException.class, (ex) -> {
					assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.BAD_CREDENTIALS);
					assertThat(ex.errorCode()).contains("invalid_client");
				});
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			});
	}

	@Test
	void tokenEndpointRateLimit400IsRetried(Sandbox sandbox) {
		sandbox.tokenRateLimit(1, Duration.ofMillis(400));
		run(sandbox, (context) -> {
			mintDirectly(sandbox); // uses the client's only token request of the window
			assertThat(token(context)).isNotNull();
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isGreaterThanOrEqualTo(3);
		}, "ccauth.retry.initial-delay=150ms", "ccauth.retry.max-attempts=6");
	}

	@Test
	void tokenEndpointRateLimit400AloneIsAnErrorThatSaysSo(Sandbox sandbox) {
		sandbox.tokenRateLimit(1, Duration.ofMinutes(1));
		run(sandbox, (context) -> {
			mintDirectly(sandbox);
			assertThatThrownBy(() -> token(context)).isInstanceOfSatisfying(TokenRequestException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.RATE_LIMITED))
				.hasMessageContaining("rate limit");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1 + 4);
		});
	}

	@Test
	void tokenEndpointBodyWithoutAccessToken(Sandbox sandbox) {
		sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1, Malformation.NO_ACCESS_TOKEN);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> token(context)).hasMessageContaining("without an access_token");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
		});
	}

	// --- API

	@Test
	void api401OnceRecovers(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 401);
		run(sandbox, (context) -> {
			assertThat(users(context).get("entities")).hasSize(5);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
		});
	}

	@Test
	void api401OnEveryCallFailsAfterOneReplay(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 10, 401);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> users(context)).isInstanceOfSatisfying(ApiCallException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(401))
				.hasMessageContaining("a freshly issued token was refused")
				.hasMessageContaining("The credentials work but the API refuses their tokens");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
		});
	}

	@Test
	void sixtyFourConcurrentCallsRefusedWithTheSameRevokedTokenMakeOneNewToken(Sandbox sandbox) {
		// slow answers, so that all 64 calls are on their way with the revoked token before the first 401
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofMillis(500));
		run(sandbox, (context) -> {
			String first = token(context).value();
			sandbox.revokeToken(first);
			List<JsonNode> pages = Flux.range(0, 64)
				.flatMap((i) -> client(context).get().uri(USERS).retrieve().bodyToMono(JsonNode.class), 64)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(pages).hasSize(64);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
			// each call was refused once with the revoked token and replayed once with the new one
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(128);
		});
	}

	@Test
	void api403IsNotRetriedAndNamesScopesOrRoles(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 403);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> users(context)).isInstanceOfSatisfying(ApiCallException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(403);
				assertThat(ex.registration()).isEqualTo(RegistrationId.genesys("prod"));
				assertThat(ex.endpoint()).endsWith("/api/v2/users");
			}).hasMessageContaining("scope or role");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		});
	}

	@Test
	void api503TwiceOnGetRecovers(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 2, 503);
		run(sandbox, (context) -> {
			assertThat(users(context).get("entities")).hasSize(5);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(3);
		});
	}

	@Test
	void api503OnPostIsNotReplayed(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 503);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> client(context).post()
				.uri("/api/v2/users")
				.bodyValue("{\"name\":\"x\"}")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10))).isInstanceOfSatisfying(ApiCallException.class, (ex) -> {
					assertThat(ex.status()).isEqualTo(503);
					assertThat(ex.isTransient()).isFalse();
				}).hasMessageContaining("POST is not retried");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		});
	}

	@Test
	void droppedConnectionOnGetIsRetried(Sandbox sandbox) {
		sandbox.dropNext(Endpoint.GENESYS_USERS, 1);
		run(sandbox, (context) -> {
			assertThat(users(context).get("entities")).hasSize(5);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
		});
	}

	@Test
	void droppedConnectionOnPostIsNotReplayed(Sandbox sandbox) {
		sandbox.dropNext(Endpoint.GENESYS_USERS, 1);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> client(context).post()
				.uri("/api/v2/users")
				.bodyValue("{}")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10))).isInstanceOf(ApiCallException.class);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		});
	}

	@Test
	void responseSlowerThanTheTimeout(Sandbox sandbox) {
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofSeconds(2));
		run(sandbox, (context) -> {
			token(context);
			assertThatThrownBy(() -> users(context)).isInstanceOf(ApiCallException.class)
				.hasMessageContaining("no response within ccauth.genesys.prod.http.response-timeout");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
		}, "ccauth.genesys.prod.http.response-timeout=200ms", "ccauth.genesys.prod.retry.max-attempts=2");
	}

	@Test
	void retryAfterAboveTheMaximumFailsAtOnce(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429, Duration.ofSeconds(600));
		run(sandbox, (context) -> {
			long start = System.nanoTime();
			assertThatThrownBy(() -> users(context)).isInstanceOf(ContactCenterException.class)
				.hasMessageContaining("asks to wait 600s")
				.hasMessageContaining("ccauth.genesys.prod.retry.max-retry-after (180s)");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		});
	}

	@Test
	void apiRateLimitIsRiddenOutWithTheServersHeaders(Sandbox sandbox) {
		sandbox.apiRateLimit(5, Duration.ofSeconds(1));
		run(sandbox, (context) -> {
			for (int call = 0; call < 8; call++) {
				assertThat(users(context).get("entities")).hasSize(5);
			}
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isGreaterThan(8);
		}, "ccauth.retry.max-attempts=3");
	}

	@Test
	void rateLimitedTooOftenFailsWithTheStatus(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 10, 429);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> users(context)).isInstanceOfSatisfying(ApiCallException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(429))
				.hasMessageContaining("rate limited");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(4);
		});
	}

	@Test
	void otherClientErrorsReachTheCallerAsTheyAre(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 404);
		run(sandbox, (context) -> {
			Integer status = client(context).get()
				.uri(USERS)
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(10));
			assertThat(status).isEqualTo(404);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		});
	}

	// --- a long job

	@Test
	void longJobRidesOutExpiryAndRevocationsWithoutAFailedCall(Sandbox sandbox) {
		sandbox.tokenLifetime(Duration.ofSeconds(1));
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofMillis(40));
		run(sandbox, (context) -> {
			WebClient client = client(context);
			TokenSource tokens = context.getBean(ContactCenterClients.class)
				.tokenSource(RegistrationId.genesys("prod"));
			AtomicInteger done = new AtomicInteger();
			AtomicInteger revocations = new AtomicInteger();
			long start = System.nanoTime();
			Long ok = Flux.range(0, 10_000)
				.flatMap((i) -> client.get().uri(USERS).retrieve().toBodilessEntity().doOnNext((response) -> {
					int count = done.incrementAndGet();
					if (count == 3_000 || count == 6_000) {
						AccessToken current = tokens.currentToken();
						if (current != null) {
							sandbox.revokeToken(current.value());
							revocations.incrementAndGet();
						}
					}
				}), 64)
				.filter((response) -> response.getStatusCode().is2xxSuccessful())
				.count()
				.block(Duration.ofMinutes(2));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			TokenSource.Statistics statistics = tokens.statistics();
			assertThat(ok).isEqualTo(10_000);
			assertThat(revocations).hasValue(2);
			assertThat(elapsed).as("the job outlives the token five times").isGreaterThan(Duration.ofSeconds(5));
			assertThat(statistics.renewals()).isGreaterThanOrEqualTo(5);
			// a revoked token is dropped once, unless a renewal replaced it before its first 401 came back
			assertThat(statistics.invalidations()).isLessThanOrEqualTo(2);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo((int) statistics.requests());
			// the first token, then one per renewal and one per revocation (a revocation may join a renewal in flight)
			assertThat(statistics.requests()).isBetween(1 + statistics.renewals(),
					1 + statistics.renewals() + statistics.invalidations());
		}, "ccauth.genesys.prod.http.response-timeout=5s");
	}

	private void run(Sandbox sandbox, org.springframework.boot.test.context.runner.ContextConsumer<
			org.springframework.boot.test.context.assertj.AssertableApplicationContext> test, String... properties) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

	private static AccessToken token(ApplicationContext context) {
		return context.getBean(ContactCenterClients.class)
			.accessToken(RegistrationId.genesys("prod"))
			.block(Duration.ofSeconds(30));
	}

	private static WebClient client(ApplicationContext context) {
		return context.getBean("genesysProdWebClient", WebClient.class);
	}

	private static JsonNode users(ApplicationContext context) {
		return client(context).get().uri(USERS).retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
	}

	private static void mintDirectly(Sandbox sandbox) {
		WebClient.create()
			.post()
			.uri(sandbox.genesysTokenUri())
			.headers((headers) -> headers.setBasicAuth(sandbox.genesysClient().clientId(),
					sandbox.genesysClient().clientSecret()))
			.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.retrieve()
			.toBodilessEntity()
			.block(Duration.ofSeconds(10));
	}

}
