package dev.ccauth.testkit;

/**
 * Input the sandbox cannot make sense of: answered with the platform's 400, never a 500.
 */
final class BadRequest extends RuntimeException {

	BadRequest(String message) {
		super(message, null, false, false);
	}

}
