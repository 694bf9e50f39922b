package dev.ccauth.sample;

import java.io.PrintStream;

/**
 * A progress line on stderr, rewritten in place, for listings that span several pages, shown only
 * when the tool runs in a terminal ({@code System.console() != null}): pipeline logs stay clean.
 */
final class Progress {

	private final PrintStream err;

	private final boolean enabled;

	private int shown;

	Progress(PrintStream err, boolean enabled) {
		this.err = err;
		this.enabled = enabled;
	}

	static Progress onTerminal(PrintStream err) {
		return new Progress(err, System.console() != null);
	}

	/** Shows where a multi-page listing stands; call between pages only. */
	void show(String text) {
		if (!this.enabled) {
			return;
		}
		clear();
		this.err.print(text);
		this.err.flush();
		this.shown = text.length();
	}

	/** Removes the line, before more rows go to the same terminal and at the end. */
	void clear() {
		if (this.enabled && this.shown > 0) {
			this.err.print("\r" + " ".repeat(this.shown) + "\r");
			this.err.flush();
			this.shown = 0;
		}
	}

}
