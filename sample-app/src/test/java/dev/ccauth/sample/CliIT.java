package dev.ccauth.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.sample.Tool.Result;
import dev.ccauth.testkit.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, usage errors and --sandbox: what works without any credentials. */
class CliIT {

	@TempDir
	Path dir;

	@Test
	void helpGoesToStdoutWithExitCode0() {
		Result top = Tool.run(Map.of(), this.dir, "--help");
		assertThat(top.exitCode()).as(top::toString).isZero();
		assertThat(top.stdout()).contains("users", "agents", "token", "check", "Exit codes:");
		assertThat(top.stderr()).isEmpty();
		Result users = Tool.run(Map.of(), this.dir, "users", "--help");
		assertThat(users.exitCode()).as(users::toString).isZero();
		assertThat(users.stdout()).startsWith("Usage: java -jar ccauth-sample-app.jar users")
			.contains("--page-size", "--all", "--format", "--registration", "--sandbox", "--debug");
		assertThat(users.stderr()).isEmpty();
	}

	@Test
	void versionComesFromTheJarsManifest() {
		Result result = Tool.run(Map.of(), this.dir, "--version");
		assertThat(result.exitCode()).as(result::toString).isZero();
		assertThat(result.stdoutLines().get(0)).isEqualTo("ccauth-sample-app " + System.getProperty("ccauth.version"));
		assertThat(result.stdoutLines().get(1)).startsWith("Java " + System.getProperty("java.version"));
		assertThat(result.stderr()).isEmpty();
	}

	@Test
	void bashCompletesCommandsOptionsAndValuesFromTheGeneratedScript() throws Exception {
		Result script = Tool.run(Map.of(), this.dir, "completion", "bash");
		assertThat(script.exitCode()).as(script::toString).isZero();
		Path file = Files.writeString(this.dir.resolve("ccauth.bash"), script.stdout());
		assertThat(complete(file, "ccauth", "us")).containsExactly("users");
		assertThat(complete(file, "ccauth", "users", "--li")).containsExactly("--limit");
		assertThat(complete(file, "ccauth", "users", "--format", "")).containsExactly("table", "json", "ndjson", "csv");
		assertThat(complete(file, "ccauth", "check", "--format", "")).containsExactly("table", "json");
		assertThat(complete(file, "ccauth", "completion", "")).contains("bash", "zsh");
	}

