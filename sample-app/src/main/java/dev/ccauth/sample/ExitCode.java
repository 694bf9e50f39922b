package dev.ccauth.sample;

/** The tool's exit codes, as the contract gives them. */
final class ExitCode {

	/** Success. */
	static final int OK = 0;

	/**
	 * An API or network failure: unreachable, 5xx, rate limited after retries, a
	 * malformed answer.
	 */
	static final int FAILURE = 1;

	/**
	 * A usage or configuration error: bad options, missing or invalid credentials or
	 * settings.
	 */
	static final int USAGE = 2;

	/**
	 * Authentication or authorization refused: bad credentials, a refused token, 401 or
	 * 403.
	 */
	static final int REFUSED = 3;

	private ExitCode() {
	}

}
