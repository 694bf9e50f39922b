package dev.ccauth.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The sandbox as a command-line server, for pipelines and non-Java clients:
 * {@code java -jar ccauth-testkit.jar [--port N] [--https] [--users N] [--inactive-users N] [--deleted-users N]
 * [--agents N] [--token-lifetime SECONDS] [--env-file FILE]}. Prints its endpoints and
 * demo credentials and runs until killed.
 */
public final class SandboxMain {

	static final String USAGE = """
			usage: java -jar ccauth-testkit.jar [options]
			  --port N                 port to listen on (default: a free port)
			  --https                  serve HTTPS with a certificate generated at start
			  --users N                active Genesys users to list (default 137)
			  --inactive-users N       inactive Genesys users besides (default 3)
			  --deleted-users N        deleted Genesys users besides (default 2)
			  --agents N               CXone agents to list (default 42)
			  --token-lifetime SECONDS lifetime of issued tokens (default 3600)
			  --env-file FILE          write shell variables pointing clients at the sandbox
									   (use: set -a; . FILE; set +a)
			  --help                   show this help
			""";

	/** Bad command-line arguments: usage on stderr, exit code 2. */
	static final class UsageException extends Exception {

		UsageException(String message) {
			super(message);
		}

	}

	record Options(int port, boolean https, int users, int inactiveUsers, int deletedUsers, int agents,
			Duration tokenLifetime, Path envFile) {
	}

