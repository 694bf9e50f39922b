package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.ccauth.testkit.CxoneTest.AGENTS;
import static dev.ccauth.testkit.CxoneTest.assertCxoneError;
import static dev.ccauth.testkit.GenesysUsersTest.assertGenesysError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SandboxExtension.class)
class FaultInjectionTest {

	private final Sandbox sandbox;

	private final Http http;

	FaultInjectionTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
	}

	@Test
	void failNextGivesThePlatformsErrorThenRecovers() {
		String token = http.genesysToken();
		sandbox.failNext(Endpoint.GENESYS_USERS, 2, 503);

		Http.Response first = http.get("/api/v2/users", token);
		Http.Response second = http.get("/api/v2/users", token);
		Http.Response third = http.get("/api/v2/users", token);

		assertGenesysError(first, 503, "service.unavailable");
		assertThat(first.header("retry-after")).isNull();
		assertThat(second.status()).isEqualTo(503);
		assertThat(third.status()).isEqualTo(200);
		assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(3);
		assertThat(sandbox.requestCountForToken(token)).isEqualTo(3);
	}

	@Test
	void failNextWithRetryAfterInWholeSeconds() {
		String token = http.cxoneToken();
		sandbox.failNext(Endpoint.CXONE_AGENTS, 1, 429, Duration.ofMillis(1500));

		Http.Response limited = http.get(AGENTS, token);

		assertCxoneError(limited, 429, "too_many_requests");
		assertThat(limited.header("retry-after")).isEqualTo("2");
		assertThat(http.get(AGENTS, token).status()).isEqualTo(200);
	}

	@Test
	void aGenesys429AlwaysSaysWhenToRetry() {
		String token = http.genesysToken();
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429);
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429, Duration.ofSeconds(7));

		Http.Response bare = http.get("/api/v2/users", token);
		Http.Response timed = http.get("/api/v2/users", token);

		assertGenesysError(bare, 429, "too.many.requests.retry.after");
		assertThat(bare.header("Retry-After")).as("on every 429, as Genesys does").isEqualTo("1");
		assertThat(bare.json().get("message").asString())
			.isEqualTo("Rate limit exceeded the maximum. Retry the request in [1] seconds");
		assertGenesysError(timed, 429, "too.many.requests.retry.after");
		assertThat(timed.header("Retry-After")).isEqualTo("7");
		assertThat(timed.json().get("message").asString()).contains("[7] seconds");
	}

	@Test
	void failNextAppliesBeforeNormalHandlingOnEveryEndpoint() {
		sandbox.failNext(Endpoint.GENESYS_TOKEN, 1, 500);
		sandbox.failNext(Endpoint.CXONE_TOKEN, 1, 401);
		sandbox.failNext(Endpoint.CXONE_DISCOVERY, 1, 502);
		sandbox.failNext(Endpoint.OTHER, 1, 418);

		Http.Response genesys = http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.genesysClient());
		Http.Response cxone = http.cxoneAccessKeyTokenResponse();

		assertThat(genesys.status()).isEqualTo(500);
		assertThat(genesys.json().get("error").asString()).isEqualTo("server_error");
		assertThat(genesys.json().has("error_description")).isTrue();
		assertCxoneError(cxone, 401, "invalid_client");
		assertCxoneError(http.get("/.well-known/openid-configuration"), 502, "bad_gateway");
		assertThat(http.get("/whatever").status()).isEqualTo(418);
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isZero();
		assertThat(http.genesysToken()).isNotBlank();
	}

	@Test
	void theSharedTokenPathFaultsByTheClientsPlatform() {
		sandbox.failNext(Endpoint.CXONE_TOKEN, 1, 503);

		assertThat(http.genesysToken()).isNotBlank();
		Http.Response cxone = http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.cxoneClient());

		assertCxoneError(cxone, 503, "temporarily_unavailable");
	}

	@Test
	void dropNextClosesTheConnectionWithoutAResponse() {
		sandbox.dropNext(Endpoint.GENESYS_TOKEN, 1);

		assertThatThrownBy(() -> http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.genesysClient()))
			.isInstanceOf(UncheckedIOException.class)
			.hasCauseInstanceOf(IOException.class);

		assertThat(http.genesysToken()).isNotBlank();
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
		assertThat(sandbox.recentRequests().get(0).status()).as("dropped").isZero();
	}

	@Test
	void faultsQueueUpInOrder() {
		String token = http.genesysToken();
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 502);
		sandbox.dropNext(Endpoint.GENESYS_USERS, 1);
		sandbox.malformNext(Endpoint.GENESYS_USERS, 1, Malformation.TRUNCATED);

		assertThat(http.get("/api/v2/users", token).status()).isEqualTo(502);
		assertThatThrownBy(() -> http.send(http.request("/api/v2/users")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build())).isInstanceOf(UncheckedIOException.class);
		Http.Response truncated = http.get("/api/v2/users", token);
		assertThat(truncated.status()).isEqualTo(200);
		assertThat(http.get("/api/v2/users", token).json().get("entities")).hasSize(25);
		assertThat(truncated.body()).startsWith("{\"entities\"").doesNotEndWith("}");
	}

	@Test
	void malformedBodies() {
		sandbox.malformNext(Endpoint.CXONE_DISCOVERY, 1, Malformation.NOT_JSON);
		Http.Response html = http.get("/.well-known/openid-configuration");
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.header("content-type")).startsWith("text/html");
		assertThat(html.body()).startsWith("<html>");

		sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1, Malformation.TRUNCATED);
		Http.Response truncated = http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.genesysClient());
		assertThat(truncated.status()).isEqualTo(200);
		assertThatThrownBy(truncated::json).isInstanceOf(RuntimeException.class);
	}

	@Test
	void aTruncatedEmptyPageIsA200WithBrokenJson() {
		String token = http.cxoneToken();
		sandbox.malformNext(Endpoint.CXONE_AGENTS, 1, Malformation.TRUNCATED);

		Http.Response truncated = http.get(AGENTS + "?skip=100", token);

		assertThat(truncated.status()).isEqualTo(200);
		assertThat(truncated.body()).isEqualTo("{");
		assertThat(http.get(AGENTS + "?skip=100", token).status()).isEqualTo(204);
	}

	@Test
	void tokenResponsesWithoutAccessTokenOrExpiresIn() {
		sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1, Malformation.NO_ACCESS_TOKEN);
		sandbox.malformNext(Endpoint.CXONE_TOKEN, 1, Malformation.NO_EXPIRES_IN);

		Http.Response noToken = http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.genesysClient());
		Http.Response noExpiry = http.cxoneAccessKeyTokenResponse();

		assertThat(noToken.status()).isEqualTo(200);
		assertThat(noToken.json().propertyNames()).containsExactlyInAnyOrder("token_type", "expires_in");
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).as("nobody got that token").isZero();
		assertThat(noExpiry.json().has("expires_in")).isFalse();
		assertThat(noExpiry.json().has("id_token")).isTrue();
		assertThat(http.get(AGENTS, noExpiry.json().get("access_token").asString()).status()).isEqualTo(200);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> sandbox.malformNext(Endpoint.GENESYS_USERS, 1, Malformation.NO_ACCESS_TOKEN));
	}

	@Test
	void addedLatency() {
		String token = http.genesysToken();
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofMillis(300));

		long start = System.nanoTime();
		assertThat(http.get("/api/v2/users", token).status()).isEqualTo(200);
		long slowMillis = (System.nanoTime() - start) / 1_000_000;
		long tokenStart = System.nanoTime();
		http.genesysToken();
		long fastMillis = (System.nanoTime() - tokenStart) / 1_000_000;

		assertThat(slowMillis).isGreaterThanOrEqualTo(300);
		assertThat(fastMillis).as("other endpoints unaffected").isLessThan(300);

		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ZERO);
		long again = System.nanoTime();
		http.get("/api/v2/users", token);
		assertThat((System.nanoTime() - again) / 1_000_000).isLessThan(300);
	}

	@Test
	void countersAndRecentRequests() {
		Instant started = Instant.now();
		String token = http.genesysToken();
		http.get("http://localhost:" + sandbox.port() + "/api/v2/users?pageSize=5", token);
		http.get("/nowhere");

		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
		assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
		assertThat(sandbox.requestCount(Endpoint.OTHER)).isEqualTo(1);
		assertThat(sandbox.requestCount(Endpoint.CXONE_AGENTS)).isZero();
		List<RecordedRequest> recent = sandbox.recentRequests();
		assertThat(recent).usingRecursiveFieldByFieldElementComparatorIgnoringFields("receivedAt")
			.containsExactly(
					new RecordedRequest(Endpoint.GENESYS_TOKEN, "POST", "/oauth/token", "",
							"127.0.0.1:" + sandbox.port(), true, 200, null),
					new RecordedRequest(Endpoint.GENESYS_USERS, "GET", "/api/v2/users", "pageSize=5",
							"localhost:" + sandbox.port(), true, 200, null),
					new RecordedRequest(Endpoint.OTHER, "GET", "/nowhere", "", "127.0.0.1:" + sandbox.port(), false,
							404, null));
		assertThat(recent).extracting(RecordedRequest::receivedAt)
			.isSorted()
			.allSatisfy(at -> assertThat(at).isBetween(started, Instant.now()));
	}

	@Test
	void recentRequestsAreBounded() {
		for (int i = 0; i < 1_010; i++) {
			http.get("/x" + i);
		}
		List<RecordedRequest> recent = sandbox.recentRequests();
		assertThat(recent).hasSize(1_000);
		assertThat(recent.get(0).path()).isEqualTo("/x10");
		assertThat(sandbox.requestCount(Endpoint.OTHER)).isEqualTo(1_010);
	}

	@Test
	void resetClearsFaultsLatencyAndCounters() {
		String token = http.genesysToken();
		sandbox.failNext(Endpoint.GENESYS_USERS, 5, 500);
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofSeconds(5));
		http.get("/nowhere");

		sandbox.reset();

		assertThat(sandbox.requestCount(Endpoint.OTHER)).isZero();
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
		assertThat(sandbox.recentRequests()).isEmpty();
		long start = System.nanoTime();
		assertThat(http.get("/api/v2/users", token).status()).isEqualTo(200);
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
	}

	@Test
	void badArgumentsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.failNext(Endpoint.OTHER, 1, 42));
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.failNext(Endpoint.OTHER, 1, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.dropNext(Endpoint.OTHER, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.latency(Endpoint.OTHER, Duration.ofMillis(-1)));
	}

}
