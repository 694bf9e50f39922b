package dev.ccauth.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import dev.ccauth.ContactCenterException;
import dev.ccauth.SandboxContexts;
import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static dev.ccauth.SandboxContexts.genesysProdToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every WebClient rides out and what it fails on, each against the sandbox, with the
 * number of requests the sandbox counted. Delays are shortened through ccauth.retry.*
 * where the test is not about a server-given wait.
 */
@ParameterizedClass
@EnumSource(ClientKind.class)
@ExtendWith(SandboxExtension.class)
class ApiResilienceTests {

	@Parameter
	ClientKind kind;

	private static final String USERS = "/api/v2/users?pageSize=5";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("ccauth.retry.initial-delay=20ms", "ccauth.retry.max-delay=200ms");

	// --- API

	@Test
	void api401OnceRecovers(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 401);
		run(sandbox, (context) -> {
			assertThat(api(context).get(USERS).get("entities")).hasSize(5);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
		});
	}

	@Test
	void api401OnEveryCallFailsAfterOneReplay(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 10, 401);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> api(context).get(USERS))
				.isInstanceOfSatisfying(ApiCallException.class, (ex) -> assertThat(ex.status()).isEqualTo(401))
				.hasMessageContaining("a freshly issued token was refused")
				.hasMessageContaining("The credentials work but the API refuses their tokens");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
		});
	}

	@Test
	void sixtyFourConcurrentCallsRefusedWithTheSameRevokedTokenMakeOneNewToken(Sandbox sandbox) {
		// slow answers, so that all 64 calls are on their way with the revoked token
		// before the first 401
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofMillis(500));
		run(sandbox, (context) -> {
			String first = genesysProdToken(context).value();
			sandbox.revokeToken(first);
			List<JsonNode> pages = api(context).getConcurrently(USERS, 64);
			assertThat(pages).hasSize(64);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
			// each call was refused once with the revoked token and replayed once with
			// the new one
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(128);
		});
	}

	@Test
	void api403IsNotRetriedAndNamesScopesOrRoles(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 403);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> api(context).get(USERS)).isInstanceOfSatisfying(ApiCallException.class, (ex) -> {
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
			assertThat(api(context).get(USERS).get("entities")).hasSize(5);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(3);
		});
	}

	@Test
	void api503OnPostIsNotReplayed(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 503);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> api(context).post("/api/v2/users", "{\"name\":\"x\"}"))
				.isInstanceOfSatisfying(ApiCallException.class, (ex) -> {
					assertThat(ex.status()).isEqualTo(503);
					assertThat(ex.isTransient()).isFalse();
				})
				.hasMessageContaining("POST is not retried");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		});
	}

	@Test
	void droppedConnectionOnGetIsRetried(Sandbox sandbox) {
		sandbox.dropNext(Endpoint.GENESYS_USERS, 1);
		run(sandbox, (context) -> {
			assertThat(api(context).get(USERS).get("entities")).hasSize(5);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
		});
	}

	@Test
	void droppedConnectionOnPostIsNotReplayed(Sandbox sandbox) {
		sandbox.dropNext(Endpoint.GENESYS_USERS, 1);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> api(context).post("/api/v2/users", "{}")).isInstanceOf(ApiCallException.class);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		});
	}

	@Test
	void responseSlowerThanTheTimeout(Sandbox sandbox) {
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofSeconds(2));
		run(sandbox, (context) -> {
			genesysProdToken(context);
			assertThatThrownBy(() -> api(context).get(USERS)).isInstanceOf(ApiCallException.class)
				.hasMessageContaining("no response within ccauth.genesys.prod.http.response-timeout");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
		}, "ccauth.genesys.prod.http.response-timeout=200ms", "ccauth.genesys.prod.retry.max-attempts=2");
	}

	@Test
	void retryAfterAboveTheMaximumFailsAtOnce(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429, Duration.ofSeconds(600));
		run(sandbox, (context) -> {
			long start = System.nanoTime();
			assertThatThrownBy(() -> api(context).get(USERS)).isInstanceOf(ContactCenterException.class)
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
				assertThat(api(context).get(USERS).get("entities")).hasSize(5);
			}
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isGreaterThan(8);
		}, "ccauth.retry.max-attempts=3");
	}

	@Test
	void rateLimitedTooOftenFailsWithTheStatus(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 10, 429);
		run(sandbox, (context) -> {
			assertThatThrownBy(() -> api(context).get(USERS))
				.isInstanceOfSatisfying(ApiCallException.class, (ex) -> assertThat(ex.status()).isEqualTo(429))
				.hasMessageContaining("rate limited");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(4);
		});
	}

	@Test
	void otherClientErrorsReachTheCallerAsTheyAre(Sandbox sandbox) {
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 404);
		run(sandbox, (context) -> {
			int status = api(context).status(USERS);
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
			TokenSource tokens = context.getBean(ContactCenterClients.class)
				.tokenSource(RegistrationId.genesys("prod"));
			AtomicInteger done = new AtomicInteger();
			AtomicInteger revocations = new AtomicInteger();
			long start = System.nanoTime();
			long ok = api(context).getMany(USERS, 10_000, 64, () -> {
				int count = done.incrementAndGet();
				if (count == 3_000 || count == 6_000) {
					AccessToken current = tokens.currentToken();
					if (current != null) {
						sandbox.revokeToken(current.value());
						revocations.incrementAndGet();
					}
				}
			});
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			TokenSource.Statistics statistics = tokens.statistics();
			assertThat(ok).isEqualTo(10_000);
			assertThat(revocations).hasValue(2);
			assertThat(elapsed).as("the job outlives the token five times").isGreaterThan(Duration.ofSeconds(5));
			assertThat(statistics.renewals()).isGreaterThanOrEqualTo(5);
			// a revoked token is dropped once, unless a renewal replaced it before its
			// first 401 came back; on a
			// loaded machine a one-second token can also run out on its way to the
			// server, which is one more
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo((int) statistics.requests());
			// the first token, then one per renewal and one per revocation (a revocation
			// may join a renewal in
			// flight); on a starved machine a one-second token can also run out before a
			// call starts its renewal
			assertThat(statistics.requests()).isBetween(1 + statistics.renewals(),
					3 + statistics.renewals() + statistics.invalidations());
		}, "ccauth.genesys.prod.http.response-timeout=5s");
	}

	private void run(Sandbox sandbox, ContextConsumer<AssertableApplicationContext> test, String... properties) {
		SandboxContexts.runWithGenesysProd(this.runner, sandbox, test, properties);
	}

	private ClientKind.Api api(ApplicationContext context) {
		return this.kind.api(context, RegistrationId.genesys("prod"));
	}

}
