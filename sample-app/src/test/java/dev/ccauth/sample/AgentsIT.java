package dev.ccauth.sample;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.sample.Tool.Result;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code agents} against a standalone sandbox: the real access-key flow and the
 * tutorial's client credentials.
 */
class AgentsIT {

	@TempDir
	Path dir;

	@Test
	void listsEveryPageWithAnAccessKeyDiscoveringTheTenant() {
		try (Sandbox sandbox = Sandbox.builder().agents(250).start()) {
			Result result = Tool.run(Tool.cxoneAccessKey(sandbox), this.dir, "agents", "--all", "--format", "json");
			assertThat(result.exitCode()).as(result::toString).isZero();
			JsonNode agents = JsonMapper.shared().readTree(result.stdout());
			assertThat(agents.size()).isEqualTo(250);
			Set<Long> ids = new HashSet<>();
			agents.forEach((agent) -> ids.add(agent.get("agentId").asLong()));
			assertThat(ids).hasSize(250);
			JsonNode first = agents.get(0);
			assertThat(first.get("agentId").asLong()).isEqualTo(30_000L);
			assertThat(first.get("emailAddress").asString()).endsWith("@ccauth-sandbox.example");
			assertThat(first.get("isActive").asBoolean()).isTrue();
			assertThat(sandbox.requestCount(Endpoint.CXONE_AGENTS)).isEqualTo(3); // 100 +
																					// 100
																					// +
																					// 50
			assertThat(sandbox.requestCount(Endpoint.CXONE_DISCOVERY)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.CXONE_TENANT_CONFIGURATION)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(1);
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void listsOnePageAsATableWithClientCredentials() {
		try (Sandbox sandbox = Sandbox.builder().agents(120).start()) {
			Result result = Tool.run(Tool.cxoneClientCredentials(sandbox), this.dir, "agents");
			assertThat(result.exitCode()).as(result::toString).isZero();
			List<String> lines = result.stdoutLines();
			assertThat(lines.get(0)).matches("ID\\s+NAME\\s+EMAIL");
			assertThat(lines).hasSize(1 + 100);
			assertThat(lines.get(1)).matches("30000\\s+Ken Thompson\\s+ken\\.thompson@ccauth-sandbox\\.example");
			assertThat(result.stderr()).contains("100 of 120 agents shown; --all lists every page.");
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void limitAsksForNoMoreThanItListsAsNdjson() {
		try (Sandbox sandbox = Sandbox.builder().agents(250).start()) {
			Result result = Tool.run(Tool.cxoneAccessKey(sandbox), this.dir, "agents", "--limit", "130", "--format",
					"ndjson");
			assertThat(result.exitCode()).as(result::toString).isZero();
			List<String> lines = result.stdoutLines();
			assertThat(lines).hasSize(130);
			assertThat(JsonMapper.shared().readTree(lines.get(129)).get("agentId").asLong()).isEqualTo(30_129L);
			List<String> queries = sandbox.recentRequests()
				.stream()
				.filter((request) -> request.endpoint() == Endpoint.CXONE_AGENTS)
				.map((request) -> request.query())
				.toList();
			assertThat(queries).hasSize(2);
			assertThat(queries.get(0)).contains("skip=0", "top=100");
			assertThat(queries.get(1)).contains("skip=100", "top=30"); // only what the
																		// limit still
																		// needs
			assertThat(result.stderr()).isEqualTo("ccauth: 130 of 250 agents shown; --all lists every page.\n");
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void anEmptyTenantAnswers204AndGivesAHeaderOnly() {
		try (Sandbox sandbox = Sandbox.builder().agents(0).start()) {
			Result result = Tool.run(Tool.cxoneAccessKey(sandbox), this.dir, "agents", "--all", "--format", "csv");
			assertThat(result.exitCode()).as(result::toString).isZero();
			assertThat(result.stdout()).isEqualTo("agentId,userName,firstName,lastName,emailAddress,isActive,teamId\n");
			assertThat(sandbox.requestCount(Endpoint.CXONE_AGENTS)).isEqualTo(1);
		}
	}

	@Test
	void missingCredentialsExitWith2NamingTheVariables() {
		Result result = Tool.run(Map.of(), this.dir, "agents");
		assertThat(result.exitCode()).as(result::toString).isEqualTo(2);
		assertThat(result.stderr()).startsWith("ccauth: No NICE CXone credentials")
			.contains("CXONE_CLIENT_ID", "CXONE_CLIENT_SECRET", "CXONE_ACCESS_KEY_ID", "CXONE_ACCESS_KEY_SECRET",
					"CXONE_ACCESS_TOKEN", "--sandbox");
		Tool.assertNoStackTrace(result);
	}

	@Test
	void aWrongAccessKeyExitsWith3() {
		try (Sandbox sandbox = Sandbox.start()) {
			Map<String, String> env = Tool.cxoneAccessKey(sandbox);
			env.put("CXONE_ACCESS_KEY_SECRET", "wrong/secret+with=reserved&chars");
			Result result = Tool.run(env, this.dir, "agents");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(3);
			assertThat(result.stderr()).startsWith("ccauth: ")
				.contains("cxone/default")
				.doesNotContain("wrong/secret+with=reserved&chars");
			assertThat(result.stderr().lines()).hasSize(1);
			Tool.assertNoStackTrace(result);
		}
	}

}
