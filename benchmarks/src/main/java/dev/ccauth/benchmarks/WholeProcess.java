package dev.ccauth.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline step as a whole process, side by side with a minimal Python
 * {@code requests} script making the same two calls (a client-credentials token, then the
 * first page of users), against one standalone HTTPS sandbox. Each variant runs once per
 * round, in an order rotated from round to round, after a warm-up round that is not
 * counted (the sandbox's own JIT, the page cache). Every run is timed by
 * {@code /usr/bin/time} (user and system CPU, peak RSS) and by the harness (wall time),
 * and must have printed the first user.
 */
final class WholeProcess {

	/** The first user of the sandbox's directory: each run must have listed it. */
	static final String FIRST_USER = "ada.lovelace@ccauth-sandbox.example";

	static final List<String> ARGUMENTS = List.of("users", "--page-size", "5");

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * @param sampleJar the sample app's jar
	 * @param testkitJar the sandbox's standalone jar
	 * @param cdsScript the recipes' {@code ccauth-cds.sh}
	 * @param java25 a Java 25 (or later) {@code java}, or {@code null} to leave that
	 * variant out
	 * @param python {@code python3}, or {@code null} to leave the script out
	 * @param rounds counted rounds
	 * @param warmup whether one uncounted round runs first
	 * @param references whether the two reference rows run too: plain {@code java -jar}
	 * (no flags, no archive) and the Java floor ({@link FloorClient})
	 */
	record Settings(Path sampleJar, Path testkitJar, Path cdsScript, String java25, String python, int rounds,
			boolean warmup, boolean references) {

		static final String DEFAULT_JAVA_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

		static Settings full(Path sampleJar, Path testkitJar, Path cdsScript, String java25, int rounds) {
			return new Settings(sampleJar, testkitJar, cdsScript, java25, "python3", rounds, true, true);
		}

		/**
		 * CI-sized: one round of the recipe's Java 17 and of the script, to show that the
		 * harness works.
		 */
		static Settings smoke(Path sampleJar, Path testkitJar, Path cdsScript) {
			return new Settings(sampleJar, testkitJar, cdsScript, null, "python3", 1, false, false);
		}

	}

	/** One way of running the step: what it is, its command line and environment. */
	record Variant(String key, String label, List<String> command, Map<String, String> environment, String prepared) {
	}

	/**
	 * One run: wall and CPU seconds, peak RSS in KiB (-1 when unknown), exit code, and
	 * whether it listed the users.
	 */
	record Sample(double wallSeconds, double cpuSeconds, long peakRssKiB, int exitCode, boolean listed) {

		boolean ok() {
			return this.exitCode == 0 && this.listed;
		}

	}

	/** A variant's runs, or why it did not run. */
	record Row(Variant variant, String skipped, List<Sample> samples, String lastFailure) {
	}

	/** Everything one run of the benchmark found. */
	record Outcome(List<Row> rows, String loadBefore, String loadAfter, Map<String, String> versions, String sandbox,
			Duration took, int rounds) {
	}

	private final Settings settings;

	private final PrintStream progress;

	WholeProcess(Settings settings, PrintStream progress) {
		this.settings = settings;
		this.progress = progress;
	}

	Outcome run() throws IOException, InterruptedException {
		long start = System.nanoTime();
		String loadBefore = Benchmark.loadAverage();
		String java17 = ProcessHandle.current().info().command().orElse("java");
		Path dir = Files.createTempDirectory("ccauth-whole-process");
		Map<String, String> versions = new LinkedHashMap<>();
		versions.put("Java 17", javaVersion(java17));
		if (this.settings.java25() != null && Files.isExecutable(Path.of(this.settings.java25()))) {
			versions.put("Java 25", javaVersion(this.settings.java25()));
		}
		try (StandaloneSandbox sandbox = StandaloneSandbox.start(java17, this.settings.testkitJar(), dir)) {
			say("sandbox at %s", sandbox.baseUrl());
			Map<String, Row> rows = new LinkedHashMap<>();
			List<Variant> variants = new ArrayList<>();
			Map<String, String> env = sandbox.genesys();
			if (this.settings.references()) {
				variants.add(new Variant("java17-plain", "Java 17, `java -jar`, no flags",
						java(java17, sandbox.javaTrust(), List.of("-jar", this.settings.sampleJar().toString())), env,
						null));
			}
			prepared("java17-recipe", "Java 17 as the recipes run it (CDS archive, quick JIT)", java17, sandbox, dir,
					variants, rows);
			if (this.settings.references() && !variants.isEmpty()
					&& variants.get(variants.size() - 1).key().equals("java17-recipe")) {
				variants.add(floor(variants.get(variants.size() - 1), sandbox, dir));
			}
			if (this.settings.java25() != null && Files.isExecutable(Path.of(this.settings.java25()))) {
				prepared("java25-aot", "Java 25, AOT cache trained on one run, quick JIT", this.settings.java25(),
						sandbox, dir, variants, rows);
			}
			else if (this.settings.java25() != null) {
				rows.put("java25-aot",
						new Row(new Variant("java25-aot", "Java 25, AOT cache", List.of(), Map.of(), null),
								this.settings.java25() + " not found (--java25 PATH names another)", List.of(), null));
			}
			if (this.settings.python() != null) {
				String skipped = pythonSkipped(versions);
				Path script = dir.resolve("users.py");
				try (InputStream in = WholeProcess.class.getResourceAsStream("/whole-process/users.py")) {
					Files.copy(in, script);
				}
				Map<String, String> pythonEnv = new LinkedHashMap<>(env);
				pythonEnv.put("SANDBOX_CA_FILE", sandbox.caFile().toString());
				Variant python = new Variant("python", "Python `requests` script, the same two calls",
						List.of(this.settings.python(), script.toString()), pythonEnv, null);
				if (skipped != null) {
					rows.put(python.key(), new Row(python, skipped, List.of(), null));
				}
				else {
					variants.add(python);
				}
			}
			Map<String, List<Sample>> samples = new LinkedHashMap<>();
			Map<String, String> failures = new LinkedHashMap<>();
			variants.forEach((variant) -> samples.put(variant.key(), new ArrayList<>()));
			int first = this.settings.warmup() ? 0 : 1;
			for (int round = first; round <= this.settings.rounds(); round++) {
				for (int k = 0; k < variants.size(); k++) {
					Variant variant = variants.get((k + round) % variants.size());
					Sample sample = measure(variant, dir, failures);
					say("round %d%s: %-14s %5.2f s wall, %5.2f s CPU, %s, exit %d%s", round,
							(round == 0) ? " (warm-up)" : "", variant.key(), sample.wallSeconds(), sample.cpuSeconds(),
							rss(sample.peakRssKiB()), sample.exitCode(), sample.listed() ? "" : ", users not listed");
					if (round > 0) {
						samples.get(variant.key()).add(sample);
					}
				}
			}
			List<Row> ordered = new ArrayList<>();
			for (Variant variant : variants) {
				ordered.add(new Row(variant, null, samples.get(variant.key()), failures.get(variant.key())));
			}
			ordered.addAll(rows.values());
			return new Outcome(ordered, loadBefore, Benchmark.loadAverage(), versions, sandbox.baseUrl(),
					Duration.ofNanos(System.nanoTime() - start), this.settings.rounds());
		}
	}

	/**
	 * A variant run through {@code ccauth-cds.sh prepare}, as the recipes run the tool;
	 * its training run counts apart.
	 */
	private void prepared(String key, String label, String java, StandaloneSandbox sandbox, Path dir,
			List<Variant> variants, Map<String, Row> rows) throws IOException, InterruptedException {
		Path cache = dir.resolve(key);
		long start = System.nanoTime();
		ProcessBuilder prepare = new ProcessBuilder("sh", this.settings.cdsScript().toString(), "prepare",
				this.settings.sampleJar().toString(), cache.toString())
			.redirectError(dir.resolve(key + "-prepare.log").toFile());
		prepare.environment().put("JAVA", java);
		Process process;
		try {
			process = prepare.start();
		}
		catch (IOException ex) {
			rows.put(key, new Row(new Variant(key, label, List.of(), Map.of(), null),
					"cannot run sh: " + ex.getMessage(), List.of(), null));
			return;
		}
		String command = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		int exit = process.waitFor();
		String prepared = String.format(Locale.ROOT, "prepared in %.1f s (extract + training run)",
				(System.nanoTime() - start) / 1e9);
		if (exit != 0 || command.isEmpty()) {
			rows.put(key, new Row(new Variant(key, label, List.of(), Map.of(), null),
					"ccauth-cds.sh prepare failed: " + Files.readString(dir.resolve(key + "-prepare.log")).strip(),
					List.of(), null));
			return;
		}
		List<String> words = List.of(command.split(" "));
		boolean archived = command.contains("-XX:SharedArchiveFile=") || command.contains("-XX:AOTCache=");
		variants.add(new Variant(key, label, java(words.get(0), sandbox.javaTrust(), words.subList(1, words.size())),
				sandbox.genesys(), prepared + (archived ? "" : "; the training run failed: no archive")));
		say("%s: %s, %s", key, command, prepared);
	}

	/**
	 * The floor: {@link FloorClient} with the recipe's JVM options and Jackson jars, and
	 * a CDS archive of its own, trained on one run against the sandbox itself (so it is,
	 * if anything, favoured).
	 */
	private Variant floor(Variant recipe, StandaloneSandbox sandbox, Path dir)
			throws IOException, InterruptedException {
		Path classes = dir.resolve("floor");
		Path file = classes.resolve("dev/ccauth/benchmarks/FloorClient.class");
		Files.createDirectories(file.getParent());
		try (InputStream in = FloorClient.class.getResourceAsStream("FloorClient.class")) {
			Files.copy(in, file);
		}
		List<String> classpath = new ArrayList<>(List.of(classes.toString()));
		try (var jars = Files.list(dir.resolve("java17-recipe").resolve("app").resolve("lib"))) {
			jars.filter((jar) -> jar.getFileName().toString().startsWith("jackson-"))
				.map(Path::toString)
				.sorted()
				.forEach(classpath::add);
		}
		List<String> command = recipe.command();
		List<String> options = command.subList(1, command.indexOf("-jar"))
			.stream()
			.filter((option) -> !option.startsWith("-XX:SharedArchiveFile=") && !option.startsWith("-XX:AOTCache="))
			.toList();
		Path archive = dir.resolve("floor.jsa");
		List<String> main = List.of("-cp", String.join(java.io.File.pathSeparator, classpath),
				FloorClient.class.getName());
		List<String> training = new ArrayList<>(List.of(command.get(0), "-XX:ArchiveClassesAtExit=" + archive));
		training.addAll(options);
		training.addAll(main);
		ProcessBuilder builder = new ProcessBuilder(training).redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(dir.resolve("floor-training.log").toFile());
		builder.environment().putAll(recipe.environment());
		builder.start().waitFor();
		List<String> run = new ArrayList<>(List.of(command.get(0), "-XX:SharedArchiveFile=" + archive));
		run.addAll(options);
		run.addAll(main);
		return new Variant("java17-floor",
				"Java 17 floor: JDK HttpClient + Jackson only, CDS archive, the recipe's JVM options", run,
				recipe.environment(), "archive trained on one run against the sandbox");
	}

	private static List<String> java(String java, List<String> trust, List<String> rest) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(trust);
		command.addAll(rest);
		command.addAll(ARGUMENTS);
		return command;
	}

	private Sample measure(Variant variant, Path dir, Map<String, String> failures)
			throws IOException, InterruptedException {
		Path out = dir.resolve("out.txt");
		Path err = dir.resolve("err.txt");
		Path time = dir.resolve("time.txt");
		Files.deleteIfExists(time);
		List<String> command = new ArrayList<>();
		boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
		if (timed) {
			command.addAll(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", time.toString()));
		}
		command.addAll(variant.command());
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		// what a pipeline step has: a path, a home, a locale and the job's variables,
		// nothing of this JVM's
		builder.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG", "TMPDIR"));
		builder.environment().putAll(variant.environment());
		long start = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		double wall = (System.nanoTime() - start) / 1e9;
		int exit = process.exitValue();
		boolean listed = Files.readString(out, StandardCharsets.UTF_8).contains(FIRST_USER);
		if (exit != 0 || !listed) {
			failures.put(variant.key(), Files.readString(err, StandardCharsets.UTF_8).strip());
		}
		double cpu = Double.NaN;
		long rss = -1;
		if (timed && Files.exists(time)) {
			List<String> lines = Files.readAllLines(time);
			String[] fields = lines.get(lines.size() - 1).trim().split("\\s+");
			cpu = Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
			rss = Long.parseLong(fields[3]);
		}
		return new Sample(wall, cpu, rss, exit, listed);
	}

	/** Why the Python script cannot run here, or {@code null}; records its version. */
	private String pythonSkipped(Map<String, String> versions) {
		try {
			Process process = new ProcessBuilder(this.settings.python(), "-c",
					"import sys, requests; print(sys.version.split()[0], requests.__version__)")
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (process.waitFor() != 0) {
				return this.settings.python() + " has no requests module: " + output;
			}
			String[] parts = output.split(" ");
			versions.put("Python", parts[0] + ", requests " + parts[1]);
			return null;
		}
		catch (IOException | InterruptedException ex) {
			return "cannot run " + this.settings.python() + ": " + ex.getMessage();
		}
	}

	static String javaVersion(String java) {
		try {
			Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
			List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
				.toList();
			process.waitFor();
			return (lines.size() > 1) ? lines.get(1).trim() : String.join(" ", lines);
		}
		catch (IOException | InterruptedException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	static String rss(long kib) {
		return (kib < 0) ? "RSS unknown" : String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
	}

	private void say(String format, Object... args) {
		if (this.progress != null) {
			this.progress.println("whole process: " + String.format(Locale.ROOT, format, args));
		}
	}

}
