package dev.ccauth.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.sample.Tool.Result;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Platform;
import dev.ccauth.testkit.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code token}: every hand-over format, and a later step that uses the token without a
 * token request.
 */
class TokenIT {

	@TempDir
	Path dir;

	@Test
	void githubHandOffMasksTheTokenAndALaterStepMakesNoTokenRequest() throws Exception {
		try (Sandbox sandbox = Sandbox.start()) {
			Path githubEnv = Files.writeString(this.dir.resolve("github_env"), "EARLIER=kept\n");
			Result mint = Tool.run(Tool.env(Tool.genesys(sandbox), Map.of("GITHUB_ENV", githubEnv.toString())),
					this.dir, "token", "--platform", "genesys", "--format", "github");
			assertThat(mint.exitCode()).as(mint::toString).isZero();
			assertThat(mint.stdoutLines()).hasSize(1);
			String token = mint.stdoutLines().get(0).substring("::add-mask::".length());
			assertThat(mint.stdout()).isEqualTo("::add-mask::" + token + "\n");
			assertThat(token).matches(Tool.SANDBOX_TOKEN);
			List<String> lines = Files.readAllLines(githubEnv);
			assertThat(lines).hasSize(3);
			assertThat(lines.get(0)).isEqualTo("EARLIER=kept");
			assertThat(lines.get(1)).isEqualTo("GENESYS_ACCESS_TOKEN=" + token);
			assertThat(lines.get(2)).startsWith("GENESYS_ACCESS_TOKEN_EXPIRES_AT=");
			Instant expiresAt = Instant.parse(lines.get(2).substring(lines.get(2).indexOf('=') + 1));
			assertThat(Duration.between(Instant.now(), expiresAt).toSeconds()).isCloseTo(3600, within(120L));
			assertThat(mint.stderr()).contains("GENESYS_ACCESS_TOKEN").doesNotContain(token);
			Tool.assertNoSecrets(new Result(mint.args(), 0, "", mint.stderr()), sandbox);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);

			// a later step: the variables of $GITHUB_ENV, the endpoints, no credentials
			sandbox.reset();
			Map<String, String> later = Map.of("GENESYS_ACCESS_TOKEN", token, "GENESYS_BASE_URL",
					sandbox.genesysBaseUrl(), "GENESYS_TOKEN_URI", sandbox.genesysTokenUri());
			Result users = Tool.run(later, this.dir, "users", "--all", "--format", "csv");
			assertThat(users.exitCode()).as(users::toString).isZero();
			assertThat(users.stdoutLines()).hasSize(1 + 137);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
			assertThat(sandbox.requestCountForToken(token)).isEqualTo(2);
			Tool.assertNoSecrets(users, sandbox);
		}
	}

	@Test
	void githubFormatOutsideGithubActionsExitsWith2() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.genesys(sandbox), this.dir, "token", "--platform", "genesys", "--format",
					"github");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(2);
			assertThat(result.stdout()).isEmpty();
			assertThat(result.stderr()).contains("GITHUB_ENV");
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
		}
	}

	@Test
	void rawPrintsTheTokenAloneAndItWorks() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.genesys(sandbox), this.dir, "token", "--platform", "genesys");
			assertThat(result.exitCode()).as(result::toString).isZero();
			assertThat(result.stdout()).matches("[A-Za-z0-9_-]{43}\n");
			assertThat(result.stderr()).isEmpty();
			assertThat(sandbox.tokensIssued(Platform.GENESYS)).isEqualTo(1);
		}
	}

	@Test
	void envPrintsExportLines() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.cxoneAccessKey(sandbox), this.dir, "token", "--platform", "cxone", "--format",
					"env");
			assertThat(result.exitCode()).as(result::toString).isZero();
			List<String> lines = result.stdoutLines();
			assertThat(lines).hasSize(2);
			assertThat(lines.get(0)).matches("export CXONE_ACCESS_TOKEN='[A-Za-z0-9_-]{43}'");
			assertThat(lines.get(1))
				.matches("export CXONE_ACCESS_TOKEN_EXPIRES_AT='\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ'");
			Tool.assertNoSecretsIn(result.stderr(), result, sandbox);
		}
	}

	@Test
	void jsonGivesTokenPlatformRegistrationExpiryAndScope() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.cxoneClientCredentials(sandbox), this.dir, "token", "--platform", "cxone",
					"--format", "json");
			assertThat(result.exitCode()).as(result::toString).isZero();
			JsonNode json = JsonMapper.shared().readTree(result.stdout());
			assertThat(json.get("token").asString()).matches(Tool.SANDBOX_TOKEN);
			assertThat(json.get("platform").asString()).isEqualTo("cxone");
			assertThat(json.get("registration").asString()).isEqualTo("default");
			assertThat(Instant.parse(json.get("expires_at").asString())).isAfter(Instant.now());
			assertThat(json.get("scope").asString()).isEqualTo("urn:nice:cxa:read urn:nice:cxa:write");
			Tool.assertNoSecretsIn(result.stderr(), result, sandbox);
		}
	}

	@Test
	void gitlabWritesADotenvFileForBothPlatforms() throws Exception {
		try (Sandbox sandbox = Sandbox.start()) {
			Map<String, String> env = Tool.env(Tool.genesys(sandbox), Tool.cxoneAccessKey(sandbox));
			Result genesys = Tool.run(env, this.dir, "token", "--platform", "genesys", "--format", "gitlab");
			assertThat(genesys.exitCode()).as(genesys::toString).isZero();
			assertThat(genesys.stdout()).isEmpty();
			assertThat(genesys.stderr()).contains("ccauth.env").contains("artifacts:reports:dotenv");
			Result cxone = Tool.run(env, this.dir, "token", "--platform", "cxone", "--format", "gitlab");
			assertThat(cxone.exitCode()).as(cxone::toString).isZero();
			List<String> lines = Files.readAllLines(this.dir.resolve("ccauth.env"));
			assertThat(lines).hasSize(4);
			assertThat(lines.get(0)).matches("GENESYS_ACCESS_TOKEN=[A-Za-z0-9_-]{43}");
			assertThat(lines.get(1)).startsWith("GENESYS_ACCESS_TOKEN_EXPIRES_AT=");
			assertThat(lines.get(2)).matches("CXONE_ACCESS_TOKEN=[A-Za-z0-9_-]{43}");
			assertThat(lines.get(3)).startsWith("CXONE_ACCESS_TOKEN_EXPIRES_AT=");
			Tool.assertNoSecrets(genesys, sandbox);
			Tool.assertNoSecrets(cxone, sandbox);
		}
	}

	@Test
	void aHandedOverTokenThatWasRevokedExitsWith3() throws Exception {
		try (Sandbox sandbox = Sandbox.start()) {
			String token = mintGenesysToken(sandbox);
			sandbox.revokeToken(token);
			Result result = Tool.run(
					Map.of("GENESYS_ACCESS_TOKEN", token, "GENESYS_BASE_URL", sandbox.genesysBaseUrl()), this.dir,
					"users");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(3);
			assertThat(result.stderr()).startsWith("ccauth: ").doesNotContain(token);
			assertThat(result.stderr().lines()).hasSize(1);
			Tool.assertNoStackTrace(result);
		}
	}

	/**
	 * A token from the sandbox's token endpoint, as another tool would have minted it.
	 */
	private static String mintGenesysToken(Sandbox sandbox) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((sandbox.genesysClient().clientId() + ":" + sandbox.genesysClient().clientSecret())
				.getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.genesysTokenUri()))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
	}

}
