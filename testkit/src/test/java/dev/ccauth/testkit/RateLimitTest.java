package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Locale;

import static dev.ccauth.testkit.CxoneTest.AGENTS;
import static dev.ccauth.testkit.CxoneTest.assertCxoneError;
import static dev.ccauth.testkit.GenesysUsersTest.assertGenesysError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(SandboxExtension.class)
class RateLimitTest {

	private final Sandbox sandbox;

	private final Http http;

	RateLimitTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
	}

	@Test
	void genesysAnswers429WithRetryAfterAndNoRateLimitHeaders() {
		sandbox.apiRateLimit(3, Duration.ofSeconds(60));
		String token = http.genesysToken();

		for (int i = 1; i <= 3; i++) {
			Http.Response response = http.get("/api/v2/users", token);
			assertThat(response.status()).isEqualTo(200);
			assertNoIninRateLimitHeaders(response);
		}
		Http.Response limited = http.get("/api/v2/users", token);

		assertGenesysError(limited, 429, "too.many.requests.retry.after");
		int retryAfter = Integer.parseInt(limited.header("Retry-After"));
		assertThat(retryAfter).isBetween(1, 60);
		assertThat(limited.json().get("message").asString())
			.isEqualTo("Rate limit exceeded the maximum. Retry the request in [" + retryAfter + "] seconds");
		assertNoIninRateLimitHeaders(limited);
		assertThat(http.get("/api/v2/users", http.genesysToken()).status()).as("another token, another window")
			.isEqualTo(200);
	}

	@Test
	void ininRateLimitHeadersOnlyWhenAskedFor() {
		try (Sandbox old = Sandbox.builder()
			.apiRateLimit(2, Duration.ofSeconds(60))
			.ininRateLimitHeaders(true)
			.start()) {
			Http oldHttp = new Http(old);
			String token = oldHttp.genesysToken();
			for (int i = 1; i <= 2; i++) {
				Http.Response response = oldHttp.get("/api/v2/users", token);
				assertThat(response.header("inin-ratelimit-count")).isEqualTo(Integer.toString(i));
				assertThat(response.header("inin-ratelimit-allowed")).isEqualTo("2");
				assertThat(Integer.parseInt(response.header("inin-ratelimit-reset"))).isBetween(1, 60);
			}
			Http.Response limited = oldHttp.get("/api/v2/users", token);
			assertThat(limited.header("inin-ratelimit-count")).isEqualTo("3");
			assertThat(limited.header("Retry-After")).isEqualTo(limited.header("inin-ratelimit-reset"));

			old.ininRateLimitHeaders(false);
			assertNoIninRateLimitHeaders(oldHttp.get("/api/v2/users", oldHttp.genesysToken()));
			old.reset();
			assertThat(oldHttp.get("/api/v2/users", token).header("inin-ratelimit-count")).as("the builder's setting")
				.isEqualTo("1");
		}
		sandbox.apiRateLimit(5, Duration.ofSeconds(60));
		sandbox.ininRateLimitHeaders(true);
		assertThat(http.get("/api/v2/users", http.genesysToken()).header("inin-ratelimit-count")).isEqualTo("1");
	}

	static void assertNoIninRateLimitHeaders(Http.Response response) {
		assertThat(response.headers().map().keySet()).as("Genesys removed them in June 2021")
			.noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("inin-ratelimit"));
	}

	@Test
	void theWindowResets() throws InterruptedException {
		sandbox.apiRateLimit(1, Duration.ofMillis(200));
		String token = http.genesysToken();
		assertThat(http.get("/api/v2/users", token).status()).isEqualTo(200);
		Http.Response limited = http.get("/api/v2/users", token);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("retry-after")).as("rounded up, at least 1").isEqualTo("1");

		Thread.sleep(250);

		assertThat(http.get("/api/v2/users", token).status()).isEqualTo(200);
	}

	@Test
	void cxoneGets429WithRetryAfterAndItsOwnBody() {
		sandbox.apiRateLimit(1, Duration.ofSeconds(30));
		String token = http.cxoneToken();
		Http.Response ok = http.get(AGENTS, token);
		Http.Response limited = http.get(AGENTS, token);

		assertThat(ok.status()).isEqualTo(200);
		assertNoIninRateLimitHeaders(ok);
		assertCxoneError(limited, 429, "too_many_requests");
		assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 30);
	}

	@Test
	void disablingAndResetting() {
		try (Sandbox limitedSandbox = Sandbox.builder().apiRateLimit(1, Duration.ofMinutes(1)).start()) {
			Http limitedHttp = new Http(limitedSandbox);
			String token = limitedHttp.genesysToken();
			limitedHttp.get("/api/v2/users", token);
			assertThat(limitedHttp.get("/api/v2/users", token).status()).isEqualTo(429);

			limitedSandbox.disableApiRateLimit();
			Http.Response unlimited = limitedHttp.get("/api/v2/users", token);
			assertThat(unlimited.status()).isEqualTo(200);
			assertNoIninRateLimitHeaders(unlimited);

			limitedSandbox.reset();
			assertThat(limitedHttp.get("/api/v2/users", token).status()).as("builder's limit, new window")
				.isEqualTo(200);
			assertThat(limitedHttp.get("/api/v2/users", token).status()).isEqualTo(429);
		}
	}

	@Test
	void aGenesysTokenFloodIs400InvalidRequestRateLimitExceeded() {
		sandbox.tokenRateLimit(2, Duration.ofSeconds(60));
		http.genesysToken();
		http.genesysToken();

		Http.Response flooded = http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.genesysClient());

		assertThat(flooded.status()).isEqualTo(400);
		assertThat(flooded.json().get("error").asString()).isEqualTo("invalid_request");
		assertThat(flooded.json().get("description").asString()).startsWith("rate limit exceeded; ");
		assertThat(flooded.json().get("error_description").asString()).startsWith("rate limit exceeded; ");
		assertThat(flooded.header("retry-after")).isNull();
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isEqualTo(2);
		assertThat(http.cxoneAccessKeyTokenResponse().status()).as("per client").isEqualTo(200);

		sandbox.disableTokenRateLimit();
		assertThat(http.genesysToken()).isNotBlank();
	}

	@Test
	void aCxoneTokenFloodIs429() {
		sandbox.tokenRateLimit(1, Duration.ofSeconds(60));
		assertThat(http.cxoneAccessKeyTokenResponse().status()).isEqualTo(200);

		Http.Response flooded = http.cxoneAccessKeyTokenResponse();
		Http.Response tutorial = http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.cxoneClient());

		assertCxoneError(flooded, 429, "too_many_requests");
		assertThat(flooded.header("retry-after")).isNotNull();
		assertCxoneError(tutorial, 429, "too_many_requests");
	}

	@Test
	void invalidLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.apiRateLimit(0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> sandbox.tokenRateLimit(1, Duration.ZERO));
	}

}
