package dev.ccauth.sample;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top-level command: the tool's name, its subcommands and the help they share. */
@Command(name = "java -jar ccauth-sample-app.jar", sortOptions = false, description = {
		"Genesys Cloud and NICE CXone from a pipeline step: list users or agents, hand a token to later steps, preflight credentials.",
		"Credentials come from the environment (GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET, GENESYS_REGION; CXONE_CLIENT_ID, CXONE_CLIENT_SECRET, CXONE_ACCESS_KEY_ID, CXONE_ACCESS_KEY_SECRET; GENESYS_ACCESS_TOKEN or CXONE_ACCESS_TOKEN from an earlier step) or from ccauth.* in application.yml." },
		versionProvider = ManifestVersion.class, exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FAILURE, Cli.EXIT_USAGE, Cli.EXIT_REFUSED }, footer = Cli.FOOTER)
final class Cli {

	static final String EXIT_CODES_HEADING = "%nExit codes:%n";

	static final String EXIT_OK = "0:success";

	static final String EXIT_FAILURE = "1:API or network failure";

	static final String EXIT_USAGE = "2:usage or configuration error (missing or invalid credentials)";

	static final String EXIT_REFUSED = "3:authentication or authorization refused (bad credentials, 401, 403)";

	static final String FOOTER = "%nArguments --name=value with a dotted name are Spring Boot properties:%n"
			+ "  --spring.config.location=ccauth.yml   --ccauth.retry.max-attempts=2";

	/**
	 * The subcommands, in the order help lists them. picocli reads a command's
	 * annotations when it is added, through reflection and annotation proxies, and its
	 * classes are too old (Java 5 class files) for class-data sharing: a run adds only
	 * the command it runs.
	 */
	private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

	static {
		COMMANDS.put("users", UsersCommand::new);
		COMMANDS.put("agents", AgentsCommand::new);
		COMMANDS.put("token", TokenCommand::new);
		COMMANDS.put("check", CheckCommand::new);
		COMMANDS.put("completion", CompletionCommand::new);
		// a lambda, not CommandLine.HelpCommand::new: a method handle to a constructor of
		// picocli's, whose class
		// files are too old for the archive, crashes the JDK 25 AOT cache writer
		// (archiveHeapWriter.cpp:757)
		COMMANDS.put("help", () -> new CommandLine.HelpCommand());
	}

	/**
	 * Also accepted before the command: {@code --sandbox users} as well as
	 * {@code users --sandbox}.
	 */
	@Mixin
	CommonOptions common;

	@Option(names = { "-V", "--version" }, versionHelp = true, description = "Show the version and exit.")
	boolean version;

	/**
	 * The command line for these arguments: with only the command they name when it is
	 * one that runs, with every command for help, completion, a mistyped command or none.
	 */
	static CommandLine commandLine(Cli top, PrintWriter out, PrintStream err, String... args) {
		CommandLine cli = new CommandLine(top);
		String named = namedCommand(args);
		boolean all = named == null || named.equals("help") || named.equals("completion");
		COMMANDS.forEach((name, command) -> {
			if (all || name.equals(named)) {
				cli.addSubcommand(name, command.get());
			}
		});
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		cli.setOut(out);
		cli.setErr(new PrintWriter(err, true));
		return cli;
	}

	/**
	 * The first argument that is not an option, when it names a command; else
	 * {@code null}.
	 */
	private static String namedCommand(String... args) {
		for (String arg : args) {
			if (!arg.startsWith("-")) {
				return COMMANDS.containsKey(arg) ? arg : null;
			}
		}
		return null;
	}

}
