package dev.ccauth.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

	@Test
	void rewritesOneLineInPlaceAndClearsIt() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
		progress.show("users: 100 of 300, page 1 of 3...");
		progress.show("users: 200 of 300, page 2 of 3...");
		progress.clear();
		String blank = " ".repeat(33);
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.isEqualTo("users: 100 of 300, page 1 of 3..." + "\r" + blank + "\r" + "users: 200 of 300, page 2 of 3..."
					+ "\r" + blank + "\r")
			.doesNotContain("\n");
	}

	@Test
	void isSilentWhenNotOnATerminal() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
		progress.show("users: 100 of 300, page 1 of 3...");
		progress.clear();
		assertThat(bytes.size()).isZero();
	}

}
