package dev.ccauth.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 5: {@code java -jar ccauth-sample-app.jar users --sandbox} as a whole process,
 * started as many times as asked, one after the other: wall time from start to exit, and
 * the peak resident set size ({@code VmHWM} of {@code /proc/<pid>/status}, polled every 2
 * ms; it only grows, so the last reading before exit is the peak, short of a last-2-ms
 * spike). Skipped, with the reason, when the jar has not been built.
 */
final class SampleAppRun {

	static final List<String> ARGUMENTS = List.of("users", "--sandbox");

	private final Path jar;

	private final int runs;

	private final PrintStream progress;

	SampleAppRun(Path jar, int runs, PrintStream progress) {
		this.jar = jar;
		this.runs = runs;
		this.progress = progress;
	}

	Results.SampleApp run() {
		String command = "java -jar " + ((this.jar != null) ? this.jar : Settings.DEFAULT_SAMPLE_JAR) + " "
				+ String.join(" ", ARGUMENTS);
		if (this.jar == null || this.runs <= 0) {
			return skipped(command, "not run in this configuration");
		}
		Path found = locate(this.jar);
		if (found == null) {
			return skipped(command,
					this.jar + " not found (build it with ./mvnw -pl sample-app -am package -DskipTests)");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<Double> walls = new ArrayList<>();
		List<Integer> exits = new ArrayList<>();
		long peak = -1;
		String lastError = null;
		for (int i = 0; i < this.runs; i++) {
			try {
				Path stderr = Files.createTempFile("ccauth-sample-app", ".err");
				try {
					ProcessBuilder builder = new ProcessBuilder(
							concat(List.of(java, "-jar", found.toString()), ARGUMENTS))
						.redirectOutput(ProcessBuilder.Redirect.DISCARD)
						.redirectError(stderr.toFile());
					long start = System.nanoTime();
					Process process = builder.start();
					AtomicLong hwm = new AtomicLong(-1);
					Thread poller = new Thread(() -> poll(process, hwm), "rss-poller");
					poller.setDaemon(true);
					poller.start();
					int exit = process.waitFor();
					double wall = (System.nanoTime() - start) / 1e9;
					poller.join(1_000);
					walls.add(wall);
					exits.add(exit);
					peak = Math.max(peak, hwm.get());
					if (exit != 0) {
						lastError = tail(Files.readString(stderr, StandardCharsets.UTF_8));
					}
					say("5. sample app run %d: %.2f s, peak RSS %s, exit %d", i + 1, wall,
							(hwm.get() < 0) ? "unknown" : (hwm.get() / 1024) + " MiB", exit);
				}
				finally {
					Files.deleteIfExists(stderr);
				}
			}
			catch (IOException ex) {
				return skipped(command, "could not start java: " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return skipped(command, "interrupted");
			}
		}
		return new Results.SampleApp("java -jar " + found + " " + String.join(" ", ARGUMENTS), null, walls, peak, exits,
				lastError, describe(found));
	}

	/**
	 * The path as given, else relative to the parent directory (run from
	 * {@code benchmarks/}).
	 */
	static Path locate(Path jar) {
		if (Files.isRegularFile(jar)) {
			return jar;
		}
		if (!jar.isAbsolute()) {
			Path parent = Path.of("..").resolve(jar).normalize();
			if (Files.isRegularFile(parent)) {
				return parent;
			}
		}
		return null;
	}

	private static String describe(Path jar) {
		try {
			return String.format(java.util.Locale.ROOT, "%,d bytes, built %s", Files.size(jar),
					Files.getLastModifiedTime(jar).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void poll(Process process, AtomicLong hwm) {
		Path status = Path.of("/proc", Long.toString(process.pid()), "status");
		while (process.isAlive()) {
			try {
				for (String line : Files.readAllLines(status)) {
					if (line.startsWith("VmHWM:")) {
						long kib = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
						hwm.accumulateAndGet(kib, Math::max);
					}
				}
				Thread.sleep(2);
			}
			catch (IOException | RuntimeException ex) {
				return; // gone, or no /proc here
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private static String tail(String text) {
		String trimmed = text.strip();
		return (trimmed.length() > 400) ? "..." + trimmed.substring(trimmed.length() - 400) : trimmed;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private Results.SampleApp skipped(String command, String reason) {
		say("5. sample app skipped: %s", reason);
		return new Results.SampleApp(command, reason, List.of(), -1, List.of(), null, null);
	}

	private void say(String format, Object... args) {
		if (this.progress != null) {
			this.progress.println(String.format(format, args));
		}
	}

}
