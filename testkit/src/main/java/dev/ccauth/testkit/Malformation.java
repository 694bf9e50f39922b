package dev.ccauth.testkit;

/** Kinds of broken response bodies {@link Sandbox#malformNext} can inject. */
public enum Malformation {

	/** Status 200 with an HTML body (what a misconfigured proxy sends); any endpoint. */
	NOT_JSON,
	/**
	 * The normal response with its body cut in half (valid HTTP, invalid JSON); any
	 * endpoint.
	 */
	TRUNCATED,
	/**
	 * A successful token response without {@code access_token}; token endpoints only. No
	 * token is issued.
	 */
	NO_ACCESS_TOKEN,
	/**
	 * A successful token response without {@code expires_in}; token endpoints only. The
	 * token works.
	 */
	NO_EXPIRES_IN;

	boolean tokenOnly() {
		return this == NO_ACCESS_TOKEN || this == NO_EXPIRES_IN;
	}

}