	private SandboxMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		// the standalone jar has no SLF4J provider on purpose: keep its three-line
		// warning off the console
		if (System.getProperty("slf4j.internal.verbosity") == null) {
			System.setProperty("slf4j.internal.verbosity", "ERROR");
		}
		Options options;
		try {
			options = parse(args);
		}
		catch (UsageException e) {
			System.err.println("ccauth sandbox: " + e.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if (options == null) {
			System.out.print(USAGE);
			return;
		}
		Sandbox sandbox = Sandbox.builder()
			.port(options.port())
			.https(options.https())
			.users(options.users())
			.inactiveUsers(options.inactiveUsers())
			.deletedUsers(options.deletedUsers())
			.agents(options.agents())
			.tokenLifetime(options.tokenLifetime())
			.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			sandbox.close();
			stopped.countDown();
		}, "ccauth-sandbox-shutdown"));
		if (options.envFile() != null) {
			try {
				writeEnvFile(sandbox, options.envFile());
			}
			catch (IOException e) {
				System.err.println("ccauth sandbox: cannot write " + options.envFile() + ": " + e.getMessage());
				System.exit(1);
			}
		}
		printBanner(sandbox, options, System.out);
		stopped.await();
	}

	/** The options, or {@code null} when help was asked for. */
	static Options parse(String[] args) throws UsageException {
		int port = 0;
		boolean https = false;
		int users = 137;
		int inactiveUsers = 3;
		int deletedUsers = 2;
		int agents = 42;
		Duration lifetime = Duration.ofHours(1);
		Path envFile = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--help", "-h" -> {
					return null;
				}
				case "--https" -> https = true;
				case "--port" -> port = number(arg, value(args, ++i, arg), 0, 65_535);
				case "--users" -> users = number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE);
				case "--inactive-users" -> inactiveUsers = number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE);
				case "--deleted-users" -> deletedUsers = number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE);
				case "--agents" -> agents = number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE);
				case "--token-lifetime" ->
					lifetime = Duration.ofSeconds(number(arg, value(args, ++i, arg), 1, Integer.MAX_VALUE));
				case "--env-file" -> envFile = Path.of(value(args, ++i, arg));
				default -> throw new UsageException("unknown argument " + arg);
			}
		}
		return new Options(port, https, users, inactiveUsers, deletedUsers, agents, lifetime, envFile);
	}

	private static String value(String[] args, int index, String option) throws UsageException {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new UsageException(option + " needs a value");
		}
		return args[index];
	}

	private static int number(String option, String value, int min, int max) throws UsageException {
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				throw new UsageException(option + " must be between " + min + " and " + max + ", was " + value);
			}
			return number;
		}
		catch (NumberFormatException e) {
			throw new UsageException(option + " needs a number, was " + value);
		}
	}

	/**
	 * The variables of ccauth's zero configuration (and its endpoint overrides) for this
	 * sandbox.
	 */
	static Map<String, String> environment(Sandbox sandbox) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("GENESYS_CLIENT_ID", sandbox.genesysClient().clientId());
		env.put("GENESYS_CLIENT_SECRET", sandbox.genesysClient().clientSecret());
		env.put("GENESYS_BASE_URL", sandbox.genesysBaseUrl());
		env.put("GENESYS_TOKEN_URI", sandbox.genesysTokenUri());
		env.put("CXONE_CLIENT_ID", sandbox.cxoneClient().clientId());
		env.put("CXONE_CLIENT_SECRET", sandbox.cxoneClient().clientSecret());
		env.put("CXONE_ACCESS_KEY_ID", sandbox.cxoneAccessKey().id());
		env.put("CXONE_ACCESS_KEY_SECRET", sandbox.cxoneAccessKey().secret());
		env.put("CXONE_ISSUER", sandbox.cxoneIssuer());
		if (sandbox.isHttps()) {
			env.put("SANDBOX_CA_FILE", sandbox.caCertificateFile().toAbsolutePath().toString());
		}
		return env;
	}

	static void writeEnvFile(Sandbox sandbox, Path file) throws IOException {
		StringBuilder text = new StringBuilder("# ccauth sandbox at ").append(sandbox.baseUrl())
			.append(": demo credentials, no real org\n");
		environment(sandbox)
			.forEach((name, value) -> text.append(name).append('=').append(shellQuote(value)).append('\n'));
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	/**
	 * Single quotes keep {@code $ & = + / %} literal in sh; a quote itself is closed,
	 * escaped, reopened.
	 */
	static String shellQuote(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	static void printBanner(Sandbox sandbox, Options options, PrintStream out) {
		out.println("ccauth sandbox: an emulator of Genesys Cloud and NICE CXone. No real org is used.");
		out.println("Base URL: " + sandbox.baseUrl());
		out.println();
		out.println("Genesys Cloud");
		out.println("  token URI          " + sandbox.genesysTokenUri() + "  (also /api/v2/oauth/token)");
		out.println("  API base URL       " + sandbox.genesysBaseUrl() + "  (GET /api/v2/users)");
		out.println("  client id          " + sandbox.genesysClient().clientId());
		out.println("  client secret      " + sandbox.genesysClient().clientSecret());
		out.println();
		out.println("NICE CXone");
		out.println("  issuer             " + sandbox.cxoneIssuer() + "  (/.well-known/openid-configuration)");
		out.println("  token URI          " + sandbox.cxoneTokenUri() + "  (access key: password grant)");
		out.println("  tutorial token URI " + sandbox.cxoneTutorialTokenUri() + "  (client credentials)");
		out.println("  API base URL       " + sandbox.cxoneBaseUrl() + "  (GET /incontactapi/services/v34.0/agents)");
		out.println("  tenant id          " + sandbox.cxoneTenantId());
		out.println("  client id          " + sandbox.cxoneClient().clientId());
		out.println("  client secret      " + sandbox.cxoneClient().clientSecret());
		out.println("  access key id      " + sandbox.cxoneAccessKey().id());
		out.println("  access key secret  " + sandbox.cxoneAccessKey().secret());
		out.println();
		if (sandbox.isHttps()) {
			out.println("CA certificate: " + sandbox.caCertificateFile().toAbsolutePath());
		}
		if (options.envFile() != null) {
			out.println("Environment: set -a; . " + options.envFile() + "; set +a");
		}
		out.println("Tokens live " + options.tokenLifetime().toSeconds() + " s. Stop with Ctrl-C.");
		out.flush();
	}

}
