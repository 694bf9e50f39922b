package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

import static dev.ccauth.testkit.GenesysUsersTest.assertGenesysError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query parameters of {@code GET /api/v2/users} beyond paging: state, id, jabberId,
 * sortOrder, expand.
 */
@ExtendWith(SandboxExtension.class)
class GenesysUsersQueryTest {

	private final Sandbox sandbox;

	private final Http http;

	private final String token;

	GenesysUsersQueryTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
		this.token = http.genesysToken();
	}

	@Test
	void stateIsActiveByDefaultAndEachStateHasUsers() {
		assertThat(states("")).hasSize(137).containsOnly("active");
		assertThat(states("&state=active")).hasSize(137).containsOnly("active");
		assertThat(states("&state=inactive")).hasSize(3).containsOnly("inactive");
		assertThat(states("&state=deleted")).hasSize(2).containsOnly("deleted");
		List<String> any = states("&state=any");
		assertThat(any).hasSize(142).containsOnly("active", "inactive", "deleted");
		assertThat(page("?state=any").get("total").asInt()).isEqualTo(142);
	}

	@Test
	void idsSelectUsersRepeatedOrCommaSeparatedWithinTheState() {
		List<JsonNode> all = list("/api/v2/users?pageSize=500&state=any");
		String first = all.get(0).get("id").asString();
		String tenth = all.get(9).get("id").asString();
		String deleted = all.get(all.size() - 1).get("id").asString();

		assertThat(ids(page("?id=" + first + "&id=" + tenth))).containsExactly(first, tenth);
		assertThat(ids(page("?id=" + tenth + "," + first))).as("the directory's order").containsExactly(first, tenth);
		assertThat(ids(page("?id=" + deleted))).as("state=active by default").isEmpty();
		assertThat(ids(page("?id=" + deleted + "&state=deleted"))).containsExactly(deleted);
		assertThat(ids(page("?id=no-such-user"))).isEmpty();
		JsonNode paged = page("?pageSize=1&id=" + first + "&id=" + tenth);
		assertThat(paged.get("total").asInt()).isEqualTo(2);
		assertThat(paged.get("nextUri").asString())
			.isEqualTo("/api/v2/users?pageSize=1&pageNumber=2&id=" + first + "&id=" + tenth);
	}

	@Test
	void jabberIdIsRefusedNotIgnored() {
		Http.Response response = http.get("/api/v2/users?jabberId=someone@example.orgspan.com", token);

		assertGenesysError(response, 400, "bad.request");
		assertThat(response.json().get("message").asString()).contains("jabberId", "sandbox");
	}

	@Test
	void sortOrderDescendingReversesTheListing() {
		List<String> ascending = ids(list("/api/v2/users?pageSize=500&state=any&sortOrder=ascending"));
		List<String> descending = ids(list("/api/v2/users?pageSize=40&state=any&sortOrder=descending"));

		assertThat(descending).hasSize(142).isEqualTo(reversed(ascending));
		assertThat(ids(page("?sortOrder=DESC&pageSize=1"))).containsExactly(ascending.get(136));
	}

	@Test
	void nextUriKeepsEveryParameterToTheEnd() {
		String query = "/api/v2/users?pageSize=30&state=any&sortOrder=descending&expand=groups&expand=team";
		List<JsonNode> users = new ArrayList<>();
		String next = query;
		JsonNode page = null;
		while (next != null) {
			page = http.get(next, token).json();
			page.get("entities").forEach(users::add);
			next = page.has("nextUri") ? page.get("nextUri").asString() : null;
		}

		assertThat(users).hasSize(142).allSatisfy(user -> assertThat(user.has("groups") && user.has("team")).isTrue());
		assertThat(new HashSet<>(ids(users))).hasSize(142);
		assertThat(page.get("selfUri").asString()).isEqualTo(
				"/api/v2/users?pageSize=30&pageNumber=5" + "&sortOrder=descending&expand=groups&expand=team&state=any");
		assertThat(page.get("firstUri").asString()).contains("pageNumber=1&").endsWith("&state=any");
		assertThat(page.get("previousUri").asString()).contains("pageNumber=4&").endsWith("&state=any");
	}

	@Test
	void expandAddsTheFieldsTheSdkModelsKnow() {
		JsonNode user = page("?pageSize=1&expand=presence,routingStatus&expand=authorization.unusedRoles"
				+ "&expand=dateLastLogin&expand=skills&expand=employerInfo")
			.get("entities")
			.get(0);

		assertThat(user.propertyNames())
			.contains("presence", "routingStatus", "authorization", "dateLastLogin", "skills", "employerInfo")
			.startsWith("id")
			.endsWith("selfUri");
		assertThat(user.get("presence").get("presenceDefinition").get("systemPresence").asString())
			.isEqualTo("Offline");
		assertThat(user.get("routingStatus").get("status").asString()).isEqualTo("OFF_QUEUE");
		assertThat(user.get("authorization").has("unusedRoles")).isTrue();
		assertThat(user.get("dateLastLogin").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(user.get("skills").get(0).get("proficiency").asDouble()).isEqualTo(3.0);
		assertThat(
				page("?pageSize=1&expand=authorization").get("entities").get(0).get("authorization").has("unusedRoles"))
			.isFalse();
	}

	@Test
	void integrationPresenceSourceNamesThePresenceSource() {
		JsonNode user = page("?pageSize=1&expand=presence&integrationPresenceSource=MicrosoftTeams").get("entities")
			.get(0);

		assertThat(user.get("presence").get("source").asString()).isEqualTo("MicrosoftTeams");
		assertGenesysError(
				http.get("/api/v2/users?pageSize=101&expand=presence&integrationPresenceSource=ZoomPhone", token), 400,
				"bad.request");
		assertGenesysError(http.get("/api/v2/users?integrationPresenceSource=Skype", token), 400, "bad.request");
	}

	@Test
	void unknownValuesAre400WithThePlatformsBody() throws IOException {
		for (String query : List.of("expand=everything", "expand=Presence", "expand=presence,nope", "state=gone",
				"sortOrder=sideways")) {
			Http.Response response = http.get("/api/v2/users?" + query, token);
			assertGenesysError(response, 400, "bad.request");
			assertThat(response.json().get("message").asString()).as(query).isNotBlank();
		}
		assertThat(http.get("/api/v2/users?expand=everything", token).json().get("message").asString())
			.contains("everything", "presence", "biography");
		assertThat(http.get("/api/v2/users?whatever=1", token).status()).as("unknown parameters are ignored")
			.isEqualTo(200);
		assertThat(Http.raw(sandbox.port(),
				"GET /api/v2/users?expand=%zz HTTP/1.1\r\nHost: h\r\n" + "Authorization: Bearer " + token + "\r\n\r\n"))
			.startsWith("HTTP/1.1 400 ")
			.contains("bad.request");
	}

	private JsonNode page(String query) {
		Http.Response response = http.get("/api/v2/users" + query, token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<JsonNode> list(String first) {
		List<JsonNode> users = new ArrayList<>();
		String next = first;
		while (next != null) {
			JsonNode page = http.get(next, token).json();
			page.get("entities").forEach(users::add);
			next = page.has("nextUri") ? page.get("nextUri").asString() : null;
		}
		return users;
	}

	private List<String> states(String query) {
		List<String> states = new ArrayList<>();
		list("/api/v2/users?pageSize=100" + query).forEach(user -> states.add(user.get("state").asString()));
		return states;
	}

	private static List<String> ids(JsonNode page) {
		List<JsonNode> users = new ArrayList<>();
		page.get("entities").forEach(users::add);
		return ids(users);
	}

	private static List<String> ids(List<JsonNode> users) {
		List<String> ids = new ArrayList<>();
		users.forEach(user -> ids.add(user.get("id").asString()));
		return ids;
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		Collections.reverse(copy);
		return copy;
	}

}
