package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.ccauth.testkit.CxoneTest.AGENTS;
import static dev.ccauth.testkit.CxoneTest.assertCxoneError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query parameters of the CXone agents API: each applied, or refused with CXone's
 * 400, never ignored.
 */
@ExtendWith(SandboxExtension.class)
class CxoneAgentsQueryTest {

	private final Sandbox sandbox;

	private final Http http;

	private final String token;

	CxoneAgentsQueryTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
		this.token = http.cxoneToken();
	}

	@Test
	void theResponseCarriesPollTimeTotalsAndLinks() {
		Instant before = Instant.now().minusMillis(1);
		JsonNode page = page("?top=10");

		assertThat(Instant.parse(page.get("lastPollTime").asString())).isBetween(before, Instant.now());
		assertThat(page.get("totalRecords").asInt()).isEqualTo(42);
		assertThat(page.get("hiddenAgents").asInt()).isZero();
		assertThat(page.get("_links").get("self").asString()).endsWith(AGENTS + "?skip=0&top=10");
		assertThat(page.get("_links").get("next").asString()).endsWith(AGENTS + "?skip=10&top=10");
	}

	@Test
	void isActiveFiltersAndAbsentListsEveryone() {
		assertThat(agents("?isActive=true")).hasSize(38)
			.allSatisfy(a -> assertThat(a.get("isActive").asBoolean()).isTrue());
		assertThat(agents("?isActive=false")).hasSize(4)
			.allSatisfy(a -> assertThat(a.get("isActive").asBoolean()).isFalse());
		assertThat(page("?isActive=FALSE").get("totalRecords").asInt()).isEqualTo(4);
		assertThat(agents("")).hasSize(42);
	}

	@Test
	void searchStringMatchesNamesAndEmailIgnoringCase() {
		List<JsonNode> found = agents("?searchString=hOPPer");

		assertThat(found).isNotEmpty()
			.allSatisfy(agent -> assertThat((agent.get("firstName").asString() + " " + agent.get("lastName").asString()
					+ " " + agent.get("emailAddress").asString())
				.toLowerCase()).contains("hopper"));
		assertThat(found.size()).isLessThan(42);
		assertThat(http.get(AGENTS + "?searchString=nobody-is-called-this", token).status()).isEqualTo(204);
	}

	@Test
	void updateSinceKeepsAgentsUpdatedFromThen() {
		Instant since = Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(40));

		List<JsonNode> recent = agents("?updateSince=" + since);

		assertThat(recent).hasSize(2)
			.allSatisfy(
					agent -> assertThat(Instant.parse(agent.get("lastUpdated").asString())).isAfterOrEqualTo(since));
		assertThat(agents("?updateSince=2024-01-02T10:00:00")).as("UTC without an offset").hasSize(8);
		assertThat(agents("?updateSince=2024-01-01T01:00:00%2B01:00")).hasSize(42);
	}

	@Test
	void orderBySortsByFieldsAndDirections() {
		List<JsonNode> byLastName = agents("?orderBy=lastName%20desc,agentId");

		List<String> lastNames = new ArrayList<>();
		byLastName.forEach(agent -> lastNames.add(agent.get("lastName").asString()));
		assertThat(lastNames).hasSize(42).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(agents("?orderBy=agentId%20DESC").get(0).get("agentId").asLong()).isEqualTo(30_041L);
		assertThat(page("?orderBy=firstName&top=5").get("_links").get("next").asString())
			.endsWith("?skip=5&top=5&orderBy=firstName");
	}

	@Test
	void fieldsProjectEveryAgentAndTheLinksKeepThem() {
		JsonNode page = page("?fields=agentId,lastName&top=40");

		assertThat(page.get("agents"))
			.allSatisfy(agent -> assertThat(agent.propertyNames()).containsExactly("agentId", "lastName"));
		assertThat(page.get("_links").get("next").asString()).endsWith("?skip=40&top=40&fields=agentId,lastName");
		assertThat(page(
				page.get("_links").get("next").asString().substring(sandbox.cxoneBaseUrl().length() + AGENTS.length()))
			.get("agents")).hasSize(2)
			.allSatisfy(agent -> assertThat(agent.propertyNames()).containsExactly("agentId", "lastName"));
	}

	@Test
	void filtersAndPagingTogether() {
		JsonNode page = page("?isActive=true&top=30&skip=30");

		assertThat(page.get("totalRecords").asInt()).isEqualTo(38);
		assertThat(page.get("agents")).hasSize(8);
		assertThat(page.get("_links").has("next")).isFalse();
		assertThat(page.get("_links").get("previous").asString()).endsWith("?skip=0&top=30&isActive=true");
	}

	@Test
	void unknownValuesAre400InCxonesShape() throws IOException {
		for (String query : List.of("isActive=maybe", "updateSince=yesterday", "orderBy=salary",
				"orderBy=lastName%20sideways", "orderBy=a%20b%20c", "fields=agentId,salary", "top=0", "skip=-1")) {
			assertCxoneError(http.get(AGENTS + "?" + query, token), 400, "invalid_request");
		}
		assertThat(http.get(AGENTS + "?fields=salary", token).json().get("errorDescription").asString())
			.contains("salary", "agentId", "lastUpdated");
		assertThat(Http.raw(sandbox.port(), "GET " + AGENTS + "?searchString=%zz HTTP/1.1\r\nHost: h\r\n"
				+ "Authorization: Bearer " + token + "\r\n\r\n"))
			.startsWith("HTTP/1.1 400 ")
			.contains("invalid_request");
	}

	private JsonNode page(String query) {
		Http.Response response = http.get(AGENTS + query, token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** Every agent the query lists, following {@code _links.next}. */
	private List<JsonNode> agents(String query) {
		List<JsonNode> agents = new ArrayList<>();
		String next = sandbox.cxoneBaseUrl() + AGENTS + (query.isEmpty() ? "?top=10" : query + "&top=10");
		while (next != null) {
			Http.Response response = http.get(next, token);
			if (response.status() == 204) {
				break;
			}
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode page = response.json();
			page.get("agents").forEach(agents::add);
			next = page.get("_links").has("next") ? page.get("_links").get("next").asString() : null;
		}
		return agents;
	}

}
