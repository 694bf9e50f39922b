package dev.ccauth.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing, help and usage errors: decided before Spring starts, so they run in-process
 * here.
 */
class CommandLineTest {

	record Run(int exitCode, String stdout, String stderr) {
	}

	@Test
	void helpOfEveryCommandGoesToStdout() {
		for (String command : new String[] { "users", "agents", "token", "check" }) {
			for (String[] args : new String[][] { { command, "--help" }, { command, "-h" }, { "help", command } }) {
				Run run = run(args);
				assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
				assertThat(run.stdout()).startsWith("Usage: java -jar ccauth-sample-app.jar " + command)
					.contains("--sandbox", "--debug", "Exit codes:");
				assertThat(run.stderr()).isEmpty();
			}
		}
		assertThat(run("--help").stdout()).contains("users", "agents", "token", "check", "--sandbox");
	}

	@Test
	void usageErrorsExitWith2WithTheSynopsisOnStderr() {
		String[][] mistakes = { {}, { "frobnicate" }, { "user" }, { "users", "--format", "xml" },
				{ "users", "--page-size", "0" }, { "users", "--page-size", "501" }, { "users", "--page-size", "many" },
				{ "users", "extra" }, { "agents", "--page-size", "5" }, { "token" }, { "token", "--platform", "avaya" },
				{ "token", "--platform", "genesys", "--format", "yaml" },
				{ "token", "--platform", "genesys", "--output", "x.env" },
				{ "token", "--platform", "genesys", "--variable", "not a name" }, { "check", "--all" },
				{ "users", "--limit", "0" }, { "agents", "--limit", "-3" }, { "users", "--all", "--limit", "5" },
				{ "users", "--progress", "--no-progress" }, { "users", "--format", "jsonl" },
				{ "check", "--format", "csv" }, { "completion" }, { "completion", "fish" },
				{ "completion", "bash", "--name", "two words" } };
		for (String[] args : mistakes) {
			Run run = run(args);
			String description = "args " + String.join(" ", args) + "\n" + run.stderr();
			assertThat(run.exitCode()).as(description).isEqualTo(2);
			assertThat(run.stdout()).as(description).isEmpty();
			assertThat(run.stderr()).as(description)
				.startsWith("ccauth: ")
				.contains("Usage: java -jar ccauth-sample-app.jar")
				.contains("--help' for the options.");
		}
		assertThat(run("user").stderr()).contains("Did you mean").contains("users");
	}

	@Test
	void usageErrorsNameWhatIsWrong() {
		assertThat(run("users", "--all", "--limit", "5").stderr())
			.startsWith("ccauth: --all and --limit exclude each other");
		assertThat(run("agents", "--limit", "0").stderr()).startsWith("ccauth: --limit must be 1 or more, was 0.");
		assertThat(run("completion", "fish").stderr()).contains("fish").contains("bash, zsh");
	}

	@Test
	void completionNeedsNoSpringAndCoversEveryCommand() {
		Run bash = run("completion", "bash");
		assertThat(bash.exitCode()).as(bash.stderr()).isZero();
		assertThat(bash.stdout()).contains("complete -F _complete_ccauth", "users", "agents", "token", "check",
				"--page-size", "--limit", "ndjson", "--no-progress");
		assertThat(run("completion", "zsh", "--name", "cc").stdout()).contains("_complete_cc", "bashcompinit");
		assertThat(run("--help").stdout()).contains("completion").contains("--version");
	}

	@Test
	void dottedOptionsAreSpringPropertiesNotCommandOptions() {
		assertThat(SampleApp.isSpringProperty("--spring.config.location=ccauth.yml")).isTrue();
		assertThat(SampleApp.isSpringProperty("--ccauth.retry.max-attempts=2")).isTrue();
		assertThat(SampleApp.isSpringProperty("--format=json")).isFalse();
		assertThat(SampleApp.isSpringProperty("--sandbox")).isFalse();
		assertThat(SampleApp.isSpringProperty("--page-size=10")).isFalse();
		assertThat(SampleApp.isSpringProperty("ccauth.a=b")).isFalse();
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new SampleApp(new PrintWriter(out), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
		return new Run(code, out.toString(), err.toString(StandardCharsets.UTF_8));
	}

}
