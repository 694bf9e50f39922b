package dev.ccauth.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.ccauth.benchmarks.MetricsOverhead.Outcome;
import dev.ccauth.benchmarks.MetricsOverhead.Row;
import dev.ccauth.benchmarks.Results.Stats;

/**
 * The metrics-overhead benchmark (issue 14) as a markdown section of {@code RESULTS.md}.
 */
final class MetricsOverheadReport {

	static final String SECTION = "metrics-overhead";

	private MetricsOverheadReport() {
	}

	/**
	 * {@code --metrics-overhead}: runs it, prints the section and writes it into its
	 * place in {@code out}.
	 */
	static void run(MetricsOverhead.Settings settings, String command, Path out) throws IOException {
		System.err.printf(Locale.ROOT, "ccauth metrics-overhead benchmark on %d cores%n",
				Runtime.getRuntime().availableProcessors());
		OffsetDateTime when = OffsetDateTime.now();
		String markdown = markdown(new MetricsOverhead(settings, System.err).run(), command, when);
		System.out.print(markdown);
		System.out.flush();
		if (out != null) {
			String existing = Files.exists(out) ? Files.readString(out) : "";
			Files.writeString(out, Report.withSection(existing, SECTION, markdown), StandardCharsets.UTF_8);
			System.err.println("written to " + out);
		}
	}

	static String markdown(Outcome outcome, String command, OffsetDateTime when) {
		StringBuilder out = new StringBuilder();
		out.append("## Metrics on the hot path (issue 14)\n\n");
		out.append("- Date: ")
			.append(when.withOffsetSameInstant(ZoneOffset.UTC)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append("; machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores")
			.append(Report.cpuModel())
			.append("; JDK ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.vm.version"))
			.append('\n');
		out.append("- Load average (1/5/15 min) before / after: ")
			.append(outcome.loadBefore())
			.append(" / ")
			.append(outcome.loadAfter())
			.append(" (other work on the machine shares its cores)\n");
		out.append("- Command: `")
			.append(BenchmarkMain.BUILD)
			.append(" && ")
			.append(command)
			.append("` (")
			.append(String.format(Locale.ROOT, "%.0f s", outcome.took().toMillis() / 1000.0))
			.append(")\n");
		out.append("- Scenario 2's GET `")
			.append(Clients.SMALL_GET)
			.append("`, closed loop, three ccauth applications ")
			.append("on one sandbox: **baseline** without a `MeterRegistry`, **control** identical to it (the noise: two ")
			.append("identical clients measured the same way), **metrics** with a `SimpleMeterRegistry` bean, so that ")
			.append("ccauth's meters are on. ")
			.append(outcome.settings().rounds())
			.append(" rounds of ")
			.append(outcome.settings().run().toMillis())
			.append(" ms per client and concurrency, order rotated each round, ")
			.append("after ")
			.append(outcome.settings().warmup().toSeconds())
			.append(" s of warm-up per client and one unmeasured round; ratio = median of the per-round ratios to ")
			.append("the baseline (in brackets: their range). CPU and bytes are the whole process's (client and sandbox) ")
			.append("per call.\n");
		out.append("- The metrics application's registry after the run: ")
			.append(String.format(Locale.ROOT, "`ccauth.token.requests` = %.0f; ", outcome.tokenRequests()))
			.append(outcome.meters().stream().map((meter) -> "`" + meter + "`").collect(Collectors.joining(", ")))
			.append(". Updates of its counters and timers by the calls of the warm-up and the measured rounds: ")
			.append(outcome.updatesDuringLoad())
			.append(" (a call that has its token records nothing; the expiry ")
			.append("gauge is computed when the registry is read).\n\n");
		out.append(
				"| concurrency | variant | calls/s | ratio to baseline | CPU per call | bytes per call | verdict |\n");
		out.append("|---:|---|---:|---:|---:|---:|---|\n");
		for (Row row : outcome.rows()) {
			for (String variant : MetricsOverhead.VARIANTS) {
				Stats stats = row.stats().get(variant);
				String ratio = switch (variant) {
					case "control" -> ratio(row.controlRatio(), row.controlRatios());
					case "metrics" -> ratio(row.metricsRatio(), row.metricsRatios());
					default -> "1";
				};
				String verdict = !variant.equals("metrics") ? "" : row.withinNoise()
						? "**within noise** (inside the control's range)" : "**outside the control's range**";
				out.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %s | %.1f µs | %,.0f B | %s |%n",
						row.concurrency(), variant, stats.perSecond(), ratio, stats.cpuMicrosPerCall(),
						stats.bytesPerCall(), verdict));
			}
		}
		long failed = outcome.rows()
			.stream()
			.flatMap((row) -> row.stats().values().stream())
			.mapToLong(Stats::errors)
			.sum();
		out.append("\nFailed calls: ").append(failed).append(".\n");
		return out.toString();
	}

	private static String ratio(double median, List<Double> rounds) {
		double low = rounds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
		double high = rounds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
		return String.format(Locale.ROOT, "%.3f [%.2f–%.2f]", median, low, high);
	}

}