	/**
	 * What bash's completion function offers for the words, the last one being completed.
	 */
	private List<String> complete(Path script, String... words) throws Exception {
		String line = String.join(" ", words);
		String quoted = Arrays.stream(words).map(Tool::shellQuote).collect(Collectors.joining(" "));
		String program = "source " + Tool.shellQuote(script.toString()) + "; COMP_WORDS=(" + quoted + "); COMP_CWORD="
				+ (words.length - 1) + "; COMP_LINE=" + Tool.shellQuote(line) + "; COMP_POINT=" + line.length()
				+ "; _complete_ccauth; printf '%s\\n' \"${COMPREPLY[@]}\"";
		Process bash = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor()).isZero();
		return out.lines().filter((candidate) -> !candidate.isBlank()).toList();
	}

	@Test
	void usageErrorsExitWith2WithTheUsageOnStderr() {
		// the whole matrix runs in-process in CommandLineTest; here the packaged jar,
		// once per kind
		for (String[] args : new String[][] { { "frobnicate" }, { "users", "--format", "xml" } }) {
			Result result = Tool.run(Map.of(), this.dir, args);
			assertThat(result.exitCode()).as(result::toString).isEqualTo(2);
			assertThat(result.stdout()).as(result::toString).isEmpty();
			assertThat(result.stderr()).as(result::toString)
				.startsWith("ccauth: ")
				.contains("Usage: java -jar ccauth-sample-app.jar");
		}
	}

	@Test
	void sandboxWorksWithoutAnyVariables() {
		Result users = Tool.run(Map.of(), this.dir, "users", "--sandbox", "--all", "--format", "json");
		assertThat(users.exitCode()).as(users::toString).isZero();
		assertThat(JsonMapper.shared().readTree(users.stdout()).size()).isEqualTo(137);
		assertThat(users.stderr()).contains("--sandbox").contains("No real Genesys Cloud or NICE CXone org is used.");

		Result agents = Tool.run(Map.of(), this.dir, "--sandbox", "agents", "--format", "csv");
		assertThat(agents.exitCode()).as(agents::toString).isZero();
		assertThat(agents.stdoutLines()).hasSize(1 + 42);
		assertThat(agents.stderr()).contains("No real Genesys Cloud or NICE CXone org is used.");
	}

	@Test
	void sandboxPointsEveryRegistrationAtItselfWhateverTheEnvironmentSays() {
		String closed = "http://127.0.0.1:" + Tool.closedPort();
		Map<String, String> elsewhere = Map.of("GENESYS_CLIENT_ID", "real-client", "GENESYS_CLIENT_SECRET",
				"real-secret-value", "GENESYS_BASE_URL", closed, "GENESYS_TOKEN_URI", closed + "/oauth/token",
				"CXONE_ACCESS_TOKEN", "a-real-handed-over-token");
		Result result = Tool.run(elsewhere, this.dir, "check", "--sandbox",
				"--ccauth.genesys.prod.client-id=prod-client", "--ccauth.genesys.prod.client-secret=prod-secret-value",
				"--ccauth.genesys.prod.region=eu-west-1");
		assertThat(result.exitCode()).as(result::toString).isZero();
		assertThat(result.stdout())
			.contains("genesys/default  Genesys Cloud  OK", "genesys/prod  Genesys Cloud  OK",
					"cxone/default  NICE CXone  OK", "3 registrations checked: all OK")
			.doesNotContain(closed);
		assertThat(result.stdout() + result.stderr()).doesNotContain("real-secret-value", "prod-secret-value",
				"a-real-handed-over-token");
	}

	@Test
	void readsTheUsersApplicationYmlAndPicksTheRegistration() throws Exception {
		try (Sandbox sandbox = Sandbox.start()) {
			// application.yml in the working directory, as Spring Boot reads it, with two
			// registrations
			Files.writeString(this.dir.resolve("application.yml"),
					String.join("\n", "ccauth:", "  genesys:", "    prod:", "      client-id: ${GENESYS_CLIENT_ID}",
							"      client-secret: ${GENESYS_CLIENT_SECRET}",
							"      token-uri: " + sandbox.genesysTokenUri(),
							"      base-url: " + sandbox.genesysBaseUrl(), "    staging:",
							"      client-id: staging-client", "      client-secret: staging-secret-value",
							"      token-uri: http://127.0.0.1:" + Tool.closedPort() + "/oauth/token",
							"      base-url: http://127.0.0.1:" + Tool.closedPort(), ""));
			Map<String, String> env = Map.of("GENESYS_CLIENT_ID", sandbox.genesysClient().clientId(),
					"GENESYS_CLIENT_SECRET", sandbox.genesysClient().clientSecret());
			Result ambiguous = Tool.run(env, this.dir, "users");
			assertThat(ambiguous.exitCode()).as(ambiguous::toString).isEqualTo(2);
			assertThat(ambiguous.stderr()).contains("several Genesys Cloud registrations (prod, staging)")
				.contains("--registration NAME");

			Result prod = Tool.run(env, this.dir, "users", "--registration", "prod", "--page-size", "3", "--format",
					"csv");
			assertThat(prod.exitCode()).as(prod::toString).isZero();
			assertThat(prod.stdoutLines()).hasSize(1 + 3);
			Tool.assertNoSecrets(prod, sandbox);
		}
	}

	@Test
	void tokenFromTheSandboxIsTheOnlyOutputOfTokenRaw() {
		Result result = Tool.run(Map.of(), this.dir, "token", "--sandbox", "--platform", "cxone");
		assertThat(result.exitCode()).as(result::toString).isZero();
		assertThat(result.stdout()).matches("[A-Za-z0-9_-]{43}\n");
		assertThat(result.stderr()).contains("No real Genesys Cloud or NICE CXone org is used.")
			.doesNotContainPattern(Tool.SANDBOX_TOKEN);
	}

}
