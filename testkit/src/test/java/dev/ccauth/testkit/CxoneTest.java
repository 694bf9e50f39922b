package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.ccauth.testkit.Http.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SandboxExtension.class)
class CxoneTest {

	static final String AGENTS = "/incontactapi/services/v34.0/agents";

	final Sandbox sandbox;

	final Http http;

	CxoneTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
	}

	static void assertCxoneError(Http.Response response, int status, String error) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		JsonNode body = response.json();
		assertThat(body.propertyNames()).containsExactly("error", "errorDescription");
		assertThat(body.get("error").asString()).isEqualTo(error);
		assertThat(body.get("errorDescription").asString()).isNotBlank();
	}

	/**
	 * The claims of an id_token, once its RS256 signature checks out against the key the
	 * JWKS publishes.
	 */
	JsonNode jwtClaims(String jwt) {
		return IdTokenVerifier.verify(jwt, http.get("/auth/jwks").json());
	}

	@Nested
	class Discovery {

		@Test
		void openIdConfigurationNamesTheTokenEndpoint() {
			Http.Response response = http.get("/.well-known/openid-configuration");

			assertThat(response.status()).isEqualTo(200);
			JsonNode document = response.json();
			assertThat(document.get("issuer").asString()).isEqualTo(sandbox.cxoneIssuer());
			assertThat(document.get("token_endpoint").asString()).isEqualTo(sandbox.cxoneTokenUri());
			assertThat(document.get("token_endpoint_auth_methods_supported")).singleElement()
				.satisfies(m -> assertThat(m.asString()).isEqualTo("client_secret_basic"));
			assertThat(document.get("grant_types_supported").valueStream().map(JsonNode::asString))
				.containsExactly("authorization_code", "password", "refresh_token", "token-exchange");
			assertThat(document.get("jwks_uri").asString()).isEqualTo(sandbox.cxoneIssuer() + "/auth/jwks");
			assertThat(document.get("id_token_signing_alg_values_supported").valueStream().map(JsonNode::asString))
				.containsExactly("RS256");
			assertThat(sandbox.requestCount(Endpoint.CXONE_DISCOVERY)).isEqualTo(1);
		}

		@Test
		void anIssuerReachedAsLocalhostStaysLocalhost() {
			JsonNode document = http.get("http://localhost:" + sandbox.port() + "/.well-known/openid-configuration")
				.json();

			assertThat(document.get("issuer").asString()).isEqualTo("http://localhost:" + sandbox.port());
			assertThat(document.get("token_endpoint").asString())
				.isEqualTo("http://localhost:" + sandbox.port() + "/auth/token");
		}

		@Test
		void tenantConfigurationGivesTheApiEndpoint() {
			Http.Response response = http.get("/.well-known/cxone-configuration?tenantId=" + sandbox.cxoneTenantId());

			assertThat(response.status()).isEqualTo(200);
			JsonNode configuration = response.json();
			assertThat(configuration.get("api_endpoint").asString()).isEqualTo(sandbox.cxoneBaseUrl());
			assertThat(configuration.get("tenantId").asString()).isEqualTo(sandbox.cxoneTenantId());
			assertThat(configuration.propertyNames()).as("required by NICE's spec, then the usual optional ones")
				.containsExactly("private", "ui_endpoint", "auth_endpoint", "api_endpoint", "domain", "uhDomain",
						"area", "cluster", "acdDomain", "tenantId");
			assertThat(configuration.get("private").isBoolean()).isTrue();
			assertThat(configuration.get("domain").asString()).isEqualTo("127.0.0.1");
			assertThat(http.get("/.well-known/cxone-configuration?tenantId=" + sandbox.cxoneTenantId().toUpperCase())
				.status()).isEqualTo(200);
		}

		@Test
		void unknownOrMissingTenant() {
			assertCxoneError(http.get("/.well-known/cxone-configuration?tenantId=00000000-0000-0000-0000-000000000000"),
					404, "not_found");
			assertCxoneError(http.get("/.well-known/cxone-configuration"), 400, "invalid_request");
			assertThat(sandbox.requestCount(Endpoint.CXONE_TENANT_CONFIGURATION)).isEqualTo(2);
		}

	}

	@Nested
	class AccessKeyToken {

		@Test
		void passwordGrantWithBasicClientAuthentication() {
			Http.Response response = http.cxoneAccessKeyTokenResponse();

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.header("cache-control")).isEqualTo("no-store");
			JsonNode body = response.json();
			assertThat(body.propertyNames()).containsExactly("access_token", "token_type", "expires_in",
					"refresh_token", "id_token");
			assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
			assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
			JsonNode claims = jwtClaims(body.get("id_token").asString());
			assertThat(claims.get("tenantId").asString()).isEqualTo(sandbox.cxoneTenantId());
			assertThat(claims.get("iss").asString()).isEqualTo(sandbox.cxoneIssuer());
			assertThat(claims.get("aud").asString()).isEqualTo(sandbox.cxoneClient().clientId());
			assertThat(claims.get("sub").asString()).isNotBlank();
			assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
			assertThat(sandbox.tokensIssued(Platform.CXONE)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(1);
		}

		@Test
		void theSecretIsFullOfReservedCharactersAndMustBeFormEncoded() {
			AccessKey key = sandbox.cxoneAccessKey();
			assertThat(key.secret()).contains("=", "+", "&", "/", "%").doesNotContain(" ");

			String unencoded = "grant_type=password&username=" + key.id() + "&password=" + key.secret();
			Http.Response response = http.postRaw("/auth/token", unencoded, sandbox.cxoneClient());

			assertThat(response.status()).isEqualTo(400);
			assertThat(http.cxoneAccessKeyTokenResponse().status()).isEqualTo(200);
		}

		@Test
		void clientCredentialsInTheFormAreRefused() {
			AccessKey key = sandbox.cxoneAccessKey();
			Http.Response response = http.postForm("/auth/token",
					form("grant_type", "password", "username", key.id(), "password", key.secret(), "client_id",
							sandbox.cxoneClient().clientId(), "client_secret", sandbox.cxoneClient().clientSecret()),
					null);

			assertCxoneError(response, 401, "invalid_client");
			assertThat(response.json().get("errorDescription").asString()).contains("client_secret_basic");
		}

		@Test
		void badClientBadKeyBadGrant() {
			AccessKey key = sandbox.cxoneAccessKey();
			ClientCredentials client = sandbox.cxoneClient();
			assertCxoneError(http.postForm("/auth/token",
					form("grant_type", "password", "username", key.id(), "password", key.secret()),
					new ClientCredentials(client.clientId(), "wrong")), 401, "invalid_client");
			assertCxoneError(http.postForm("/auth/token",
					form("grant_type", "password", "username", key.id(), "password", key.secret()),
					sandbox.genesysClient()), 401, "invalid_client");
			assertCxoneError(
					http.postForm("/auth/token",
							form("grant_type", "password", "username", key.id(), "password", "wrong"), client),
					400, "invalid_grant");
			assertCxoneError(http.postForm("/auth/token", form("grant_type", "password", "username", key.id()), client),
					400, "invalid_request");
			assertCxoneError(http.postForm("/auth/token", form("grant_type", "implicit"), client), 400,
					"unsupported_grant_type");
			assertCxoneError(http.postForm("/auth/token", form(), client), 400, "invalid_request");
			assertCxoneError(http.postRaw("/auth/token", "grant_type=%zz", client), 400, "invalid_request");
			assertThat(sandbox.tokensIssued(Platform.CXONE)).isZero();
			assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(7);
		}

		@Test
		void clientCredentialsAreRefusedAsCxoneRefusesThem() {
			Http.Response clientCredentials = http.postForm("/auth/token", form("grant_type", "client_credentials"),
					sandbox.cxoneClient());

			assertCxoneError(clientCredentials, 400, "unsupported_grant_type");
			assertThat(sandbox.tokensIssued(Platform.CXONE)).isZero();
			assertCxoneError(http.postForm("/auth/token", form("grant_type", "client_credentials"),
					new ClientCredentials(sandbox.cxoneClient().clientId(), "wrong")), 401, "invalid_client");
		}

		@Test
		void refreshGrant() {
			String refreshToken = http.cxoneAccessKeyTokenResponse().json().get("refresh_token").asString();
			Http.Response refreshed = http.postForm("/auth/token",
					form("grant_type", "refresh_token", "refresh_token", refreshToken), sandbox.cxoneClient());
			assertThat(refreshed.status()).isEqualTo(200);
			assertThat(jwtClaims(refreshed.json().get("id_token").asString()).get("tenantId").asString())
				.isEqualTo(sandbox.cxoneTenantId());
			assertThat(http.get(AGENTS, refreshed.json().get("access_token").asString()).status()).isEqualTo(200);

			assertCxoneError(http.postForm("/auth/token",
					form("grant_type", "refresh_token", "refresh_token", refreshToken + "x"), sandbox.cxoneClient()),
					400, "invalid_grant");
		}

		@Test
		void theIdTokenIsSignedWithThePublishedKey() {
			String idToken = http.cxoneAccessKeyTokenResponse().json().get("id_token").asString();
			JsonNode jwks = http.get("/auth/jwks").json();

			JsonNode key = jwks.get("keys").get(0);
			assertThat(key.get("kty").asString()).isEqualTo("RSA");
			assertThat(key.get("alg").asString()).isEqualTo("RS256");
			assertThat(key.get("use").asString()).isEqualTo("sig");
			assertThat(IdTokenVerifier.verify(idToken, jwks).get("tenantId").asString())
				.isEqualTo(sandbox.cxoneTenantId());
			String[] parts = idToken.split("\\.");
			String forged = parts[0] + "."
					+ Base64.getUrlEncoder()
						.withoutPadding()
						.encodeToString("{\"tenantId\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8))
					+ "." + parts[2];
			assertThatThrownBy(() -> IdTokenVerifier.verify(forged, jwks)).isInstanceOf(AssertionError.class)
				.hasMessageContaining("signature");
			assertThat(sandbox.requestCount(Endpoint.CXONE_JWKS)).isEqualTo(1);
		}

	}

	@Nested
	class TutorialToken {

		@Test
		void clientCredentialsInTheFormOrBasicOnOauthToken() {
			ClientCredentials client = sandbox.cxoneClient();
			Http.Response post = http.postForm("/oauth/token", form("grant_type", "client_credentials", "client_id",
					client.clientId(), "client_secret", client.clientSecret()), null);
			Http.Response basic = http.postForm("/oauth/token",
					form("grant_type", "client_credentials", "scope", "urn:nice:cxa:read"), client);

			assertThat(post.status()).isEqualTo(200);
			assertThat(post.json().get("scope").asString()).isEqualTo("urn:nice:cxa:read urn:nice:cxa:write");
			assertThat(post.json().get("token_type").asString()).isEqualTo("Bearer");
			assertThat(basic.status()).isEqualTo(200);
			assertThat(basic.json().get("scope").asString()).isEqualTo("urn:nice:cxa:read");
			assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(2);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
			assertThat(sandbox.tokensIssued(Platform.CXONE)).isEqualTo(2);
			assertThat(http.get(AGENTS, post.json().get("access_token").asString()).status()).isEqualTo(200);
		}

		/**
		 * The tutorial's JavaScript client, as written: form credentials and both scopes.
		 */
		@Test
		void theTutorialsJavaScriptClientGetsATokenThatListsAgents() {
			ClientCredentials client = sandbox.cxoneClient();
			Http.Response response = http.postForm(
					"/oauth/token", form("grant_type", "client_credentials", "client_id", client.clientId(),
							"client_secret", client.clientSecret(), "scope", "urn:nice:cxa:read urn:nice:cxa:write"),
					null);

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("scope").asString()).isEqualTo("urn:nice:cxa:read urn:nice:cxa:write");
			assertThat(http.get(AGENTS, response.json().get("access_token").asString()).status()).isEqualTo(200);
		}

		@Test
		void errorsHaveTheCxoneShape() {
			ClientCredentials client = sandbox.cxoneClient();
			assertCxoneError(http.postForm("/oauth/token",
					form("grant_type", "client_credentials", "client_id", client.clientId(), "client_secret", "wrong"),
					null), 401, "invalid_client");
			assertCxoneError(
					http.postForm("/oauth/token",
							form("grant_type", "client_credentials", "scope", "urn:nice:cxa:admin"), client),
					400, "invalid_scope");
			assertCxoneError(http.postForm("/oauth/token", form("grant_type", "password"), client), 400,
					"unsupported_grant_type");
			assertCxoneError(http.postForm("/oauth/token", form("client_id", client.clientId()), null), 400,
					"invalid_request");
		}

	}

	@Nested
	class Agents {

		@Test
		void followingNextListsEveryAgentOnceThenEnds() {
			String token = http.cxoneToken();
			List<JsonNode> agents = new ArrayList<>();
			String next = sandbox.cxoneBaseUrl() + AGENTS + "?top=10";
			int pages = 0;
			while (next != null) {
				Http.Response response = http.get(next, token);
				assertThat(response.status()).isEqualTo(200);
				JsonNode page = response.json();
				assertThat(page.propertyNames()).containsExactly("businessUnitId", "lastPollTime", "totalRecords",
						"hiddenAgents", "_links", "agents");
				assertThat(page.get("hiddenAgents").asInt()).isZero();
				assertThat(page.get("totalRecords").asInt()).isEqualTo(42);
				assertThat(page.get("_links").has("previous")).isEqualTo(pages > 0);
				assertThat(page.get("_links").get("self").asString()).startsWith(sandbox.cxoneBaseUrl() + AGENTS);
				page.get("agents").forEach(agents::add);
				next = page.get("_links").has("next") ? page.get("_links").get("next").asString() : null;
				pages++;
			}

			assertThat(pages).isEqualTo(5);
			assertThat(agents).hasSize(42);
			Set<Long> ids = new HashSet<>();
			agents.forEach(a -> ids.add(a.get("agentId").asLong()));
			assertThat(ids).hasSize(42);
			assertThat(agents.get(0).propertyNames()).containsExactly("agentId", "userName", "firstName", "lastName",
					"emailAddress", "isActive", "teamId", "teamName", "lastUpdated");
			assertThat(agents).filteredOn(agent -> !agent.get("isActive").asBoolean()).hasSize(4);
		}

		@Test
		void defaultTopIs100AndAnEmptyPageIs204WithoutBody() {
			String token = http.cxoneToken();
			JsonNode all = http.get(AGENTS, token).json();
			assertThat(all.get("agents")).hasSize(42);
			assertThat(all.get("_links").has("next")).isFalse();

			Http.Response empty = http.get(AGENTS + "?skip=42&top=10", token);
			assertThat(empty.status()).isEqualTo(204);
			assertThat(empty.body()).isEmpty();
			assertThat(empty.header("content-type")).isNull();
		}

		@Test
		void noAgentsIs204AndTopIsCappedAt100() {
			try (Sandbox none = Sandbox.builder().agents(0).start()) {
				Http noneHttp = new Http(none);
				assertThat(noneHttp.get(AGENTS, noneHttp.cxoneToken()).status()).isEqualTo(204);
			}
			try (Sandbox many = Sandbox.builder().agents(250).start()) {
				Http manyHttp = new Http(many);
				JsonNode page = manyHttp.get(AGENTS + "?top=1000", manyHttp.cxoneToken()).json();
				assertThat(page.get("agents")).hasSize(100);
				assertThat(page.get("_links").get("next").asString()).endsWith("?skip=100&top=100");
			}
		}

		@Test
		void pathIsCaseInsensitiveAndLinksStayOnTheHostUsed() {
			String token = http.cxoneToken();
			String localhost = "http://localhost:" + sandbox.port();
			Http.Response response = http.get(localhost + "/inContactAPI/services/v34.0/agents?top=5", token);

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("_links").get("next").asString())
				.isEqualTo(localhost + "/inContactAPI/services/v34.0/agents?skip=5&top=5");
		}

		@Test
		void badInputAndMissingTokens() {
			String token = http.cxoneToken();
			assertCxoneError(http.get(AGENTS + "?skip=-1", token), 400, "invalid_request");
			assertCxoneError(http.get(AGENTS + "?top=0", token), 400, "invalid_request");
			assertCxoneError(http.get(AGENTS + "?top=many", token), 400, "invalid_request");
			assertCxoneError(http.get(AGENTS), 401, "invalid_token");
			assertCxoneError(http.get(AGENTS, "nope"), 401, "invalid_token");
			assertCxoneError(http.send("DELETE", AGENTS), 405, "method_not_allowed");
		}

	}

}
