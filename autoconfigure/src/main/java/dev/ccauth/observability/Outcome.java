package dev.ccauth.observability;

import java.util.Locale;

import dev.ccauth.token.TokenRequestException;

/**
 * How a token request ended, as metrics, observations and health tell it:
 * {@code success}, {@code refused} (the endpoint said no, and asking again cannot help:
 * bad credentials, a refused grant or scope, a handed-over token refused) or
 * {@code failed} (anything else once retries are spent: rate limiting, 5xx, no answer, an
 * answer that is not a token, a failed CXone discovery).
 */
enum Outcome {

	SUCCESS, REFUSED, FAILED;

	/** The tag value. */
	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Outcome of(Throwable failure) {
		if (failure instanceof TokenRequestException refused) {
			return switch (refused.reason()) {
				case BAD_CREDENTIALS, REFUSED, HANDED_OVER_TOKEN_REFUSED -> REFUSED;
				default -> FAILED;
			};
		}
		return FAILED;
	}

}
