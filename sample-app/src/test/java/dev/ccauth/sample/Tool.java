package dev.ccauth.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ccauth.testkit.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the packaged jar as a separate process, the way a pipeline step does: arguments,
 * environment variables and a working directory in; exit code, stdout and stderr out.
 */
final class Tool {

	static final Path JAR = Path.of(System.getProperty("sample.jar", "target/ccauth-sample-app.jar")).toAbsolutePath();

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	/** The sandbox's tokens: 43 characters of base64url. */
	static final Pattern SANDBOX_TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

	private Tool() {
	}

	record Result(List<String> args, int exitCode, String stdout, String stderr) {

		List<String> stdoutLines() {
			return this.stdout.lines().toList();
		}

		@Override
		public String toString() {
			return "ccauth-sample-app " + String.join(" ", this.args) + "\n  exit code: " + this.exitCode
					+ "\n  stdout:\n" + indent(this.stdout) + "\n  stderr:\n" + indent(this.stderr);
		}

		private static String indent(String text) {
			String shown = (text.length() > 4000) ? text.substring(0, 4000) + "\n[...]" : text;
			return shown.lines().map((line) -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
		}

	}

	/**
	 * Runs the jar with exactly the given ccauth-relevant environment: every GENESYS*,
	 * CXONE*, CCAUTH*, SPRING* and GITHUB* variable of the test's own environment is
	 * removed first.
	 */
	static Result run(Map<String, String> environment, Path workingDirectory, String... args) {
		return run(List.of(), environment, workingDirectory, args);
	}

	/**
	 * As {@link #run(Map, Path, String...)}, with options for the child JVM such as
	 * {@code -Xmx24m}.
	 */
	static Result run(List<String> jvmOptions, Map<String, String> environment, Path workingDirectory, String... args) {
		return start(javaCommand(jvmOptions, args), environment, workingDirectory, args);
	}

	/**
	 * Runs the jar in a pseudo-terminal ({@code script} from util-linux), one of stdout
	 * and stderr redirected to a file inside it: what a developer's terminal gives the
	 * tool. The result's stdout and stderr are what went to the file and what the
	 * terminal showed, whichever way round.
	 * @param stderrOnTerminal whether stderr stays on the terminal (stdout then goes to
	 * the file), or stdout does
	 */
	static Result runInTerminal(boolean stderrOnTerminal, Map<String, String> environment, Path workingDirectory,
			String... args) {
		Path file = workingDirectory.resolve(stderrOnTerminal ? "terminal-stdout.txt" : "terminal-stderr.txt");
		String command = javaCommand(List.of(), args).stream().map(Tool::shellQuote).collect(Collectors.joining(" "))
				+ (stderrOnTerminal ? " > " : " 2> ") + shellQuote(file.toString()) + " < /dev/null";
		Path typescript = workingDirectory.resolve("typescript.txt");
		Result shown = start(List.of("script", "-qec", command, typescript.toString()), environment, workingDirectory,
				args);
		try {
			String redirected = Files.readString(file, StandardCharsets.UTF_8);
			String terminal = Files.readString(typescript, StandardCharsets.UTF_8).replace("\r\n", "\n");
			// script's own header and footer lines ("Script started...") are not written
			// with -q
			return stderrOnTerminal ? new Result(shown.args(), shown.exitCode(), redirected, terminal)
					: new Result(shown.args(), shown.exitCode(), terminal, redirected);
		}
		catch (IOException ex) {
			throw new IllegalStateException("script did not run the tool: " + shown, ex);
		}
	}

	private static List<String> javaCommand(List<String> jvmOptions, String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(JAR.toString());
		command.addAll(List.of(args));
		return command;
	}

