package dev.ccauth.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar benchmarks/target/ccauth-benchmarks.jar [--out FILE] [--smoke] [--sample-jar PATH]
 * [--sample-runs N]}: runs every scenario once and prints the markdown report (to
 * {@code FILE} as well with {@code --out}). Progress goes to stderr.
 */
public final class BenchmarkMain {

	static final String BUILD = "./mvnw -q -pl benchmarks -am package -DskipTests";

	static final String JAR = "java -jar benchmarks/target/ccauth-benchmarks.jar";

	static final int DEFAULT_ROUNDS = 7;

	static final Path DEFAULT_TESTKIT_JAR = Path.of("testkit/target/ccauth-testkit.jar");

	static final Path DEFAULT_CDS_SCRIPT = Path.of("ci-recipes/ccauth-cds.sh");

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].startsWith("--fleet")) {
			FleetBenchmark.main(args); // processes sharing a token through Redis:
										// FleetBenchmark
			return;
		}
		Settings settings = Settings.full();
		Path out = null;
		Path sampleJar = settings.sampleJar();
		int sampleRuns = settings.sampleRuns();
		boolean wholeProcess = false;
		boolean metricsOverhead = false;
		int rounds = DEFAULT_ROUNDS;
		String java25 = WholeProcess.Settings.DEFAULT_JAVA_25;
		Path testkitJar = DEFAULT_TESTKIT_JAR;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--out" -> out = Path.of(value(args, ++i));
				case "--whole-process" -> wholeProcess = true;
				case "--metrics-overhead" -> metricsOverhead = true;
				case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
				case "--java25" -> java25 = value(args, ++i);
				case "--testkit-jar" -> testkitJar = Path.of(value(args, ++i));
				case "--smoke" -> {
					settings = Settings.smoke();
					sampleJar = null;
					sampleRuns = 0;
				}
				case "--sample-jar" -> sampleJar = Path.of(value(args, ++i));
				case "--sample-runs" -> sampleRuns = Integer.parseInt(value(args, ++i));
				case "-h", "--help" -> {
					System.out.println(usage());
					return;
				}
				default -> {
					System.err.println("unknown argument: " + args[i] + "\n" + usage());
					System.exit(2);
				}
			}
		}
		String command = JAR + ((args.length > 0) ? " " + String.join(" ", args) : "");
		if (wholeProcess) {
			wholeProcess(sampleJar, testkitJar, java25, rounds, command, out);
			return;
		}
		if (metricsOverhead) {
			MetricsOverheadReport.run(List.of(args).contains("--smoke") ? MetricsOverhead.Settings.smoke()
					: MetricsOverhead.Settings.full(), command, out);
			System.exit(0);
		}
		settings = settings.withSampleJar(sampleJar, sampleRuns);
		System.err.printf(Locale.ROOT, "ccauth benchmarks on %d cores; this takes a few minutes%n",
				Runtime.getRuntime().availableProcessors());
		OffsetDateTime when = OffsetDateTime.now();
		Results results = new Benchmark(settings, System.err).run();
		String markdown = Report.markdown(results, command, when);
		System.out.print(markdown);
		System.out.flush();
		if (out != null) {
			// the whole-process and metrics-overhead sections come from their own runs:
			// keep them
			String existing = Files.exists(out) ? Files.readString(out) : "";
			String kept = Report.section(existing, WholeProcessReport.SECTION)
					+ Report.section(existing, MetricsOverheadReport.SECTION);
			Files.writeString(out, markdown.stripTrailing() + "\n" + (kept.isEmpty() ? "" : "\n" + kept),
					StandardCharsets.UTF_8);
			System.err.println("written to " + out);
		}
		// Reactor Netty's shared loops are daemon threads, but the sandbox's timers and
		// Spring may not be
		System.exit(0);
	}

	/**
	 * {@code --whole-process}: only the whole-process benchmark, written into its section
	 * of {@code --out}.
	 */
	private static void wholeProcess(Path sampleJar, Path testkitJar, String java25, int rounds, String command,
			Path out) throws IOException {
		Path sample = SampleAppRun.locate(sampleJar);
		Path testkit = SampleAppRun.locate(testkitJar);
		Path script = SampleAppRun.locate(DEFAULT_CDS_SCRIPT);
		if (sample == null || testkit == null || script == null) {
			System.err.println("needs " + sampleJar + ", " + testkitJar + " and " + DEFAULT_CDS_SCRIPT
					+ "; build them with " + WholeProcessReport.BUILD);
			System.exit(2);
		}
		System.err.printf(Locale.ROOT, "ccauth whole-process benchmark on %d cores: %d rounds%n",
				Runtime.getRuntime().availableProcessors(), rounds);
		OffsetDateTime when = OffsetDateTime.now();
		WholeProcess.Outcome outcome;
		try {
			outcome = new WholeProcess(WholeProcess.Settings.full(sample, testkit, script, java25, rounds), System.err)
				.run();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		String markdown = WholeProcessReport.markdown(outcome, command, when);
		System.out.print(markdown);
		System.out.flush();
		if (out != null) {
			String existing = Files.exists(out) ? Files.readString(out) : "";
			Files.writeString(out, Report.withSection(existing, WholeProcessReport.SECTION, markdown),
					StandardCharsets.UTF_8);
			System.err.println("written to " + out);
		}
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			System.err.println("missing value for " + args[i - 1] + "\n" + usage());
			System.exit(2);
		}
		return args[i];
	}

	static String usage() {
		return "usage: " + JAR + " [--out FILE] [--smoke] [--sample-jar PATH] [--sample-runs N]\n" + "       " + JAR
				+ " --whole-process [--out FILE] [--rounds N] [--java25 PATH] [--testkit-jar PATH]\n" + "       " + JAR
				+ " --metrics-overhead [--out FILE] [--smoke]\n"
				+ "  --out FILE         also write the markdown report to FILE (e.g. benchmarks/RESULTS.md)\n"
				+ "  --smoke            tiny sizes (seconds), as the module's unit test runs them; no sample app\n"
				+ "  --sample-jar PATH  the sample app's jar (default " + Settings.DEFAULT_SAMPLE_JAR
				+ ", also looked for in ..)\n" + "  --sample-runs N    runs of the sample app (default 3; 0 skips it)\n"
				+ "  --whole-process    only the whole-process benchmark: the sample app (Java 17 as the recipes run it,\n"
				+ "                     Java 25 with an AOT cache) beside a Python requests script, on the HTTPS sandbox;\n"
				+ "                     --out then rewrites only its section of FILE\n"
				+ "  --rounds N         its rounds (default " + DEFAULT_ROUNDS + ")\n"
				+ "  --java25 PATH      its Java 25 (default " + WholeProcess.Settings.DEFAULT_JAVA_25
				+ "; missing: row skipped)\n" + "  --testkit-jar PATH the sandbox's standalone jar (default "
				+ DEFAULT_TESTKIT_JAR + ")\n"
				+ "  --metrics-overhead only scenario 2 with and without ccauth's meters (a SimpleMeterRegistry), beside an\n"
				+ "                     identical control (--smoke: tiny sizes); --out then rewrites only its section of FILE\n"
				+ "       " + JAR
				+ " --fleet [--smoke] [--out FILE]   token requests of 1, 4, 16 processes, Redis store";
	}

}
