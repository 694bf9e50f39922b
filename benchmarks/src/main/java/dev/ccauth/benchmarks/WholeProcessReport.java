package dev.ccauth.benchmarks;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import dev.ccauth.benchmarks.WholeProcess.Outcome;
import dev.ccauth.benchmarks.WholeProcess.Row;
import dev.ccauth.benchmarks.WholeProcess.Sample;

/** The whole-process benchmark as a markdown section of {@code RESULTS.md}. */
final class WholeProcessReport {

	static final String SECTION = "whole-process";

	static final String BUILD = "./mvnw -q -pl testkit,sample-app,benchmarks -am package -DskipTests";

	/**
	 * Issue 17's targets: wall time against the script's, and peak RSS, for the two ways
	 * the recipes run the tool.
	 */
	record Target(String variant, double wallRatio, double peakRssMiB) {
	}

	static final List<Target> TARGETS = List.of(new Target("java17-recipe", 2.5, 120),
			new Target("java25-aot", 1.5, 120));

	private WholeProcessReport() {
	}

	static String markdown(Outcome outcome, String command, OffsetDateTime when) {
		StringBuilder out = new StringBuilder();
		out.append("## Whole process: the pipeline step beside a Python script\n\n");
		out.append("- Date: ")
			.append(when.withOffsetSameInstant(ZoneOffset.UTC)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append("; machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores")
			.append(Report.cpuModel())
			.append("; load average (1/5/15 min) before / after: ")
			.append(outcome.loadBefore())
			.append(" / ")
			.append(outcome.loadAfter())
			.append(" (other work on the machine shares its cores)\n");
		outcome.versions()
			.forEach((name, version) -> out.append("- ").append(name).append(": ").append(version).append('\n'));
		out.append("- Command: `")
			.append(BUILD)
			.append(" && ")
			.append(command)
			.append("` (")
			.append(String.format(Locale.ROOT, "%.0f s", outcome.took().toMillis() / 1000.0))
			.append(")\n");
		out.append("- Each run: `")
			.append(String.join(" ", WholeProcess.ARGUMENTS))
			.append("` as a step runs it, `GENESYS_CLIENT_ID`, `GENESYS_CLIENT_SECRET`, `GENESYS_BASE_URL` and ")
			.append("`GENESYS_TOKEN_URI` in an otherwise empty environment: a client-credentials token, then one page ")
			.append("of 5 users, over HTTPS, from the standalone sandbox (`java -jar testkit/target/ccauth-testkit.jar --https`, ")
			.append("its own process, ")
			.append(outcome.sandbox())
			.append("); the sandbox's CA is the only one trusted ")
			.append("(a JKS truststore for Java, `verify=` for Python). Every run must list the first user.\n");
		out.append("- ")
			.append(outcome.rounds())
			.append((outcome.rounds() == 1) ? " round" : " rounds")
			.append(", each variant once per round in an order rotated from ")
			.append("round to round, after one uncounted warm-up round. Wall time by the harness, CPU (user + system) ")
			.append("and peak RSS by `/usr/bin/time`; medians. The ratio to Python is the median of the per-round ")
			.append("ratios (the two ran seconds apart).\n\n");

		Optional<Row> python = row(outcome, "python");
		out.append(
				"| variant | wall (s) | CPU (s) | peak RSS (MiB) | wall ÷ Python | CPU ÷ Python | target | verdict |\n");
		out.append("|---|---:|---:|---:|---:|---:|---|---|\n");
		List<String> verdicts = new ArrayList<>();
		int met = 0;
		for (Row row : outcome.rows()) {
			if (row.skipped() != null) {
				out.append("| ")
					.append(row.variant().label())
					.append(" | skipped: ")
					.append(row.skipped().replace('\n', ' '))
					.append(" | | | | | | |\n");
				continue;
			}
			String wallRatio = "—";
			String cpuRatio = "—";
			double ratio = Double.NaN;
			if (python.isPresent() && !row.variant().key().equals("python") && python.get().skipped() == null) {
				ratio = pairedRatio(row.samples(), python.get().samples());
				wallRatio = String.format(Locale.ROOT, "%.2f", ratio);
				cpuRatio = String.format(Locale.ROOT, "%.2f",
						median(row.samples(), Sample::cpuSeconds) / median(python.get().samples(), Sample::cpuSeconds));
			}
			String target = "—";
			String verdict = failures(row);
			Optional<Target> goal = TARGETS.stream().filter((t) -> t.variant().equals(row.variant().key())).findFirst();
			if (goal.isPresent()) {
				double rss = median(row.samples(), (sample) -> sample.peakRssKiB() / 1024.0);
				boolean wallMet = ratio <= goal.get().wallRatio();
				boolean rssMet = rss <= goal.get().peakRssMiB();
				met += (wallMet ? 1 : 0) + (rssMet ? 1 : 0);
				target = String.format(Locale.ROOT, "wall ≤ %.1f × Python; RSS ≤ %.0f MiB", goal.get().wallRatio(),
						goal.get().peakRssMiB());
				String wall = Double.isNaN(ratio) ? "wall: no Python figure"
						: String.format(Locale.ROOT, "wall **%s** (%.2f×%s)", wallMet ? "met" : "missed", ratio, wallMet
								? ""
								: String.format(Locale.ROOT, ", %.1f× the target", ratio / goal.get().wallRatio()));
				String memory = String.format(Locale.ROOT, "RSS **%s** (%.0f MiB)", rssMet ? "met" : "missed", rss);
				verdict = wall + ", " + memory + (verdict.isEmpty() ? "" : "; " + verdict);
				verdicts.add(row.variant().label() + ": " + wall + ", " + memory);
			}
			out.append("| ")
				.append(row.variant().label())
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.2f | %.2f | %.0f", median(row.samples(), Sample::wallSeconds),
						median(row.samples(), Sample::cpuSeconds),
						median(row.samples(), (sample) -> sample.peakRssKiB() / 1024.0)))
				.append(" | ")
				.append(wallRatio)
				.append(" | ")
				.append(cpuRatio)
				.append(" | ")
				.append(target)
				.append(" | ")
				.append(verdict.isEmpty() ? "—" : verdict)
				.append(" |\n");
		}
		out.append("\nTargets met: ").append(met).append(" of ").append(verdicts.size() * 2).append(".\n\n");
		out.append("Details:\n\n");
		for (Row row : outcome.rows()) {
			if (row.skipped() != null) {
				continue;
			}
			out.append("- ")
				.append(row.variant().label())
				.append(": `")
				.append(shown(row.variant().command()))
				.append('`');
			if (row.variant().prepared() != null) {
				out.append("; ").append(row.variant().prepared());
			}
			out.append("; wall per round (s) ")
				.append(row.samples()
					.stream()
					.map((sample) -> String.format(Locale.ROOT, "%.2f", sample.wallSeconds()))
					.collect(Collectors.joining(", ")));
			if (row.lastFailure() != null) {
				out.append("; last failure: `").append(Report.oneLine(row.lastFailure())).append('`');
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static Optional<Row> row(Outcome outcome, String key) {
		return outcome.rows().stream().filter((row) -> row.variant().key().equals(key)).findFirst();
	}

	private static String failures(Row row) {
		long failed = row.samples().stream().filter((sample) -> !sample.ok()).count();
		return (failed == 0) ? "" : failed + " of " + row.samples().size() + " runs failed";
	}

	/**
	 * The median of the round-by-round ratios, each run against the Python run of the
	 * same round.
	 */
	static double pairedRatio(List<Sample> samples, List<Sample> python) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(samples.size(), python.size()); i++) {
			ratios.add(samples.get(i).wallSeconds() / python.get(i).wallSeconds());
		}
		return Results.Throughput.median(ratios);
	}

	static double median(List<Sample> samples, ToDoubleFunction<Sample> figure) {
		return Results.Throughput.median(samples.stream().map(figure::applyAsDouble).toList());
	}

	/** The command with the harness's temporary paths shortened, for reading. */
	private static String shown(List<String> command) {
		return command.stream()
			.map((word) -> word.replaceAll("/tmp/ccauth-whole-process[0-9]+/", "\\$TMP/"))
			.collect(Collectors.joining(" "));
	}

}
