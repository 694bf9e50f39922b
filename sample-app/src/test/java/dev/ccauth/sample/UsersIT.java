package dev.ccauth.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.sample.Tool.Result;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Malformation;
import dev.ccauth.testkit.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users} against a standalone sandbox, credentials passed as a pipeline passes
 * them.
 */
class UsersIT {

	@TempDir
	Path dir;

	@Test
	void listsOnePageAsATableByDefault() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.genesys(sandbox), this.dir, "users");
			assertThat(result.exitCode()).as(result::toString).isZero();
			List<String> lines = result.stdoutLines();
			assertThat(lines.get(0)).matches("NAME\\s+EMAIL");
			assertThat(lines).hasSize(1 + 100);
			assertThat(lines.get(1)).matches("Ada Lovelace\\s+ada\\.lovelace@ccauth-sandbox\\.example");
			assertThat(result.stderr()).contains("100 of 137 users shown; --all lists every page.");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void listsOnePageAsAJsonArray() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.genesys(sandbox), this.dir, "users", "--page-size", "7", "--format", "json");
			assertThat(result.exitCode()).as(result::toString).isZero();
			JsonNode users = JsonMapper.shared().readTree(result.stdout());
			assertThat(users.isArray()).isTrue();
			assertThat(users.size()).isEqualTo(7);
			JsonNode first = users.get(0);
			assertThat(first.get("name").asString()).isEqualTo("Ada Lovelace");
			assertThat(first.get("email").asString()).isEqualTo("ada.lovelace@ccauth-sandbox.example");
			assertThat(first.get("state").asString()).isEqualTo("active");
			assertThat(first.get("id").asString()).hasSize(36);
			// streamed: one user per line between the brackets
			assertThat(result.stdoutLines()).hasSize(7 + 2).startsWith("[").endsWith("]");
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void listsEveryPageOfAThousandUsersAsCsvEachUserOnce() {
		try (Sandbox sandbox = Sandbox.builder().users(1_000).start()) {
			Result result = Tool.run(Tool.genesys(sandbox), this.dir, "users", "--all", "--format", "csv",
					"--page-size", "90");
			assertThat(result.exitCode()).as(result::toString).isZero();
			List<String> lines = result.stdoutLines();
			assertThat(lines.get(0)).isEqualTo("id,name,email,state");
			assertThat(lines).hasSize(1 + 1_000);
			Set<String> ids = new HashSet<>();
			Set<String> emails = new HashSet<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.split(",");
				assertThat(fields).as(line).hasSize(4);
				ids.add(fields[0]);
				emails.add(fields[2]);
			}
			assertThat(ids).hasSize(1_000);
			assertThat(emails).hasSize(1_000);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(12); // ceil(1000
																					// /
																					// 90)
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			// stderr is not a terminal: no progress line, no note
			assertThat(result.stderr()).isEmpty();
		}
	}

	@Test
	void ndjsonIsOneUserPerLineAndLimitReadsOnlyThePagesItNeeds() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.genesys(sandbox), this.dir, "users", "--limit", "120", "--page-size", "50",
					"--format", "ndjson");
			assertThat(result.exitCode()).as(result::toString).isZero();
			List<String> lines = result.stdoutLines();
			assertThat(lines).hasSize(120);
			Set<String> ids = new HashSet<>();
			for (String line : lines) {
				JsonNode user = JsonMapper.shared().readTree(line);
				assertThat(user.isObject()).as(line).isTrue();
				ids.add(user.get("id").asString());
			}
			assertThat(ids).hasSize(120);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(3); // 50 +
																					// 50
																					// +
																					// 20
																					// of
																					// the
																					// third
			assertThat(result.stderr()).isEqualTo("ccauth: 120 of 137 users shown; --all lists every page.\n");
			Tool.assertNoSecrets(result, sandbox);

			sandbox.reset();
			Result small = Tool.run(Tool.genesys(sandbox), this.dir, "users", "--limit", "3", "--format", "csv");
			assertThat(small.stdoutLines()).hasSize(1 + 3);
			assertThat(sandbox.recentRequests()).filteredOn((request) -> request.endpoint() == Endpoint.GENESYS_USERS)
				.singleElement()
				.satisfies((request) -> assertThat(request.query()).contains("pageSize=3"));
		}
	}

	@Test
	void progressGoesToStderrOnlyWhenStderrIsATerminalUnlessForced() {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script runs a terminal");
		try (Sandbox sandbox = Sandbox.start()) {
			String[] args = { "users", "--all", "--page-size", "40", "--format", "csv" };
			Result terminal = Tool.runInTerminal(true, Tool.genesys(sandbox), this.dir, args);
			assertThat(terminal.exitCode()).as(terminal::toString).isZero();
			assertThat(terminal.stdoutLines()).hasSize(1 + 137).doesNotContain("users: ");
			assertThat(terminal.stderr()).contains("users: 40 of 137, page 1 of 4...\r",
					"users: 120 of 137, page 3 of 4...");

			// stdout on the terminal, stderr to a file: a log, so no progress
			// (System.console() said otherwise)
			Result logged = Tool.runInTerminal(false, Tool.genesys(sandbox), this.dir, args);
			assertThat(logged.exitCode()).as(logged::toString).isZero();
			assertThat(logged.stderr()).isEmpty();

			Result forcedOff = Tool.runInTerminal(true, Tool.genesys(sandbox), this.dir, append(args, "--no-progress"));
			assertThat(forcedOff.stderr()).doesNotContain("users: ");

			Result forcedOn = Tool.run(Tool.genesys(sandbox), this.dir, append(args, "--progress"));
			assertThat(forcedOn.stdoutLines()).hasSize(1 + 137);
			assertThat(forcedOn.stderr()).contains("users: 80 of 137, page 2 of 4...\r");
			Tool.assertNoSecrets(terminal, sandbox);
			Tool.assertNoSecrets(forcedOn, sandbox);
		}
	}

	private static String[] append(String[] args, String arg) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = arg;
		return all;
	}

	@Test
	void streamsAHundredThousandUsersThroughASmallHeap() {
		// holding the directory would take some 25 MB of users: the listing must stream
		// page by page
		try (Sandbox sandbox = Sandbox.builder().users(100_000).start()) {
			Result result = Tool.run(List.of("-Xmx24m"), Tool.genesys(sandbox), this.dir, "users", "--all",
					"--page-size", "500", "--format", "json");
			assertThat(result.exitCode()).as(result::toString).isZero();
			assertThat(result.stdout().lines().count()).isEqualTo(100_000 + 2);
			assertThat(result.stdout()).endsWith("\n]\n");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(200);
		}
	}

	@Test
	void badCredentialsExitWith3AndOneLine() {
		try (Sandbox sandbox = Sandbox.start()) {
			Map<String, String> env = Tool.genesys(sandbox);
			env.put("GENESYS_CLIENT_SECRET", "not-the-secret");
			Result result = Tool.run(env, this.dir, "users");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(3);
			assertThat(result.stdout()).isEmpty();
			assertThat(result.stderr().lines()).as(result::toString).hasSize(1);
			assertThat(result.stderr()).startsWith("ccauth: ")
				.contains("genesys/default")
				.contains("401")
				.doesNotContain("not-the-secret");
			Tool.assertNoStackTrace(result);
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void forbiddenExitsWith3() {
		try (Sandbox sandbox = Sandbox.start()) {
			sandbox.failNext(Endpoint.GENESYS_USERS, 1, 403);
			Result result = Tool.run(Tool.genesys(sandbox), this.dir, "users");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(3);
			assertThat(result.stdout()).isEmpty();
			assertThat(result.stderr()).startsWith("ccauth: ").contains("403");
			assertThat(result.stderr().lines()).hasSize(1);
			Tool.assertNoStackTrace(result);
		}
	}

	@Test
	void serverErrorsExitWith1() {
		try (Sandbox sandbox = Sandbox.start()) {
			sandbox.failNext(Endpoint.GENESYS_USERS, 5, 503);
			Result result = Tool.run(Tool.env(Tool.genesys(sandbox), Tool.noRetries()), this.dir, "users", "--format",
					"json");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(1);
			assertThat(result.stderr()).startsWith("ccauth: ").contains("503");
			assertThat(result.stderr().lines()).hasSize(1);
			Tool.assertNoStackTrace(result);
		}
	}

	@Test
	void aPageThatIsNotJsonOrCutShortExitsWith1() {
		try (Sandbox sandbox = Sandbox.start()) {
			sandbox.malformNext(Endpoint.GENESYS_USERS, 1, Malformation.NOT_JSON);
			Result html = Tool.run(Tool.env(Tool.genesys(sandbox), Tool.noRetries()), this.dir, "users");
			assertThat(html.exitCode()).as(html::toString).isEqualTo(1);
			assertThat(html.stdout()).isEmpty();
			assertThat(html.stderr()).startsWith("ccauth: GET " + sandbox.genesysBaseUrl() + "/api/v2/users")
				.contains("where JSON was expected");
			assertThat(html.stderr().lines()).as(html::toString).hasSize(1);
			Tool.assertNoSecrets(html, sandbox);

			sandbox.malformNext(Endpoint.GENESYS_USERS, 1, Malformation.TRUNCATED);
			Result truncated = Tool.run(Tool.env(Tool.genesys(sandbox), Tool.noRetries()), this.dir, "users");
			assertThat(truncated.exitCode()).as(truncated::toString).isEqualTo(1);
			assertThat(truncated.stderr()).startsWith("ccauth: an answer could not be read");
			assertThat(truncated.stderr().lines()).as(truncated::toString).hasSize(1);
		}
	}

	@Test
	void unreachableSandboxExitsWith1() {
		String closed = "http://127.0.0.1:" + Tool.closedPort();
		Map<String, String> env = Map.of("GENESYS_CLIENT_ID", "some-client", "GENESYS_CLIENT_SECRET",
				"some-secret-value", "GENESYS_BASE_URL", closed, "GENESYS_TOKEN_URI", closed + "/oauth/token");
		Result result = Tool.run(Tool.env(env, Tool.noRetries()), this.dir, "users");
		assertThat(result.exitCode()).as(result::toString).isEqualTo(1);
		assertThat(result.stderr()).startsWith("ccauth: ").contains(closed).doesNotContain("some-secret-value");
		assertThat(result.stderr().lines()).hasSize(1);
		Tool.assertNoStackTrace(result);

		Result debug = Tool.run(Tool.env(env, Tool.noRetries()), this.dir, "users", "--debug");
		assertThat(debug.exitCode()).as(debug::toString).isEqualTo(1);
		assertThat(debug.stderr()).as(debug::toString).contains("\tat ").doesNotContain("some-secret-value");
	}

	@Test
	void missingCredentialsExitWith2NamingTheVariables() {
		Result result = Tool.run(Map.of(), this.dir, "users");
		assertThat(result.exitCode()).as(result::toString).isEqualTo(2);
		assertThat(result.stdout()).isEmpty();
		assertThat(result.stderr()).startsWith("ccauth: No Genesys Cloud credentials")
			.contains("GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET", "GENESYS_REGION", "GENESYS_ACCESS_TOKEN",
					"--sandbox");
		Tool.assertNoStackTrace(result);
	}

	@Test
	void invalidConfigurationExitsWith2WithProblemsAndFixes() {
		Result result = Tool.run(Map.of("GENESYS_CLIENT_ID", "only-the-id", "GENESYS_REGION", "mars-north-1"), this.dir,
				"users");
		assertThat(result.exitCode()).as(result::toString).isEqualTo(2);
		assertThat(result.stderr()).startsWith("ccauth: the configuration is invalid:")
			.contains("ccauth.genesys.default.client-secret: is missing.")
			.contains("fix: Set ccauth.genesys.default.client-secret (from the environment: GENESYS_CLIENT_SECRET")
			.contains("ccauth.genesys.default.region: 'mars-north-1'");
		Tool.assertNoStackTrace(result);

		Result unreadable = Tool.run(Map.of(), this.dir, "users", "--ccauth.retry.max-attempts=often",
				"--spring.config.location=optional:file:./absent.yml");
		assertThat(unreadable.exitCode()).as(unreadable::toString).isEqualTo(2);
		assertThat(unreadable.stderr()).startsWith("ccauth: the configuration is invalid: ")
			.contains("ccauth.retry")
			.contains("often");
		assertThat(unreadable.stderr().lines()).hasSize(1);

		Result missingFile = Tool.run(Map.of(), this.dir, "users", "--spring.config.location=file:./absent.yml");
		assertThat(missingFile.exitCode()).as(missingFile::toString).isEqualTo(2);
		assertThat(missingFile.stderr()).startsWith("ccauth: the configuration cannot be read: ")
			.contains("absent.yml");
	}

}
