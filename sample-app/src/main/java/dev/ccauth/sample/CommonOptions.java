package dev.ccauth.sample;

import picocli.CommandLine.Option;

/** Options of every command. */
final class CommonOptions {

	@Option(names = "--sandbox",
			description = "Run against the embedded sandbox (demo data, no real org, no credentials needed).")
	boolean sandbox;

	@Option(names = "--debug", description = "Show stack traces and ccauth's debug log on stderr.")
	boolean debug;

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

}
