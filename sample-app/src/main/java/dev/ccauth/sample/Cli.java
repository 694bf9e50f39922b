package dev.ccauth.sample;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level command: the tool's name, its subcommands and the help they share. */
@Command(name = "java -jar ccauth-sample-app.jar", sortOptions = false,
		description = { "Genesys Cloud and NICE CXone from a pipeline step: list users or agents, hand a token to later steps, preflight credentials.",
				"Credentials come from the environment (GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET, GENESYS_REGION; CXONE_CLIENT_ID, CXONE_CLIENT_SECRET, CXONE_ACCESS_KEY_ID, CXONE_ACCESS_KEY_SECRET; GENESYS_ACCESS_TOKEN or CXONE_ACCESS_TOKEN from an earlier step) or from ccauth.* in application.yml." },
		subcommands = { UsersCommand.class, AgentsCommand.class, TokenCommand.class, CheckCommand.class,
				CommandLine.HelpCommand.class },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FAILURE, Cli.EXIT_USAGE, Cli.EXIT_REFUSED },
		footer = Cli.FOOTER)
final class Cli {

	static final String EXIT_CODES_HEADING = "%nExit codes:%n";

	static final String EXIT_OK = "0:success";

	static final String EXIT_FAILURE = "1:API or network failure";

	static final String EXIT_USAGE = "2:usage or configuration error (missing or invalid credentials)";

	static final String EXIT_REFUSED = "3:authentication or authorization refused (bad credentials, 401, 403)";

	static final String FOOTER = "%nArguments --name=value with a dotted name are Spring Boot properties:%n"
			+ "  --spring.config.location=ccauth.yml   --ccauth.retry.max-attempts=2";

	/** Also accepted before the command: {@code --sandbox users} as well as {@code users --sandbox}. */
	@Mixin
	CommonOptions common;

	static CommandLine commandLine(Cli top, PrintWriter out, PrintStream err) {
		CommandLine cli = new CommandLine(top);
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		cli.setOut(out);
		cli.setErr(new PrintWriter(err, true));
		return cli;
	}

}
