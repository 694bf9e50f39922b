package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SandboxExtension.class)
class GenesysUsersTest {

	private final Sandbox sandbox;

	private final Http http;

	private final String token;

	GenesysUsersTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
		this.token = http.genesysToken();
	}

	@Test
	void firstPageHasTheGenesysShape() {
		Http.Response response = http.get("/api/v2/users", token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ININ-Correlation-Id")).isNotBlank();
		RateLimitTest.assertNoIninRateLimitHeaders(response);
		JsonNode page = response.json();
		assertThat(page.propertyNames()).containsExactlyInAnyOrder("entities", "pageSize", "pageNumber", "total",
				"pageCount", "firstUri", "selfUri", "nextUri", "lastUri");
		assertThat(page.get("pageSize").asInt()).isEqualTo(25);
		assertThat(page.get("pageNumber").asInt()).isEqualTo(1);
		assertThat(page.get("total").asInt()).isEqualTo(137);
		assertThat(page.get("pageCount").asInt()).isEqualTo(6);
		assertThat(page.get("firstUri").asString()).isEqualTo("/api/v2/users?pageSize=25&pageNumber=1");
		assertThat(page.get("selfUri").asString()).isEqualTo("/api/v2/users?pageSize=25&pageNumber=1");
		assertThat(page.get("nextUri").asString()).isEqualTo("/api/v2/users?pageSize=25&pageNumber=2");
		assertThat(page.get("lastUri").asString()).isEqualTo("/api/v2/users?pageSize=25&pageNumber=6");
		assertThat(page.get("entities")).hasSize(25);

		JsonNode user = page.get("entities").get(0);
		assertThat(user.propertyNames()).containsExactly("id", "name", "division", "email", "state", "username",
				"title", "department", "version", "selfUri");
		assertThat(user.get("id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(user.get("state").asString()).isEqualTo("active");
		assertThat(user.get("email").asString()).contains("@");
		assertThat(user.get("username").asString()).isEqualTo(user.get("email").asString());
		assertThat(user.get("selfUri").asString()).isEqualTo("/api/v2/users/" + user.get("id").asString());
		assertThat(user.get("division").propertyNames()).containsExactly("id", "name", "selfUri");
	}

	@Test
	void followingNextUriListsEveryUserOnceAndEnds() {
		List<JsonNode> users = new ArrayList<>();
		String next = "/api/v2/users";
		int pages = 0;
		JsonNode page = null;
		while (next != null) {
			Http.Response response = http.get(next, token);
			assertThat(response.status()).isEqualTo(200);
			page = response.json();
			page.get("entities").forEach(users::add);
			assertThat(page.has("previousUri")).isEqualTo(pages > 0);
			next = page.has("nextUri") ? page.get("nextUri").asString() : null;
			pages++;
		}

		assertThat(pages).isEqualTo(6);
		assertThat(page.get("entities")).hasSize(137 - 5 * 25);
		assertThat(page.get("previousUri").asString()).isEqualTo("/api/v2/users?pageSize=25&pageNumber=5");
		Set<String> ids = new HashSet<>();
		Set<String> emails = new HashSet<>();
		users.forEach(u -> {
			ids.add(u.get("id").asString());
			emails.add(u.get("email").asString());
		});
		assertThat(users).hasSize(137);
		assertThat(ids).hasSize(137);
		assertThat(emails).hasSize(137);
		assertThat(sandbox.requestCountForToken(token)).isEqualTo(6);
	}

	@Test
	void pageSizeUpTo500() {
		JsonNode page = http.get("/api/v2/users?pageSize=500&pageNumber=1", token).json();

		assertThat(page.get("entities")).hasSize(137);
		assertThat(page.get("pageCount").asInt()).isEqualTo(1);
		assertThat(page.has("nextUri")).isFalse();
		assertThat(page.has("previousUri")).isFalse();
	}

	@Test
	void beyondTheLastPageIsEmptyAndLeadsBackToARealPage() {
		JsonNode page = http.get("/api/v2/users?pageSize=25&pageNumber=9", token).json();

		assertThat(page.get("entities")).isEmpty();
		assertThat(page.has("nextUri")).isFalse();
		assertThat(page.get("lastUri").asString()).endsWith("pageNumber=6");
		assertThat(page.get("previousUri").asString()).isEqualTo("/api/v2/users?pageSize=25&pageNumber=6");
		JsonNode previous = http.get(page.get("previousUri").asString(), token).json();
		assertThat(previous.get("entities")).hasSize(137 - 5 * 25);
	}

	@Test
	void usersAreTheSameInEverySandbox() {
		JsonNode mine = http.get("/api/v2/users?pageSize=3", token).json().get("entities");
		try (Sandbox other = Sandbox.builder().users(3).start()) {
			Http otherHttp = new Http(other);
			JsonNode theirs = otherHttp.get("/api/v2/users", otherHttp.genesysToken()).json().get("entities");
			assertThat(theirs).isEqualTo(mine);
		}
	}

	@Test
	void anEmptyOrg() {
		try (Sandbox empty = Sandbox.builder().users(0).start()) {
			Http emptyHttp = new Http(empty);
			JsonNode page = emptyHttp.get("/api/v2/users", emptyHttp.genesysToken()).json();
			assertThat(page.get("entities")).isEmpty();
			assertThat(page.get("total").asInt()).isZero();
			assertThat(page.get("pageCount").asInt()).isZero();
			assertThat(page.has("nextUri")).isFalse();
		}
	}

	@Test
	void badPagingParametersAre400() {
		for (String query : List.of("pageSize=501", "pageSize=0", "pageNumber=0", "pageSize=ten", "pageNumber=-1",
				"pageNumber=99999999999")) {
			Http.Response response = http.get("/api/v2/users?" + query, token);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertGenesysError(response, 400, "bad.request");
		}
	}

	@Test
	void noTokenOrAnUnknownOneIs401BadCredentials() {
		assertGenesysError(http.get("/api/v2/users"), 401, "bad.credentials");
		assertGenesysError(http.get("/api/v2/users", "not-a-token"), 401, "bad.credentials");
		Http.Response basic = http
			.send(http.request("/api/v2/users").header("Authorization", Http.basic("a", "b")).GET().build());
		assertGenesysError(basic, 401, "bad.credentials");
		assertThat(http.get("/api/v2/users").json().get("message").asString()).isEqualTo("Invalid login credentials.");
	}

	@Test
	void onlyGetIsAllowed() {
		Http.Response response = http.postForm("/api/v2/users", Http.form("a", "b"), null);

		assertGenesysError(response, 405, "method.not.allowed");
		assertThat(response.header("allow")).isEqualTo("GET");
	}

	/**
	 * The Genesys API error body, in the platform's field order, and its correlation id
	 * in the header too.
	 */
	static void assertGenesysError(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		JsonNode body = response.json();
		assertThat(body.propertyNames()).containsExactly("message", "code", "status", "contextId", "details", "errors");
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("code").asString()).isEqualTo(code);
		assertThat(body.get("contextId").asString()).hasSize(36);
		assertThat(response.header("ININ-Correlation-Id")).isEqualTo(body.get("contextId").asString());
		assertThat(body.get("details").isArray()).isTrue();
		assertThat(body.get("errors").isArray()).isTrue();
	}

}
