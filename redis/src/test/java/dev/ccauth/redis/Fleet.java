package dev.ccauth.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Separate JVMs running {@link FleetMember}, on this test's classpath, driven over their
 * stdin and stdout. Each is killed on {@link #close()}, and by a shutdown hook if the
 * test JVM ends first; a member also exits when its stdin closes.
 */
final class Fleet implements AutoCloseable {

	private final List<Member> members = new ArrayList<>();

	private final Thread cleanup = new Thread(this::kill, "kill-fleet");

	Fleet(int size) {
		Runtime.getRuntime().addShutdownHook(this.cleanup);
		for (int i = 0; i < size; i++) {
			this.members.add(new Member(i));
		}
		await(this.members, "jvm-ready", Duration.ofSeconds(120));
	}

	List<Member> members() {
		return this.members;
	}

	/**
	 * Sends the command to every member at once and collects their answers, in member
	 * order.
	 */
	static List<String> all(List<Member> members, String command, Duration timeout) {
		members.forEach((member) -> member.send(command));
		return await(members, command.split(" ")[0], timeout);
	}

	List<String> all(String command, Duration timeout) {
		return all(this.members, command, timeout);
	}

	private static List<String> await(List<Member> members, String answer, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> answers = new ArrayList<>();
		for (Member member : members) {
			answers.add(member.await(answer, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
		}
		return answers;
	}

	@Override
	public void close() {
		for (Member member : this.members) {
			member.send("quit");
		}
		for (Member member : this.members) {
			member.stop();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanup);
		}
		catch (IllegalStateException ex) {
			// already shutting down
		}
	}

	private void kill() {
		this.members.forEach((member) -> member.process.destroyForcibly());
	}

	/** One JVM. */
	static final class Member {

		private final int index;

		private final Process process;

		private final Writer stdin;

		private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

		private final Deque<String> log = new ArrayDeque<>();

		Member(int index) {
			this.index = index;
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
					"-cp", System.getProperty("java.class.path"), FleetMember.class.getName())
				.redirectErrorStream(true);
			builder.environment().keySet().removeIf((name) -> name.startsWith("GENESYS") || name.startsWith("CXONE"));
			try {
				this.process = builder.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.stdin = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
			Thread reader = new Thread(this::read, "fleet-member-" + index);
			reader.setDaemon(true);
			reader.start();
		}

		/**
		 * Collects answers, keeps the last lines of the log, and copies all of it to
		 * target/fleet-logs.
		 */
		private void read() {
			Path file = Path.of("target", "fleet-logs", "member-" + this.index + "-" + this.process.pid() + ".log");
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
					Writer copy = Files
						.newBufferedWriter(Files.createDirectories(file.getParent()).resolve(file.getFileName()))) {
				String line;
				while ((line = out.readLine()) != null) {
					copy.write(line + "\n");
					copy.flush();
					if (line.startsWith(FleetMember.PREFIX)) {
						this.answers.add(line.substring(FleetMember.PREFIX.length()));
					}
					else {
						synchronized (this.log) {
							this.log.addLast(line);
							if (this.log.size() > 300) {
								this.log.removeFirst();
							}
						}
					}
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
		}

		void send(String command) {
			try {
				this.stdin.write(command + "\n");
				this.stdin.flush();
			}
			catch (IOException ex) {
				// gone: await says so with its log
			}
		}

		String await(String answer, Duration timeout) {
			try {
				String line = this.answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
				if (line == null || !line.startsWith(answer)) {
					throw new AssertionError("member " + this.index + " answered " + line + " instead of " + answer
							+ "; its last output:\n" + log());
				}
				return line;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		String log() {
			synchronized (this.log) {
				return String.join("\n", this.log);
			}
		}

		/** The answer's {@code key=value} fields. */
		static Map<String, String> fields(String answer) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String word : answer.split(" ")) {
				int eq = word.indexOf('=');
				if (eq > 0) {
					fields.put(word.substring(0, eq), word.substring(eq + 1));
				}
			}
			return fields;
		}

		void stop() {
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}

	}

}
