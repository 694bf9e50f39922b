package dev.ccauth.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.ccauth.redis.Fleet.Member;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.spring.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store across separate JVM processes: eight {@link FleetMember}s, each a Spring Boot
 * application with ccauth and this module, pointed at one sandbox (HTTP) and one real
 * Redis. The JVMs are started once; each test restarts their applications, so every test
 * begins with cold token caches, an empty key prefix of its own and a reset sandbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetProcessTests {

	private static final int MEMBERS = 8;

	private static final Duration ANSWER = Duration.ofSeconds(120);

	/**
	 * Milliseconds each load worker pauses between calls: calls all the time, without
	 * saturating two cores.
	 */
	private static final int PAUSE = 5;

	private TestRedis redis;

	private Sandbox sandbox;

	private Fleet fleet;

	private String prefix;

	private int baseline;

	@BeforeAll
	void startFleet() {
		this.redis = TestRedis.start();
		this.sandbox = Sandbox.builder().start();
		this.fleet = new Fleet(MEMBERS);
	}

	@AfterAll
	void stopFleet() {
		try {
			if (this.fleet != null) {
				this.fleet.close();
			}
		}
		finally {
			try {
				this.sandbox.close();
			}
			finally {
				this.redis.close();
			}
		}
	}

	@BeforeEach
	void freshStart() {
		this.sandbox.reset();
		this.prefix = "ccauth-fleet-" + UUID.randomUUID() + ":";
	}

	@Test
	void eightProcessesWithFiftyConcurrentColdCallsEachMakeOneTokenRequest() {
		startAll(Map.of());
		// slow enough that every process's first calls are waiting before the first token
		// exists
		this.sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofMillis(1500));
		List<String> answers = this.fleet.all("burst 50", ANSWER);

		assertThat(answers)
			.allSatisfy((answer) -> assertThat(answer).contains("ok=50 failed=0").endsWith(" fallbacks=0"));
		assertThat(tokens(answers)).hasSize(1);
		assertThat(tokenRequests()).isEqualTo(1);
		report("cold start: %d processes x 50 concurrent first calls -> %d token request(s)", MEMBERS, tokenRequests());
	}

	@Test
	void eightProcessesThroughThreeTokenLifetimesMakeOneRequestPerLifetime() {
		Duration lifetime = Duration.ofSeconds(4);
		Duration skew = Duration.ofMillis(500);
		this.sandbox.tokenLifetime(lifetime);
		startAll(Map.of("ccauth.token.refresh-skew", "500ms"));
		Duration run = lifetime.multipliedBy(3);
		List<String> answers = this.fleet.all("load " + run.toMillis() + " 2 " + PAUSE, ANSWER);

		assertThat(answers).allSatisfy((answer) -> assertThat(answer).contains(" failed=0 ").endsWith(" fallbacks=0"));
		int requests = tokenRequests();
		// one process alone asks once, then every (lifetime - skew): here at most 1 + 12
		// / 3.5
		long alone = 1 + run.toMillis() / lifetime.minus(skew).toMillis();
		assertThat(requests).isBetween(3, (int) alone + 1);
		// every token was the whole fleet's: no process used one of its own (the last one
		// fetched may
		// have come in after the last call)
		assertThat(tokens(answers).size()).isBetween(requests - 1, requests);
		// and every process went through renewals (on a starved machine a process may
		// miss a token's short tenure)
		assertThat(answers).allSatisfy((answer) -> assertThat(fieldTokens(answer)).hasSizeGreaterThanOrEqualTo(2));
		report("three lifetimes (%d s tokens, renewed %d ms early, %d s of calls): %d processes -> %d token requests"
				+ " (one process alone: %d)", lifetime.toSeconds(), skew.toMillis(), run.toSeconds(), MEMBERS, requests,
				alone);
	}

	@Test
	void aRevocationSeenByEveryProcessMakesOneNewTokenRequest() {
		startAll(Map.of());
		List<String> before = this.fleet.all("burst 5", ANSWER);
		assertThat(tokens(before)).hasSize(1);
		assertThat(tokenRequests()).isEqualTo(1);

		this.sandbox.revokeAllTokens();
		List<String> after = this.fleet.all("burst 5", ANSWER);

		assertThat(after).allSatisfy((answer) -> assertThat(answer).contains("ok=5 failed=0"));
		assertThat(tokens(after)).hasSize(1).doesNotContainAnyElementsOf(tokens(before));
		assertThat(tokenRequests()).isEqualTo(2);
		report("revocation seen by %d processes -> %d new token request(s)", MEMBERS, tokenRequests() - 1);
	}

	@Test
	void redisKilledMidRunFailsNoCallAndSharingResumesAfterItsRestart() {
		assumeTrue(this.redis.embedded(), "needs a Redis the test may kill (not an external one)");
		this.sandbox.tokenLifetime(Duration.ofSeconds(4));
		startAll(Map.of("ccauth.token.refresh-skew", "1s", "ccauth.redis.retry-interval", "500ms"));

		this.fleet.members().forEach((member) -> member.send("load 16000 2 " + PAUSE));
		awaitTrue("the fleet shared a renewal", () -> tokenRequests() >= 2, Duration.ofSeconds(20));
		this.redis.stop();
		int atKill = tokenRequests();
		// every process renews on its own meanwhile: at least one request each
		awaitTrue("every process fell back", () -> tokenRequests() >= atKill + MEMBERS, Duration.ofSeconds(20));
		this.redis.restart();
		List<String> during = new ArrayList<>();
		for (Member member : this.fleet.members()) {
			during.add(member.await("load", ANSWER));
		}
		assertThat(during)
			.as(() -> "token requests and 401s: " + this.sandbox.recentRequests()
				.stream()
				.filter((r) -> r.endpoint() == Endpoint.GENESYS_TOKEN || r.status() == 401)
				.map((r) -> r.endpoint() + " " + r.status() + " " + r.receivedAt())
				.toList())
			.allSatisfy((answer) -> assertThat(answer).contains(" failed=0 "));
		assertThat(this.fleet.all("status", ANSWER))
			.allSatisfy((status) -> assertThat(Long.parseLong(Member.fields(status).get("fallbacks"))).isPositive());

		// sharing again: a round of calls in which the fleet's tokens are the ones it
		// asked for
		int rounds = 0;
		boolean shared = false;
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!shared && System.nanoTime() < deadline) {
			rounds++;
			int before = tokenRequests();
			List<String> round = this.fleet.all("load 6000 2 " + PAUSE, ANSWER);
			assertThat(round).allSatisfy((answer) -> assertThat(answer).contains(" failed=0 "));
			int requests = tokenRequests() - before;
			shared = requests <= 3 && tokens(round).size() <= requests + 1; // one per 3
																			// s, and the
																			// one held
		}
		assertThat(shared).as("sharing resumed within 60 s of the restart").isTrue();
		assertThat(this.fleet.all("status", ANSWER))
			.allSatisfy((status) -> assertThat(status).contains("available=true"));
		report("Redis killed mid-run (all %d processes renewed on their own meanwhile), restarted empty: 0 failed calls; "
				+ "sharing resumed in round %d of 6 s", MEMBERS, rounds);
	}

	@Test
	void aProcessWithAnotherClientSecretCannotUseTheStoredToken() {
		startAll(Map.of());
		List<String> fleetAnswers = this.fleet.all("burst 3", ANSWER);
		Map<String, String> stored = this.redis.settled(this.prefix, 1);

		try (Fleet intruder = new Fleet(1)) {
			Map<String, String> properties = properties(Map.of());
			properties.put("ccauth.genesys.default.client-secret", "not-the-secret-" + UUID.randomUUID());
			Fleet.all(intruder.members(), "start " + line(properties), ANSWER);
			String answer = Fleet.all(intruder.members(), "burst 1", ANSWER).get(0);

			assertThat(answer).contains("ok=0 failed=1").contains("token=none");
			assertThat(tokenRequests()).as("its own request, refused").isEqualTo(2);
			assertThat(intruder.members().get(0).log()).contains("does not open with this registration's credentials");
		}
		assertThat(this.redis.settled(this.prefix, 1)).as("the fleet's token untouched").isEqualTo(stored);
		List<String> again = this.fleet.all("burst 3", ANSWER);
		assertThat(tokens(again)).isEqualTo(tokens(fleetAnswers));
		assertThat(tokenRequests()).isEqualTo(2);
	}

	private void startAll(Map<String, String> extra) {
		this.fleet.all("start " + line(properties(extra)), ANSWER);
		// counted from here: the previous test's applications, closing, may still have
		// asked for one
		this.baseline = this.sandbox.requestCount(Endpoint.GENESYS_TOKEN);
	}

	private Map<String, String> properties(Map<String, String> extra) {
		Map<String, String> properties = new LinkedHashMap<>(
				SandboxProperties.toMap(SandboxProperties.genesys(this.sandbox, "default")));
		properties.put("spring.data.redis.url", this.redis.url());
		properties.put("ccauth.redis.key-prefix", this.prefix);
		properties.put("ccauth.retry.initial-delay", "100ms");
		// nine cold JVMs on a shared two-core machine: making the first connection, or a
		// first use of a
		// code path, can take seconds; the timeouts themselves are tested on their own
		// (SharedTokenTests)
		properties.put("ccauth.redis.connect-timeout", "15s");
		properties.put("ccauth.redis.operation-timeout", "2s");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.putAll(extra);
		return properties;
	}

	private static String line(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(" "));
	}

	/** Token requests since the fleet's applications were started. */
	private int tokenRequests() {
		return this.sandbox.requestCount(Endpoint.GENESYS_TOKEN) - this.baseline;
	}

	/** The token hashes the answers name. */
	private static Set<String> tokens(List<String> answers) {
		Set<String> tokens = new TreeSet<>();
		answers.forEach((answer) -> tokens.addAll(fieldTokens(answer)));
		return tokens;
	}

	private static List<String> fieldTokens(String answer) {
		Map<String, String> fields = Member.fields(answer);
		String value = fields.containsKey("token") ? fields.get("token") : fields.get("tokens");
		return (value == null || value.isEmpty()) ? List.of() : Arrays.asList(value.split(","));
	}

	private static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
			}
			SharedTokenTests.pause(Duration.ofMillis(20));
		}
	}

	private static void report(String format, Object... args) {
		System.out.printf("[fleet] " + format + "%n", args);
	}

}
