package dev.ccauth.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * {@code java -jar benchmarks/target/ccauth-benchmarks.jar [--out FILE] [--smoke] [--sample-jar PATH]
 * [--sample-runs N]}: runs every scenario once and prints the markdown report (to {@code FILE} as well
 * with {@code --out}). Progress goes to stderr.
 */
public final class BenchmarkMain {

	static final String BUILD = "./mvnw -q -pl benchmarks -am package -DskipTests";

	static final String JAR = "java -jar benchmarks/target/ccauth-benchmarks.jar";

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].startsWith("--fleet")) {
			FleetBenchmark.main(args); // processes sharing a token through Redis: FleetBenchmark
			return;
		}
		Settings settings = Settings.full();
		Path out = null;
		Path sampleJar = settings.sampleJar();
		int sampleRuns = settings.sampleRuns();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--out" -> out = Path.of(value(args, ++i));
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
		settings = settings.withSampleJar(sampleJar, sampleRuns);
		String command = JAR + ((args.length > 0) ? " " + String.join(" ", args) : "");
		System.err.printf(Locale.ROOT, "ccauth benchmarks on %d cores; this takes a few minutes%n",
				Runtime.getRuntime().availableProcessors());
		OffsetDateTime when = OffsetDateTime.now();
		Results results = new Benchmark(settings, System.err).run();
		String markdown = Report.markdown(results, command, when);
		System.out.print(markdown);
		System.out.flush();
		if (out != null) {
			Files.writeString(out, markdown, StandardCharsets.UTF_8);
			System.err.println("written to " + out);
		}
		// Reactor Netty's shared loops are daemon threads, but the sandbox's timers and Spring may not be
		System.exit(0);
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			System.err.println("missing value for " + args[i - 1] + "\n" + usage());
			System.exit(2);
		}
		return args[i];
	}

	static String usage() {
		return "usage: " + JAR + " [--out FILE] [--smoke] [--sample-jar PATH] [--sample-runs N]\n"
				+ "  --out FILE         also write the markdown report to FILE (e.g. benchmarks/RESULTS.md)\n"
				+ "  --smoke            tiny sizes (seconds), as the module's unit test runs them; no sample app\n"
				+ "  --sample-jar PATH  the sample app's jar (default " + Settings.DEFAULT_SAMPLE_JAR
				+ ", also looked for in ..)\n"
				+ "  --sample-runs N    runs of the sample app (default 3; 0 skips it)\n"
				+ "       " + JAR + " --fleet [--smoke] [--out FILE]   token requests of 1, 4, 16 processes, Redis store";
	}

}
