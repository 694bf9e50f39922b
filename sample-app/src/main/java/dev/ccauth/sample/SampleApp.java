package dev.ccauth.sample;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import dev.ccauth.testkit.Sandbox;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pipeline tool:
 * {@code java -jar ccauth-sample-app.jar users|agents|token|check [options]}.
 *
 * <p>
 * The command line is parsed first, so that {@code --help} and usage errors cost no
 * Spring start and {@code --sandbox} is known before Spring starts. Then a non-web Spring
 * Boot context starts (lazy, no banner), the command runs with the starter's public
 * beans, the context closes and the process exits with the command's code: 0 success, 1
 * API or network failure, 2 usage or configuration error, 3 authentication or
 * authorization refused.
 */
public final class SampleApp {

	/**
	 * Where {@code application.yml} is read from unless {@code --spring.config.location}
	 * says otherwise.
	 */
	static final String CONFIG_LOCATION = "optional:file:./,optional:file:./config/";

	private final PrintWriter out;

	private final PrintStream err;

	SampleApp(PrintWriter out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		Startup.applyDefaults();
		PrintWriter out = new PrintWriter(
				new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), false);
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		int code = new SampleApp(out, err).run(args);
		out.flush();
		err.flush();
		System.exit(code);
	}

	int run(String[] args) {
		List<String> cliArgs = new ArrayList<>();
		List<String> springArgs = new ArrayList<>();
		for (String arg : args) {
			(isSpringProperty(arg) ? springArgs : cliArgs).add(arg);
		}
		Cli top = new Cli();
		CommandLine cli = Cli.commandLine(top, this.out, this.err, cliArgs.toArray(String[]::new));
		ParseResult parsed;
		try {
			parsed = cli.parseArgs(cliArgs.toArray(String[]::new));
		}
		catch (ParameterException ex) {
			return usageError(ex);
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return ExitCode.OK;
		}
		if (!parsed.hasSubcommand()) {
			return usageError(cli, "Missing command: users, agents, token, check or completion.");
		}
		CommandLine subcommand = parsed.subcommand().commandSpec().commandLine();
		if (subcommand.getCommand() instanceof CompletionCommand completion) {
			try {
				return completion.print(cli, this.out);
			}
			catch (ParameterException ex) {
				return usageError(ex);
			}
		}
		ToolCommand command = subcommand.getCommand();
		try {
			command.validate();
		}
		catch (ParameterException ex) {
			return usageError(ex);
		}
		catch (ToolException ex) {
			this.err.println("ccauth: " + ex.getMessage());
			return ex.code();
		}
		boolean sandbox = top.common.sandbox || command.common().sandbox;
		boolean debug = top.common.debug || command.common().debug;
		return execute(command, sandbox, debug, springArgs.toArray(String[]::new));
	}

	/**
	 * {@code --name=value} with a dotted name is a Spring Boot property
	 * ({@code --spring.config.location=...}).
	 */
	static boolean isSpringProperty(String arg) {
		int eq = arg.indexOf('=');
		return arg.startsWith("--") && eq > 2 && arg.substring(2, eq).contains(".");
	}

	/**
	 * The error, suggestions for a mistyped command, the synopsis and where to find more,
	 * on stderr.
	 */
	private int usageError(ParameterException ex) {
		this.err.println("ccauth: " + ex.getMessage());
		CommandLine.UnmatchedArgumentException.printSuggestions(ex, this.err);
		return usage(ex.getCommandLine());
	}

	private int usageError(CommandLine commandLine, String message) {
		this.err.println("ccauth: " + message);
		return usage(commandLine);
	}

	private int usage(CommandLine commandLine) {
		CommandLine.Help help = commandLine.getHelp();
		this.err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
		this.err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.");
		return ExitCode.USAGE;
	}

	private int execute(ToolCommand command, boolean useSandbox, boolean debug, String[] springArgs) {
		Sandbox sandbox = null;
		ConfigurableApplicationContext context = null;
		Session session = null;
		try {
			if (useSandbox) {
				sandbox = Sandbox.start();
				this.err.println("ccauth: --sandbox: using the embedded sandbox at " + sandbox.baseUrl()
						+ " with demo users, agents and credentials. No real Genesys Cloud or NICE CXone org is used.");
			}
			context = startSpring(sandbox, debug, springArgs);
			session = new Session(context, this.out, this.err);
			int code = command.run(session);
			this.out.flush();
			return code;
		}
		catch (Throwable ex) {
			this.out.flush();
			return Failures.report(ex, debug, (session != null) ? session.redactor() : Redactor.NONE, this.err);
		}
		finally {
			if (context != null) {
				context.close();
			}
			if (sandbox != null) {
				sandbox.close();
			}
		}
	}

	private static ConfigurableApplicationContext startSpring(Sandbox sandbox, boolean debug, String[] springArgs) {
		if (debug) {
			Startup.debugLogging();
		}
		// application.yml is looked for in the working directory (and ./config/) only:
		// the jar has none, and
		// Boot's default locations add lookups on the class path, through every jar, on
		// every start
		SpringApplication application = ToolApplication.application(Map.of("spring.config.location", CONFIG_LOCATION));
		if (sandbox != null) {
			application.addListeners(new SandboxRegistrations(sandbox));
		}
		return application.run(springArgs);
	}

}
