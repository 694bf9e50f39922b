package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static dev.ccauth.testkit.CxoneTest.AGENTS;
import static dev.ccauth.testkit.CxoneTest.assertCxoneError;
import static dev.ccauth.testkit.GenesysUsersTest.assertGenesysError;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SandboxExtension.class)
class TokenLifecycleTest {

	private final Sandbox sandbox;

	private final Http http;

	TokenLifecycleTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
	}

	@Test
	void tokensExpireAfterTheConfiguredLifetime() throws InterruptedException {
		sandbox.tokenLifetime(Duration.ofMillis(300));
		Http.Response response = http.postForm("/oauth/token", Http.form("grant_type", "client_credentials"),
				sandbox.genesysClient());
		String genesys = response.json().get("access_token").asString();
		String cxone = http.cxoneToken();

		assertThat(response.json().get("expires_in").asLong()).as("rounded up to whole seconds").isEqualTo(1);
		assertThat(http.get("/api/v2/users", genesys).status()).isEqualTo(200);
		assertThat(http.get(AGENTS, cxone).status()).isEqualTo(200);

		Thread.sleep(400);

		assertGenesysError(http.get("/api/v2/users", genesys), 401, "bad.credentials");
		assertCxoneError(http.get(AGENTS, cxone), 401, "invalid_token");
		assertThat(http.get("/api/v2/users", http.genesysToken()).status()).as("a new token works").isEqualTo(200);
	}

	@Test
	void lifetimeIsSetInTheBuilderAndRestoredByReset() {
		try (Sandbox shortLived = Sandbox.builder().tokenLifetime(Duration.ofSeconds(300)).start()) {
			Http shortHttp = new Http(shortLived);
			shortLived.tokenLifetime(Duration.ofSeconds(5));
			assertThat(shortHttp.cxoneAccessKeyTokenResponse().json().get("expires_in").asLong()).isEqualTo(5);
			shortLived.reset();
			assertThat(shortHttp.cxoneAccessKeyTokenResponse().json().get("expires_in").asLong()).isEqualTo(300);
		}
	}

	@Test
	void revokingOneToken() {
		String revoked = http.genesysToken();
		String other = http.genesysToken();
		String cxone = http.cxoneToken();

		sandbox.revokeToken(revoked);
		sandbox.revokeToken("never-issued");

		assertGenesysError(http.get("/api/v2/users", revoked), 401, "bad.credentials");
		assertThat(http.get("/api/v2/users", other).status()).isEqualTo(200);
		assertThat(http.get(AGENTS, cxone).status()).isEqualTo(200);
	}

	@Test
	void revokingAllTokensSparesTheOnesIssuedLater() {
		String genesys = http.genesysToken();
		String cxone = http.cxoneToken();

		sandbox.revokeAllTokens();

		assertGenesysError(http.get("/api/v2/users", genesys), 401, "bad.credentials");
		assertCxoneError(http.get(AGENTS, cxone), 401, "invalid_token");
		assertThat(http.get("/api/v2/users", http.genesysToken()).status()).isEqualTo(200);
		assertThat(http.get(AGENTS, http.cxoneToken()).status()).isEqualTo(200);
	}

	@Test
	void resetUndoesRevocationsButKeepsTokens() {
		String token = http.genesysToken();
		sandbox.revokeAllTokens();
		assertThat(http.get("/api/v2/users", token).status()).isEqualTo(401);

		sandbox.reset();

		assertThat(http.get("/api/v2/users", token).status()).isEqualTo(200);
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isZero();
		assertThat(sandbox.requestCountForToken(token)).isEqualTo(1);
	}

	@Test
	void aTokenWorksOnlyOnThePlatformThatIssuedIt() {
		String genesys = http.genesysToken();
		String cxone = http.cxoneToken();
		String tutorial = http
			.postForm("/oauth/token", Http.form("grant_type", "client_credentials"), sandbox.cxoneClient())
			.json()
			.get("access_token")
			.asString();

		assertCxoneError(http.get(AGENTS, genesys), 401, "invalid_token");
		assertGenesysError(http.get("/api/v2/users", cxone), 401, "bad.credentials");
		assertGenesysError(http.get("/api/v2/users", tutorial), 401, "bad.credentials");
	}

	@Test
	void requestsAreCountedPerToken() {
		String first = http.genesysToken();
		String second = http.genesysToken();
		http.get("/api/v2/users", first);
		http.get("/api/v2/users?pageNumber=2", first);
		http.get("/api/v2/users", second);
		sandbox.revokeToken(second);
		http.get("/api/v2/users", second);

		assertThat(sandbox.requestCountForToken(first)).isEqualTo(2);
		assertThat(sandbox.requestCountForToken(second)).as("refused requests count too").isEqualTo(2);
		assertThat(sandbox.requestCountForToken("unused")).isZero();
		assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(4);
	}

}
