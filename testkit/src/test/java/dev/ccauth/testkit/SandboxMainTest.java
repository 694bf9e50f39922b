package dev.ccauth.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxMainTest {

	@Test
	void parsesOptions() throws Exception {
		SandboxMain.Options options = SandboxMain
			.parse(new String[] { "--port", "8089", "--https", "--users", "5", "--inactive-users", "1",
					"--deleted-users", "0", "--agents", "0", "--token-lifetime", "60", "--env-file", "x.env" });

		assertThat(options)
			.isEqualTo(new SandboxMain.Options(8089, true, 5, 1, 0, 0, Duration.ofSeconds(60), Path.of("x.env")));
		assertThat(SandboxMain.parse(new String[0]))
			.isEqualTo(new SandboxMain.Options(0, false, 137, 3, 2, 42, Duration.ofHours(1), null));
		assertThat(SandboxMain.parse(new String[] { "--help" })).isNull();
	}

	@Test
	void refusesBadArguments() {
		for (String[] args : List.of(new String[] { "--port" }, new String[] { "--port", "http" },
				new String[] { "--port", "70000" }, new String[] { "--users", "-1" }, new String[] { "--verbose" },
				new String[] { "--deleted-users", "x" }, new String[] { "--env-file", "--https" })) {
			assertThatThrownBy(() -> SandboxMain.parse(args)).as(String.join(" ", args))
				.isInstanceOf(SandboxMain.UsageException.class);
		}
	}

	@Test
	void shellQuotingKeepsEveryCharacter() {
		assertThat(SandboxMain.shellQuote("a$b&c=d+e/f%g")).isEqualTo("'a$b&c=d+e/f%g'");
		assertThat(SandboxMain.shellQuote("it's")).isEqualTo("'it'\\''s'");
	}

	@Test
	void theEnvironmentPointsAtTheSandbox(@TempDir Path dir) throws Exception {
		try (Sandbox https = Sandbox.builder().https(true).start()) {
			Path file = dir.resolve("sandbox.env");
			SandboxMain.writeEnvFile(https, file);

			String text = Files.readString(file);
			assertThat(text).contains("GENESYS_TOKEN_URI='" + https.genesysTokenUri() + "'")
				.contains("SANDBOX_CA_FILE='" + https.caCertificateFile().toAbsolutePath() + "'");
			assertThat(SandboxMain.environment(https)).containsOnlyKeys("GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET",
					"GENESYS_BASE_URL", "GENESYS_TOKEN_URI", "CXONE_CLIENT_ID", "CXONE_CLIENT_SECRET",
					"CXONE_ACCESS_KEY_ID", "CXONE_ACCESS_KEY_SECRET", "CXONE_ISSUER", "SANDBOX_CA_FILE");
			if (Files.isExecutable(Path.of("/bin/sh"))) {
				Process shell = new ProcessBuilder("/bin/sh", "-c",
						"set -a; . \"$0\"; set +a; printf '%s\\n' \"$CXONE_ACCESS_KEY_SECRET\" \"$GENESYS_BASE_URL\"",
						file.toString())
					.start();
				String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(shell.waitFor()).isZero();
				assertThat(out).isEqualTo(https.cxoneAccessKey().secret() + "\n" + https.baseUrl() + "\n");
			}
		}
	}

	@Test
	void runsStandaloneUntilDestroyed(@TempDir Path dir) throws Exception {
		Path envFile = dir.resolve("sandbox.env");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SandboxMain.class.getName(), "--port", "0", "--users", "7",
				"--inactive-users", "4", "--env-file", envFile.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			List<String> banner = new ArrayList<>();
			BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String baseUrl = CompletableFuture.supplyAsync(() -> {
				try {
					for (String line; (line = out.readLine()) != null;) {
						banner.add(line);
						if (line.startsWith("Base URL: ")) {
							return line.substring("Base URL: ".length());
						}
					}
					return null;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).get(20, TimeUnit.SECONDS);

			assertThat(baseUrl).as(String.join("\n", banner)).matches("http://127\\.0\\.0\\.1:\\d+");
			assertThat(envFile).exists();
			assertThat(Files.readString(envFile)).contains("GENESYS_BASE_URL='" + baseUrl + "'");

			Map<String, String> env = readEnvFile(envFile);
			Http.Response users = listUsers(env, "");
			assertThat(users.status()).isEqualTo(200);
			assertThat(users.json().get("total").asInt()).isEqualTo(7);
			assertThat(listUsers(env, "?state=any").json().get("total").asInt()).as("7 + 4 inactive + 2 deleted")
				.isEqualTo(13);
		}
		finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		assertThat(process.isAlive()).isFalse();
	}

	@Test
	void badArgumentsExitWith2() throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SandboxMain.class.getName(), "--nonsense")
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
		assertThat(err).contains("unknown argument --nonsense").contains("usage:");
	}

	/**
	 * What {@code set -a; . FILE} would export (values are single-quoted without inner
	 * quotes).
	 */
	private static Map<String, String> readEnvFile(Path file) throws IOException {
		Map<String, String> env = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			int eq = line.indexOf('=');
			if (!line.startsWith("#") && eq > 0) {
				env.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
			}
		}
		return env;
	}

	/**
	 * A pipeline step using the sandbox of another process with the credentials of its
	 * env file.
	 */
	private static Http.Response listUsers(Map<String, String> env, String query) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(env.get("GENESYS_TOKEN_URI")))
			.header("Authorization", Http.basic(env.get("GENESYS_CLIENT_ID"), env.get("GENESYS_CLIENT_SECRET")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(200);
		String accessToken = Http.JSON.readTree(token.body()).get("access_token").asString();
		HttpResponse<String> users = client
			.send(HttpRequest.newBuilder(URI.create(env.get("GENESYS_BASE_URL") + "/api/v2/users" + query))
				.header("Authorization", "Bearer " + accessToken)
				.build(), HttpResponse.BodyHandlers.ofString());
		return new Http.Response(users.statusCode(), users.headers(), users.body());
	}

}
