package dev.ccauth.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.RecordedRequest;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two applications in one JVM, each with its own Redis connection and token source,
 * sharing one real Redis and the sandbox over HTTP: the store's rules, quickly. The same
 * rules across separate processes are {@link FleetProcessTests}.
 */
@ExtendWith({ SandboxExtension.class, OutputCaptureExtension.class })
class SharedTokenTests {

	static final RegistrationId GENESYS = RegistrationId.genesys("default");

	static final RegistrationId CXONE = RegistrationId.cxone("main");

	private static TestRedis redis;

	private final String prefix = "ccauth-test-" + UUID.randomUUID() + ":";

	@BeforeAll
	static void startRedis() {
		redis = TestRedis.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@AfterEach
	void removeKeys() {
		redis.clear(this.prefix);
	}

	@Test
	void twoApplicationsColdAtOnceMakeOneTokenRequest(Sandbox sandbox) {
		sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofMillis(300));
		both(sandbox, (a, b) -> {
			List<Mono<Integer>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 25; i++) {
				calls.add(call(a));
				calls.add(call(b));
			}
			assertThat(Flux.merge(calls).collectList().block(Duration.ofSeconds(20))).hasSize(50).containsOnly(200);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			assertThat(source(a).currentToken().value()).isEqualTo(source(b).currentToken().value());
			assertThat(redis.settled(this.prefix, 1)).as("the lock is released, the token stays").hasSize(1);
		});
	}

	@Test
	void storeHoldsNothingUsableNorTheClientsIdentifiers(Sandbox sandbox) {
		app(sandbox, SandboxProperties.cxone(sandbox, "main")).run((context) -> {
			assertThat(call(context).block()).isEqualTo(200);
			assertThat(source(context, CXONE).token().block()).isNotNull();
			redis.settled(this.prefix, 2); // a Genesys and a CXone token
			Map<String, String> entries = redis.entries("");
			List<String> forbidden = List.of(source(context).currentToken().value(),
					source(context, CXONE).currentToken().value(), sandbox.genesysClient().clientId(),
					sandbox.genesysClient().clientSecret(), sandbox.cxoneClient().clientId(),
					sandbox.cxoneClient().clientSecret(), sandbox.cxoneAccessKey().id(),
					sandbox.cxoneAccessKey().secret());
			Secrets.assertNoneIn(entries, forbidden);
			assertThat(entries.keySet()).allMatch((key) -> key.startsWith(this.prefix + "{"));
			// each entry expires with its token
			for (String key : entries.keySet()) {
				long ttl = redis.commands().pttl(key);
				assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).toMillis());
			}
		});
	}

	/**
	 * At TRACE (and Lettuce at DEBUG, which logs the commands): the store's path, the
	 * fallback.
	 */
	@Test
	void nothingLoggedHoldsASecretOrAToken(Sandbox sandbox, CapturedOutput output) {
		ch.qos.logback.classic.Logger ccauth = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("dev.ccauth");
		ch.qos.logback.classic.Logger lettuce = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger("io.lettuce");
		ccauth.setLevel(ch.qos.logback.classic.Level.TRACE);
		lettuce.setLevel(ch.qos.logback.classic.Level.DEBUG);
		try {
			everythingLogged(sandbox, output);
		}
		finally {
			ccauth.setLevel(null);
			lettuce.setLevel(null);
		}
	}

	private void everythingLogged(Sandbox sandbox, CapturedOutput output) {
		List<String> forbidden = new java.util.ArrayList<>(List.of(sandbox.genesysClient().clientSecret()));
		both(sandbox, (a, b) -> {
			assertThat(call(a).block()).isEqualTo(200);
			AccessToken first = source(a).currentToken();
			forbidden.add(first.value());
			sandbox.revokeToken(first.value());
			assertThat(call(b).block()).isEqualTo(200);
			forbidden.add(source(b).currentToken().value());
		});
		app(sandbox, "spring.data.redis.url=redis://127.0.0.1:" + TestRedis.closedPort())
			.run((context) -> assertThat(call(context).block()).isEqualTo(200));
		assertThat(output.getAll()).contains("asking the token endpoint for the fleet")
			.contains("token taken from the shared store")
			.contains("Redis token store unavailable");
		Secrets.assertNoneIn(Map.of("output", output.getAll()), forbidden);
	}

	@Test
	void aRefusedTokenIsReplacedOnceForTheFleetAndALateRefusalKeepsTheNewOne(Sandbox sandbox) {
		both(sandbox, (a, b) -> {
			assertThat(call(a).block()).isEqualTo(200);
			assertThat(call(b).block()).isEqualTo(200);
			AccessToken first = source(a).currentToken();
			assertThat(source(b).currentToken().value()).isEqualTo(first.value());
			sandbox.revokeToken(first.value());

			assertThat(call(a).block()).as("a sees 401, gets a new token and replays").isEqualTo(200);
			AccessToken second = source(a).currentToken();
			assertThat(second.value()).isNotEqualTo(first.value());
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);

			assertThat(call(b).block()).as("b sees 401 later: takes the new token").isEqualTo(200);
			assertThat(source(b).currentToken().value()).isEqualTo(second.value());
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
			// b's compare-and-delete of the old token left the new one in place
			assertThat(source(b).invalidate(first)).isFalse();
			assertThat(redis.settled(this.prefix, 1)).hasSize(1);
		});
	}

	@Test
	void aRenewalTakesTheTokenAnotherProcessRenewed(Sandbox sandbox) {
		sandbox.tokenLifetime(Duration.ofSeconds(3));
		both(sandbox, (a, b) -> {
			assertThat(call(a).block()).isEqualTo(200);
			assertThat(call(b).block()).isEqualTo(200);
			AccessToken first = source(a).currentToken();
			// renewal is due at half the lifetime: a renews (in the background) ...
			AccessToken renewed = awaitNewToken(a, first);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
			// ... and b's renewal finds a's token instead of asking
			assertThat(awaitNewToken(b, first).value()).isEqualTo(renewed.value());
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
		});
	}

	@Test
	void aCrashedOwnersLockExpiresAndTheNextProcessFetches(Sandbox sandbox) {
		app(sandbox, "ccauth.redis.lock-timeout=1500ms").run((context) -> {
			source(context).statistics(); // the source exists; nothing asked yet
			Instant locked = Instant.now();
			String lockKey = FleetIdentity
				.of(context.getBean(ContactCenterClients.class).registrations().get(0), this.prefix)
				.lockKey();
			redis.commands().psetex(lockKey, 1500, "a-process-that-died");

			assertThat(call(context).block(Duration.ofSeconds(10))).isEqualTo(200);

			List<RecordedRequest> tokenRequests = sandbox.recentRequests()
				.stream()
				.filter((request) -> request.endpoint() == Endpoint.GENESYS_TOKEN)
				.toList();
			assertThat(tokenRequests).hasSize(1);
			assertThat(tokenRequests.get(0).receivedAt()).as("not before the dead owner's lock expired")
				.isAfterOrEqualTo(locked.plusMillis(1400));
		});
	}

	@Test
	void redisDownNeverFailsACallAndSaysSoOnce(Sandbox sandbox, CapturedOutput output) {
		sandbox.tokenLifetime(Duration.ofSeconds(2));
		app(sandbox, "spring.data.redis.url=redis://127.0.0.1:" + TestRedis.closedPort(),
				"ccauth.redis.retry-interval=100ms")
			.run((context) -> {
				assertThat(call(context).block(Duration.ofSeconds(10))).isEqualTo(200);
				AccessToken first = source(context).currentToken();
				awaitNewToken(context, first); // a renewal later: Redis is tried again
												// and fails again
				assertThat(context.getBean(RedisTokenStore.class).status().available()).isFalse();
				assertThat(context.getBean(RedisTokenStore.class).status().fallbacks()).isGreaterThanOrEqualTo(2);
				assertThat(output.getAll().split("Redis token store unavailable", -1)).as("one WARN").hasSize(2);
			});
	}

	@Test
	void slowRedisIsLeftBehindWithinTheOperationTimeout(Sandbox sandbox) throws Exception {
		app(sandbox, "ccauth.redis.operation-timeout=200ms", "ccauth.redis.connect-timeout=200ms").run((context) -> {
			TestRedis.Stall stall = redis.stall(Duration.ofMillis(1500));
			try {
				assertThat(call(context).block(Duration.ofSeconds(10))).isEqualTo(200);
				assertThat(stall.stillStalled()).as("the call did not wait for Redis").isTrue();
				assertThat(context.getBean(RedisTokenStore.class).status().available()).isFalse();
			}
			finally {
				stall.awaitEnd();
			}
		});
	}

	@Test
	void localRegistrationsStayOutOfTheStore(Sandbox sandbox) {
		app(sandbox, "ccauth.token.store=local").run((context) -> {
			assertThat(call(context).block()).isEqualTo(200);
			assertThat(redis.entries(this.prefix)).isEmpty();
		});
		app(sandbox, "ccauth.token.store=local", "ccauth.genesys.default.token.store=shared").run((context) -> {
			assertThat(call(context).block()).isEqualTo(200);
			assertThat(redis.settled(this.prefix, 1)).hasSize(1);
		});
		redis.clear(this.prefix);
		app(sandbox, "ccauth.genesys.default.token.store=local").run((context) -> {
			assertThat(call(context).block()).isEqualTo(200);
			assertThat(redis.entries(this.prefix)).isEmpty();
		});
	}

	private void both(Sandbox sandbox,
			java.util.function.BiConsumer<AssertableApplicationContext, AssertableApplicationContext> test,
			String... properties) {
		app(sandbox, properties).run((a) -> app(sandbox, properties).run((b) -> test.accept(a, b)));
	}

	ApplicationContextRunner app(Sandbox sandbox, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					RedisTokenStoreAutoConfiguration.class, CcauthAutoConfiguration.class,
					WebClientAutoConfiguration.class, SslAutoConfiguration.class))
			.withPropertyValues(SandboxProperties.genesys(sandbox, "default"))
			.withPropertyValues("spring.data.redis.url=" + redis.url(), "ccauth.redis.key-prefix=" + this.prefix,
					"ccauth.retry.initial-delay=100ms")
			.withPropertyValues(properties);
	}

	static Mono<Integer> call(AssertableApplicationContext context) {
		return context.getBean(ContactCenterClients.class)
			.webClient(GENESYS)
			.get()
			.uri("/api/v2/users?pageSize=1")
			.retrieve()
			.toBodilessEntity()
			.map((response) -> response.getStatusCode().value());
	}

	static TokenSource source(AssertableApplicationContext context) {
		return source(context, GENESYS);
	}

	static TokenSource source(AssertableApplicationContext context, RegistrationId registration) {
		return context.getBean(ContactCenterClients.class).tokenSource(registration);
	}

	/**
	 * Calls until the source holds a token other than the given one (renewal is due at
	 * half its life).
	 */
	static AccessToken awaitNewToken(AssertableApplicationContext context, AccessToken old) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (Instant.now().isBefore(deadline)) {
			assertThat(call(context).block(Duration.ofSeconds(10))).isEqualTo(200);
			AccessToken current = source(context).currentToken();
			if (current != null && !current.sameValueAs(old)) {
				return current;
			}
			pause(Duration.ofMillis(50));
		}
		throw new AssertionError("no new token within 15 s");
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
