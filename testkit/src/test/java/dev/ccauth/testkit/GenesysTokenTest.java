package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;

import static dev.ccauth.testkit.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SandboxExtension.class)
class GenesysTokenTest {

	private final Sandbox sandbox;

	private final Http http;

	private final ClientCredentials client;

	GenesysTokenTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
		this.client = sandbox.genesysClient();
	}

	@Test
	void basicCredentialsGetABearerToken() {
		Http.Response response = http.postForm("/oauth/token", form("grant_type", "client_credentials"), client);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("content-type")).isEqualTo("application/json");
		assertThat(response.header("cache-control")).isEqualTo("no-store");
		JsonNode body = response.json();
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in");
		assertThat(body.get("access_token").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(body.get("token_type").asString()).isEqualTo("bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isEqualTo(1);
		assertThat(sandbox.tokensIssued(Platform.CXONE)).isZero();
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
	}

	@Test
	void formCredentialsAndAScopeWorkToo() {
		Http.Response response = http.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id",
				client.clientId(), "client_secret", client.clientSecret(), "scope", "users:readonly"), null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(http.get("/api/v2/users", response.json().get("access_token").asString()).status()).isEqualTo(200);
	}

	@Test
	void theTutorialPathIsTheSameEndpoint() {
		Http.Response response = http.postForm("/api/v2/oauth/token", form("grant_type", "client_credentials"), client);

		assertThat(response.status()).isEqualTo(200);
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
		assertThat(sandbox.recentRequests()).singleElement()
			.satisfies(r -> assertThat(r.path()).isEqualTo("/api/v2/oauth/token"));
	}

	/**
	 * The tutorial's Python client, as written: form credentials to
	 * {@code /api/v2/oauth/token}.
	 */
	@Test
	void theTutorialsPythonClientGetsATokenThatListsUsers() {
		Http.Response response = http.postForm("/api/v2/oauth/token", form("grant_type", "client_credentials",
				"client_id", client.clientId(), "client_secret", client.clientSecret()), null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("expires_in").asLong()).isEqualTo(3600);
		assertThat(http.get("/api/v2/users", response.json().get("access_token").asString()).status()).isEqualTo(200);
		assertThat(sandbox.recentRequests().get(0).hasAuthorization()).isFalse();
	}

	@Test
	void eachTokenIsNew() {
		assertThat(http.genesysToken()).isNotEqualTo(http.genesysToken());
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isEqualTo(2);
	}

	@Test
	void unknownClientIs400ClientNotFound() {
		Http.Response response = http.postForm("/oauth/token", form("grant_type", "client_credentials"),
				new ClientCredentials("no-such-client", client.clientSecret()));

		assertOAuthError(response, 400, "invalid_client", "client not found");
	}

	@Test
	void wrongSecretIs401AuthenticationFailed() {
		Http.Response basic = http.postForm("/oauth/token", form("grant_type", "client_credentials"),
				new ClientCredentials(client.clientId(), "wrong"));
		Http.Response post = http.postForm("/oauth/token",
				form("grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", "wrong"),
				null);

		assertOAuthError(basic, 401, "invalid_client", "authentication failed");
		assertOAuthError(post, 401, "invalid_client", "authentication failed");
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isZero();
	}

	@Test
	void unknownGrantIsUnsupportedGrantType() {
		Http.Response response = http.postForm("/oauth/token",
				form("grant_type", "password", "username", "a", "password", "b"), client);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("unsupported_grant_type");
	}

	@Test
	void missingParametersAreInvalidRequest() {
		assertOAuthError(http.postForm("/oauth/token", form(), client), 400, "invalid_request", "missing grant_type");
		assertOAuthError(http.postForm("/oauth/token", form("grant_type", "client_credentials"), null), 400,
				"invalid_request", "missing client credentials");
		assertOAuthError(http.postForm("/oauth/token",
				form("grant_type", "client_credentials", "client_id", client.clientId()), null), 400, "invalid_request",
				"missing client credentials");
	}

	@Test
	void malformedBodiesAreInvalidRequest() {
		assertThat(http.postRaw("/oauth/token", "grant_type=%zz", client).json().get("error").asString())
			.isEqualTo("invalid_request");
		assertThat(http.postRaw("/oauth/token", "grant_type=client_credentials&grant_type=password", client).status())
			.isEqualTo(400);
		Http.Response json = http.send(http.request("/oauth/token")
			.header("Content-Type", "application/json")
			.header("Authorization", Http.basic(client.clientId(), client.clientSecret()))
			.POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
			.build());
		assertOAuthError(json, 400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
		Http.Response badBasic = http.send(http.request("/oauth/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic not*base64")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build());
		assertOAuthError(badBasic, 400, "invalid_request", "malformed Basic credentials");
	}

	@Test
	void onlyPostIsAllowed() {
		Http.Response response = http.get("/oauth/token");

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("allow")).isEqualTo("POST");
		assertThat(response.json().has("error")).isTrue();
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
	}

	@Test
	void aCxoneClientIsNotKnownToGenesysTutorialPath() {
		ClientCredentials cxone = sandbox.cxoneClient();
		Http.Response response = http.postForm("/api/v2/oauth/token", form("grant_type", "client_credentials"), cxone);

		assertOAuthError(response, 400, "invalid_client", "client not found");
	}

	static void assertOAuthError(Http.Response response, int status, String error, String description) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		JsonNode body = response.json();
		assertThat(body.propertyNames()).containsExactly("error", "description", "error_description");
		assertThat(body.get("error").asString()).isEqualTo(error);
		assertThat(body.get("description").asString()).isEqualTo(description);
		assertThat(body.get("error_description").asString()).isEqualTo(description);
	}

}
