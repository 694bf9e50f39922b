package dev.ccauth.sample;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A progress line on stderr, rewritten in place, for listings that span several pages,
 * shown only when stderr is a terminal (pipeline logs stay clean), or when
 * {@code --progress} asks for it.
 */
final class Progress {

	private final PrintStream err;

	private final boolean enabled;

	private int shown;

	Progress(PrintStream err, boolean enabled) {
		this.err = err;
		this.enabled = enabled;
	}

	/**
	 * @param forced {@code true} for {@code --progress}, {@code false} for
	 * {@code --no-progress}, {@code null} to show it when stderr is a terminal
	 */
	static Progress onStderr(PrintStream err, Boolean forced) {
		return new Progress(err, (forced != null) ? forced : stderrIsTerminal());
	}

	/**
	 * Whether stderr (file descriptor 2) is a terminal. {@code System.console()} answers
	 * another question: whether stdin and stdout are (so {@code users > file} in a
	 * terminal looked like no terminal), and from Java 22 on it returns a console for
	 * pipes too. Linux names the terminal behind each descriptor in {@code /proc};
	 * elsewhere the console's own answer is the best there is.
	 */
	static boolean stderrIsTerminal() {
		Path stderr = Path.of("/proc/self/fd/2");
		if (Files.isSymbolicLink(stderr)) {
			try {
				String target = Files.readSymbolicLink(stderr).toString();
				return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
			}
			catch (IOException ex) {
				return false;
			}
		}
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			Method isTerminal = Console.class.getMethod("isTerminal"); // Java 22 and
																		// later
			return Boolean.TRUE.equals(isTerminal.invoke(console));
		}
		catch (ReflectiveOperationException ex) {
			return true; // up to Java 21, a console exists only when stdin and stdout are
							// terminals
		}
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
