package dev.ccauth.token;

import reactor.core.publisher.Mono;

import dev.ccauth.config.Registration;

/**
 * Obtains a new access token for a {@link TokenSource}: one request (and its retries) per
 * subscription. The token source calls it one at a time per registration; a decorator may
 * put a store shared by processes, metrics or traces in between.
 */
@FunctionalInterface
public interface TokenClient {

	/**
	 * Requests a token.
	 * @param trigger why a token is needed
	 * @param current the token held so far (due for renewal, or refused), or {@code null}
	 */
	Mono<AccessToken> requestToken(Trigger trigger, AccessToken current);

	/**
	 * Told when the API refused a token and the source dropped it (a shared store drops
	 * it too).
	 */
	default void invalidated(AccessToken refused) {
	}

	/** Why a token source asks for a token. */
	enum Trigger {

		/** It holds no valid token: the first call, or the token ran out. */
		FIRST,

		/** The token is due for renewal and still valid: a background request. */
		RENEWAL,

		/** The API refused the token. */
		INVALIDATED;

		/** The tag value: {@code first}, {@code renewal}, {@code invalidated}. */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** Wraps a registration's token client. */
	@FunctionalInterface
	interface Decorator {

		TokenClient decorate(Registration registration, TokenClient client);

	}

}
