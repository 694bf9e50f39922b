package dev.ccauth.sample;

/** A command of the tool: options parsed by picocli, run once Spring has started. */
interface ToolCommand {

	/** The options every command has. */
	CommonOptions common();

	/**
	 * Checks the options before Spring starts.
	 * @throws picocli.CommandLine.ParameterException for a usage error (usage shown, exit
	 * 2)
	 * @throws ToolException for another error found before start
	 */
	default void validate() {
	}

	/** Runs the command and returns its exit code. */
	int run(Session session) throws Exception;

}
