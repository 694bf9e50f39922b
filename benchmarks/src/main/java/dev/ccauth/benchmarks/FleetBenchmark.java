package dev.ccauth.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import redis.embedded.RedisServer;

/**
 * Token requests of a fleet: 1, 4 and 16 separate JVMs with the same OAuth client, each
 * with the benchmark's ccauth application, without the shared store
 * ({@code ccauth.token.store=local}) and with it (ccauth-redis on one redis-server), at a
 * cold start and through three token lifetimes. Counts only, read from the sandbox: they
 * hold on a busy machine.
 * <p>
 * {@code java -jar benchmarks/target/ccauth-benchmarks.jar --fleet [--smoke] [--out FILE]}:
 * prints the markdown section; with {@code --out}, puts it into FILE under its own
 * heading (replacing an earlier one, leaving the rest of the file as it is).
 */
public final class FleetBenchmark {

	static final String COMMAND = BenchmarkMain.JAR + " --fleet";

	static final String HEADING = "## Fleet: processes sharing one OAuth client through Redis";

	private static final String END = "<!-- end of fleet section -->";

	private final Settings settings;

	private final Appendable progress;

	FleetBenchmark(Settings settings, Appendable progress) {
		this.settings = settings;
		this.progress = progress;
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--fleet-member")) {
			FleetMember.main(args);
			return;
		}
		Settings settings = Settings.FULL;
		Path out = null;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--smoke" -> settings = Settings.SMOKE;
				case "--out" -> out = Path.of(args[++i]);
				default -> {
					System.err.println("usage: " + COMMAND + " [--smoke] [--out FILE]");
					System.exit(2);
				}
			}
		}
		OffsetDateTime when = OffsetDateTime.now();
		String load = Benchmark.loadAverage();
		Results results = new FleetBenchmark(settings, System.err).run();
		String markdown = markdown(results, COMMAND + String.join(" ", List.of(args).subList(1, args.length))
			.transform((rest) -> rest.isEmpty() ? "" : " " + rest), when, load, Benchmark.loadAverage());
		System.out.print(markdown);
		if (out != null) {
			write(out, markdown);
			System.err.println("written to " + out);
		}
		System.exit(0);
	}

	/**
	 * The sizes of a run.
	 *
	 * @param processes the fleet sizes
	 * @param coldCalls concurrent first calls per process at the cold start
	 * @param coldTokenLatency added to the token endpoint at the cold start, so that the
	 * first calls of every process are in flight before the first token exists
	 * @param lifetime the token lifetime of the second phase (whole seconds)
	 * @param skew the refresh skew of the second phase
	 * @param lifetimes how many lifetimes the second phase lasts (three; one in the smoke
	 * run)
	 * @param pause pause of each of the two callers per process between calls in the
	 * second phase
	 */
	record Settings(List<Integer> processes, int coldCalls, Duration coldTokenLatency, Duration lifetime, Duration skew,
			int lifetimes, Duration pause) {

		static final Settings FULL = new Settings(List.of(1, 4, 16), 20, Duration.ofMillis(500), Duration.ofSeconds(4),
				Duration.ofMillis(500), 3, Duration.ofMillis(10));

		static final Settings SMOKE = new Settings(List.of(2), 5, Duration.ofMillis(300), Duration.ofSeconds(2),
				Duration.ofMillis(500), 1, Duration.ofMillis(20));

		Duration run() {
			return this.lifetime.multipliedBy(this.lifetimes);
		}

		/**
		 * What one process alone asks for in the second phase: once, then every (lifetime
		 * - skew).
		 */
		long alone() {
			return 1 + run().toMillis() / this.lifetime.minus(this.skew).toMillis();
		}

	}

	/** One fleet size, without and with the store. */
	record Row(int processes, long coldLocal, long coldShared, long lifetimesLocal, long lifetimesShared, long calls,
			long failed) {
	}

	record Results(Settings settings, List<Row> rows, Duration took) {
	}

	Results run() {
		long started = System.nanoTime();
		int most = this.settings.processes().stream().mapToInt(Integer::intValue).max().orElse(1);
		List<Row> rows = new ArrayList<>();
		try (Sandbox sandbox = Sandbox.builder().start();
				Redis redis = new Redis();
				Members members = new Members(most)) {
			for (int processes : this.settings.processes()) {
				List<Member> fleet = members.all.subList(0, processes);
				long[] local = measure(sandbox, redis, fleet, "local");
				long[] shared = measure(sandbox, redis, fleet, "shared");
				rows.add(new Row(processes, local[0], shared[0], local[1], shared[1], local[2] + shared[2],
						local[3] + shared[3]));
			}
		}
		return new Results(this.settings, rows, Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Cold start, then three lifetimes: token requests of each, calls and failed calls of
	 * both.
	 */
	private long[] measure(Sandbox sandbox, Redis redis, List<Member> fleet, String store) {
		sandbox.reset();
		start(sandbox, redis, fleet, store);
		sandbox.latency(Endpoint.GENESYS_TOKEN, this.settings.coldTokenLatency());
		int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
		long[] cold = calls(fleet, "calls " + this.settings.coldCalls() + " 0 0");
		long coldRequests = sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before;
		log("%d processes, %s store: cold start %d token requests", fleet.size(), store, coldRequests);

		sandbox.reset();
		sandbox.tokenLifetime(this.settings.lifetime());
		start(sandbox, redis, fleet, store);
		before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
		long[] load = calls(fleet,
				"calls 2 " + this.settings.run().toMillis() + " " + this.settings.pause().toMillis());
		long lifetimeRequests = sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before;
		log("%d processes, %s store: %d lifetimes, %d token requests", fleet.size(), store, this.settings.lifetimes(),
				lifetimeRequests);
		return new long[] { coldRequests, lifetimeRequests, cold[0] + load[0], cold[1] + load[1] };
	}

	private void start(Sandbox sandbox, Redis redis, List<Member> fleet, String store) {
		String properties = String.join(" ", "ccauth.genesys.bench.client-id=" + sandbox.genesysClient().clientId(),
				"ccauth.genesys.bench.client-secret=" + sandbox.genesysClient().clientSecret(),
				"ccauth.genesys.bench.token-uri=" + sandbox.genesysTokenUri(),
				"ccauth.genesys.bench.base-url=" + sandbox.genesysBaseUrl(), "logging.level.root=WARN",
				"ccauth.token.store=" + store, "ccauth.token.refresh-skew=" + this.settings.skew().toMillis() + "ms",
				"spring.data.redis.url=" + redis.url(), "ccauth.redis.key-prefix=bench-" + UUID.randomUUID() + ":",
				// many cold JVMs on few cores: the first connection can take seconds
				"ccauth.redis.connect-timeout=15s", "ccauth.redis.operation-timeout=2s");
		fleet.forEach((member) -> member.send("start " + properties));
		fleet.forEach((member) -> member.await("started"));
	}

	/** Sends the command to every member at once: ok and failed calls, summed. */
	private static long[] calls(List<Member> fleet, String command) {
		fleet.forEach((member) -> member.send(command));
		long ok = 0;
		long failed = 0;
		for (Member member : fleet) {
			String answer = member.await("calls");
			ok += Long.parseLong(answer.replaceAll(".*ok=(\\d+).*", "$1"));
			failed += Long.parseLong(answer.replaceAll(".*failed=(\\d+).*", "$1"));
		}
		return new long[] { ok, failed };
	}

	static String markdown(Results results, String command, OffsetDateTime when, String loadBefore, String loadAfter) {
		Settings settings = results.settings();
		StringBuilder out = new StringBuilder(HEADING).append("\n\n");
		out.append("- Date: ")
			.append(when.withOffsetSameInstant(ZoneOffset.UTC)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append("; ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores; load average before / after: ")
			.append(loadBefore)
			.append(" / ")
			.append(loadAfter)
			.append("; whole run ")
			.append(String.format(Locale.ROOT, "%.0f s", results.took().toMillis() / 1000.0))
			.append('\n');
		out.append("- Command: `")
			.append(command)
			.append("`, the jar built with `")
			.append(BenchmarkMain.BUILD)
			.append("`\n");
		out.append("- Each process is a separate JVM with the benchmark's ccauth application and one registration, ")
			.append("all with the same OAuth client, against one sandbox (HTTP) and one redis-server (embedded-redis), ")
			.append("both on 127.0.0.1. **Without**: `ccauth.token.store=local`; **with**: the ccauth-redis store.\n");
		out.append(String.format(Locale.ROOT,
				"- Cold start: every process makes %d concurrent first calls at once, the token endpoint slowed by %d ms "
						+ "so that they are all in flight before the first token exists.%n",
				settings.coldCalls(), settings.coldTokenLatency().toMillis()));
		out.append(String.format(Locale.ROOT,
				"- %d lifetimes: %d s tokens renewed %d ms before expiry; every process calls for %d s from a cold "
						+ "start (2 callers, %d ms apart). One process alone asks %d times.%n%n",
				settings.lifetimes(), settings.lifetime().toSeconds(), settings.skew().toMillis(),
				settings.run().toSeconds(), settings.pause().toMillis(), settings.alone()));
		out.append("| processes | cold start: token requests without / with the store | ")
			.append(settings.lifetimes())
			.append(" lifetimes: token requests without / with the store | calls made (failed) |\n|---:|---:|---:|---:|\n");
		for (Row row : results.rows()) {
			out.append(String.format(Locale.ROOT, "| %d | %d / **%d** | %d / **%d** | %,d (%d) |%n", row.processes(),
					row.coldLocal(), row.coldShared(), row.lifetimesLocal(), row.lifetimesShared(), row.calls(),
					row.failed()));
		}
		return out.append('\n').append(END).append('\n').toString();
	}

	/** Puts the section into the file: in place of an earlier one, else at its end. */
	static void write(Path file, String section) throws IOException {
		String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		int start = text.indexOf(HEADING);
		int end = text.indexOf(END);
		if (start >= 0 && end > start) {
			text = text.substring(0, start) + section + text.substring(end + END.length()).replaceFirst("^\n", "");
		}
		else {
			text = text + (text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n")
					+ section;
		}
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private void log(String format, Object... args) {
		if (this.progress != null) {
			try {
				this.progress.append(String.format(Locale.ROOT, format, args)).append('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** A redis-server on a free loopback port, without persistence. */
	private static final class Redis implements AutoCloseable {

		private final RedisServer server;

		private final int port;

		Redis() {
			try (ServerSocket socket = new ServerSocket(0)) {
				this.port = socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			try {
				this.server = RedisServer.newRedisServer()
					.port(this.port)
					.setting("bind 127.0.0.1")
					.setting("save \"\"")
					.setting("appendonly no")
					.onShutdownForceStop(true)
					.build();
				this.server.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String url() {
			return "redis://127.0.0.1:" + this.port;
		}

		@Override
		public void close() {
			try {
				this.server.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** The member JVMs, killed on close and by a shutdown hook. */
	private static final class Members implements AutoCloseable {

		private final List<Member> all = new ArrayList<>();

		private final Thread kill = new Thread(() -> this.all.forEach((member) -> member.process.destroyForcibly()));

		Members(int count) {
			Runtime.getRuntime().addShutdownHook(this.kill);
			List<String> command = command();
			for (int i = 0; i < count; i++) {
				this.all.add(new Member(command, i));
			}
			this.all.forEach((member) -> member.await("jvm-ready"));
		}

		/**
		 * This JVM's classpath: the Spring Boot jar through its launcher, or the classes
		 * of a test run.
		 */
		private static List<String> command() {
			String classpath = System.getProperty("java.class.path");
			String main = BenchmarkMain.class.getName();
			if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
				try (JarFile jar = new JarFile(classpath)) {
					if (jar.getEntry("BOOT-INF/classes/") != null) {
						main = "org.springframework.boot.loader.launch.JarLauncher";
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m", "-cp", classpath, main,
					"--fleet-member");
		}

		@Override
		public void close() {
			this.all.forEach((member) -> member.send("quit"));
			for (Member member : this.all) {
				try {
					if (!member.process.waitFor(10, TimeUnit.SECONDS)) {
						member.process.destroyForcibly();
					}
				}
				catch (InterruptedException ex) {
					member.process.destroyForcibly();
					Thread.currentThread().interrupt();
				}
			}
			try {
				Runtime.getRuntime().removeShutdownHook(this.kill);
			}
			catch (IllegalStateException ex) {
				// shutting down
			}
		}

	}

	/** One member JVM; its log goes to a file in the temporary directory. */
	private static final class Member {

		private final Process process;

		private final Writer stdin;

		private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

		private final Path log;

		Member(List<String> command, int index) {
			try {
				this.log = Files.createTempFile("ccauth-fleet-member-" + index + "-", ".log");
				this.process = new ProcessBuilder(command).redirectError(this.log.toFile()).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.stdin = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
			Thread reader = new Thread(() -> {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line = out.readLine(); line != null; line = out.readLine()) {
						if (line.startsWith(FleetMember.PREFIX)) {
							this.answers.add(line.substring(FleetMember.PREFIX.length()));
						}
					}
				}
				catch (IOException ex) {
					// gone
				}
			}, "fleet-member-" + index);
			reader.setDaemon(true);
			reader.start();
		}

		void send(String command) {
			try {
				this.stdin.write(command + "\n");
				this.stdin.flush();
			}
			catch (IOException ex) {
				// gone: await says so
			}
		}

		String await(String answer) {
			try {
				String line = this.answers.poll(3, TimeUnit.MINUTES);
				if (line == null || !line.startsWith(answer)) {
					throw new IllegalStateException(
							"a fleet member answered " + line + " instead of " + answer + "; its log: " + this.log);
				}
				return line;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
