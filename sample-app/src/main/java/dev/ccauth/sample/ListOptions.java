package dev.ccauth.sample;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of the listing commands, {@code users} and {@code agents}. */
final class ListOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--all", description = "List every page, not only the first.")
	boolean all;

	@Option(names = "--limit", paramLabel = "N",
			description = "List at most N, following pages as needed (stops reading once N are listed).")
	Integer limit;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table, json (a streamed array, one per line), ndjson (one JSON object per line) or csv (default: ${DEFAULT-VALUE}).")
	ListFormat format;

	@Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
	boolean progress;

	@Option(names = "--no-progress", description = "Never show progress (default: shown when stderr is a terminal).")
	boolean noProgress;

	void validate() {
		if (this.limit != null && this.limit < 1) {
			throw new ParameterException(this.spec.commandLine(), "--limit must be 1 or more, was " + this.limit + ".");
		}
		if (this.limit != null && this.all) {
			throw new ParameterException(this.spec.commandLine(),
					"--all and --limit exclude each other: --all lists every page, --limit N stops after N.");
		}
		if (this.progress && this.noProgress) {
			throw new ParameterException(this.spec.commandLine(), "--progress and --no-progress exclude each other.");
		}
	}

	/**
	 * Whether pages after the first are read: with --all, or while --limit is not
	 * reached.
	 */
	boolean pages() {
		return this.all || this.limit != null;
	}

	Progress progress(Session session) {
		Boolean forced = this.progress ? Boolean.TRUE : (this.noProgress ? Boolean.FALSE : null);
		return Progress.onStderr(session.err(), forced);
	}

}
