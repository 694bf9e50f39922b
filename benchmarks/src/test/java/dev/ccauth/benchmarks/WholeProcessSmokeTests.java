package dev.ccauth.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.ccauth.benchmarks.WholeProcess.Outcome;
import dev.ccauth.benchmarks.WholeProcess.Row;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-process harness end to end, CI-sized: one round of the sample app as the
 * recipes run it (its archive made by {@code ccauth-cds.sh}) and of the Python script,
 * against the standalone HTTPS sandbox. It asserts what is deterministic (every run
 * listed the users), never a timing.
 */
class WholeProcessSmokeTests {

	static final Path SAMPLE_JAR = Path.of("../sample-app/target/ccauth-sample-app.jar");

	static final Path TESTKIT_JAR = Path.of("../testkit/target/ccauth-testkit.jar");

	static final Path CDS_SCRIPT = Path.of("../ci-recipes/ccauth-cds.sh");

	@Test
	void theRecipesJavaAndThePythonScriptListTheUsersOverHttps() throws Exception {
		// the jars come from the reactor's earlier modules: ./mvnw verify builds them
		// before this one
		Assumptions.assumeTrue(Files.isRegularFile(SAMPLE_JAR) && Files.isRegularFile(TESTKIT_JAR),
				"the sample app's and the testkit's jars are built");
		Outcome outcome = new WholeProcess(WholeProcess.Settings.smoke(SAMPLE_JAR, TESTKIT_JAR, CDS_SCRIPT), null)
			.run();

		Row java = outcome.rows()
			.stream()
			.filter((row) -> row.variant().key().equals("java17-recipe"))
			.findFirst()
			.orElseThrow();
		assertThat(java.skipped()).isNull();
		assertThat(java.variant().command())
			.anyMatch((word) -> word.startsWith("-XX:SharedArchiveFile=") || word.startsWith("-XX:AOTCache="));
		assertThat(java.samples()).hasSize(1).allMatch(WholeProcess.Sample::ok);
		Row python = outcome.rows()
			.stream()
			.filter((row) -> row.variant().key().equals("python"))
			.findFirst()
			.orElseThrow();
		if (python.skipped() == null) {
			assertThat(python.samples()).as(String.valueOf(python.lastFailure()))
				.hasSize(1)
				.allMatch(WholeProcess.Sample::ok);
		}
		else {
			assertThat(python.skipped()).contains("python3");
		}

		String markdown = WholeProcessReport.markdown(outcome, "smoke", OffsetDateTime.now());
		assertThat(markdown).contains("| Java 17 as the recipes run it (CDS archive, quick JIT) |", "Targets met: ");
	}

	@Test
	void eachRunRewritesOnlyItsOwnSectionOfTheResults() {
		String full = "# results\n\n| table |\n";
		String once = Report.withSection(full, "whole-process", "## whole\n\nfirst\n");
		assertThat(once).startsWith(full.strip())
			.contains("<!-- whole-process:start -->\n## whole\n\nfirst\n<!-- whole-process:end -->");
		String twice = Report.withSection(once, "whole-process", "## whole\n\nsecond\n");
		assertThat(twice).contains("second").doesNotContain("first").startsWith(full.strip());
		assertThat(Report.section(twice, "whole-process")).startsWith("<!-- whole-process:start -->")
			.contains("second");
		assertThat(Report.section(full, "whole-process")).isEmpty();
	}

}