	private static Result start(List<String> command, Map<String, String> environment, Path workingDirectory,
			String[] args) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("GENESYS") || name.startsWith("CXONE") || name.startsWith("CCAUTH")
					|| name.startsWith("SPRING") || name.startsWith("GITHUB") || name.startsWith("JAVA_TOOL_OPTIONS")
					|| name.startsWith("JDK_JAVA_OPTIONS"));
		builder.environment().putAll(environment);
		try {
			Path stdout = Files.createTempFile(workingDirectory, "stdout", ".txt");
			Path stderr = Files.createTempFile(workingDirectory, "stderr", ".txt");
			Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
			if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("ccauth-sample-app " + String.join(" ", args) + " did not end within " + TIMEOUT);
			}
			Result result = new Result(List.of(args), process.exitValue(),
					Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
			Files.delete(stdout);
			Files.delete(stderr);
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + command.get(0), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String shellQuote(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	/**
	 * GENESYS_* as {@code ccauth-testkit.jar --env-file} writes them: client credentials
	 * and the sandbox's endpoints.
	 */
	static Map<String, String> genesys(Sandbox sandbox) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("GENESYS_CLIENT_ID", sandbox.genesysClient().clientId());
		env.put("GENESYS_CLIENT_SECRET", sandbox.genesysClient().clientSecret());
		env.put("GENESYS_BASE_URL", sandbox.genesysBaseUrl());
		env.put("GENESYS_TOKEN_URI", sandbox.genesysTokenUri());
		return env;
	}

	/** CXONE_* for the real flow: access key, endpoints discovered from the issuer. */
	static Map<String, String> cxoneAccessKey(Sandbox sandbox) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("CXONE_CLIENT_ID", sandbox.cxoneClient().clientId());
		env.put("CXONE_CLIENT_SECRET", sandbox.cxoneClient().clientSecret());
		env.put("CXONE_ACCESS_KEY_ID", sandbox.cxoneAccessKey().id());
		env.put("CXONE_ACCESS_KEY_SECRET", sandbox.cxoneAccessKey().secret());
		env.put("CXONE_ISSUER", sandbox.cxoneIssuer());
		return env;
	}

	/**
	 * CXONE_* for the tutorial's client-credentials grant (a gateway), endpoints
	 * overridden.
	 */
	static Map<String, String> cxoneClientCredentials(Sandbox sandbox) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("CXONE_CLIENT_ID", sandbox.cxoneClient().clientId());
		env.put("CXONE_CLIENT_SECRET", sandbox.cxoneClient().clientSecret());
		env.put("CXONE_REGION", "us-east-1");
		env.put("CXONE_TOKEN_URI", sandbox.cxoneTutorialTokenUri());
		env.put("CXONE_BASE_URL", sandbox.cxoneBaseUrl());
		return env;
	}

	/** One attempt per request, so that failure tests do not wait for backoff. */
	static Map<String, String> noRetries() {
		return Map.of("CCAUTH_RETRY_MAXATTEMPTS", "1");
	}

	@SafeVarargs
	static Map<String, String> env(Map<String, String>... parts) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Map<String, String> part : parts) {
			env.putAll(part);
		}
		return env;
	}

	/** A port nothing listens on. */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Neither stream shows a credential or token (the token command's stdout is checked
	 * on its own).
	 */
	static void assertNoSecrets(Result result, Sandbox sandbox) {
		assertNoSecretsIn(result.stdout(), result, sandbox);
		assertNoSecretsIn(result.stderr(), result, sandbox);
	}

	static void assertNoSecretsIn(String text, Result result, Sandbox sandbox) {
		assertThat(text).as(result::toString)
			.doesNotContain(sandbox.genesysClient().clientSecret())
			.doesNotContain(sandbox.cxoneClient().clientSecret())
			.doesNotContain(sandbox.cxoneAccessKey().secret())
			.doesNotContainPattern(SANDBOX_TOKEN);
	}

	/** One clear line (or a few for an invalid configuration), never a stack trace. */
	static void assertNoStackTrace(Result result) {
		assertThat(result.stderr()).as(result::toString)
			.doesNotContain("\tat ")
			.doesNotContain("Exception:")
			.doesNotContain("Caused by");
	}

}
