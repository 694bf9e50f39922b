package dev.ccauth.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox as users run it beside a pipeline:
 * {@code java -jar ccauth-testkit.jar --https --env-file FILE} in a process of its own,
 * so that it shares the machine with the measured processes but none of their counters.
 * Its CA also goes into a JKS truststore for the Java clients (the only CA they trust, as
 * {@code verify=} makes it the only one for Python); loaded without a password, it costs
 * no key derivation.
 */
final class StandaloneSandbox implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final Process process;

	private final Map<String, String> variables;

	private final Path trustStore;

	private StandaloneSandbox(Process process, Map<String, String> variables, Path trustStore) {
		this.process = process;
		this.variables = variables;
		this.trustStore = trustStore;
	}

	static StandaloneSandbox start(String java, Path testkitJar, Path dir) throws IOException, InterruptedException {
		Path envFile = dir.resolve("sandbox.env");
		Process process = new ProcessBuilder(java, "-jar", testkitJar.toString(), "--https", "--env-file",
				envFile.toString())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(dir.resolve("sandbox.log").toFile())
			.start();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!isComplete(envFile)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IOException("the standalone sandbox did not start; see " + dir.resolve("sandbox.log"));
			}
			Thread.sleep(100);
		}
		Map<String, String> variables = parse(Files.readAllLines(envFile, StandardCharsets.UTF_8));
		return new StandaloneSandbox(process, variables, trustStore(Path.of(variables.get("SANDBOX_CA_FILE")), dir));
	}

	private static boolean isComplete(Path envFile) throws IOException {
		return Files.exists(envFile) && Files.readString(envFile).contains("SANDBOX_CA_FILE=");
	}

	/**
	 * {@code NAME='value'} lines, as the sandbox writes them (single quotes, {@code '\''}
	 * for a quote).
	 */
	static Map<String, String> parse(List<String> lines) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : lines) {
			int eq = line.indexOf('=');
			if (line.startsWith("#") || eq < 1) {
				continue;
			}
			String value = line.substring(eq + 1);
			if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
				value = value.substring(1, value.length() - 1).replace("'\\''", "'");
			}
			variables.put(line.substring(0, eq), value);
		}
		return variables;
	}

	private static Path trustStore(Path caFile, Path dir) throws IOException {
		try {
			Certificate ca;
			try (var in = Files.newInputStream(caFile)) {
				ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
			}
			KeyStore store = KeyStore.getInstance("JKS");
			store.load(null, null);
			store.setCertificateEntry("ccauth-sandbox-ca", ca);
			Path file = dir.resolve("sandbox-ca.jks");
			try (OutputStream out = Files.newOutputStream(file)) {
				store.store(out, "unused".toCharArray());
			}
			return file;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IOException("cannot make a truststore of " + caFile, ex);
		}
	}

	/** The variables of a Genesys client-credentials client, as a pipeline has them. */
	Map<String, String> genesys() {
		Map<String, String> env = new LinkedHashMap<>();
		for (String name : List.of("GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET", "GENESYS_BASE_URL",
				"GENESYS_TOKEN_URI")) {
			env.put(name, this.variables.get(name));
		}
		return env;
	}

	Path caFile() {
		return Path.of(this.variables.get("SANDBOX_CA_FILE"));
	}

	/** JVM options that make the sandbox's CA the only one trusted. */
	List<String> javaTrust() {
		return List.of("-Djavax.net.ssl.trustStore=" + this.trustStore, "-Djavax.net.ssl.trustStoreType=JKS");
	}

	String baseUrl() {
		return this.variables.get("GENESYS_BASE_URL");
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
