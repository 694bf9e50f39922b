package dev.ccauth.sample;

/** A failure the tool explains itself, in one line, with the exit code it means. */
final class ToolException extends RuntimeException {

	private final int code;

	ToolException(int code, String message) {
		super(message);
		this.code = code;
	}

	int code() {
		return this.code;
	}

}
