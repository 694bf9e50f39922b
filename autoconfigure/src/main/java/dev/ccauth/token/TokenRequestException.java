package dev.ccauth.token;

import java.time.Duration;
import java.util.Optional;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.RegistrationId;

/**
 * The token endpoint did not give a token. {@link #reason()} tells whether trying again
 * can help.
 */
public class TokenRequestException extends ContactCenterException {

	/** Why no token was obtained. */
	public enum Reason {

		/** Client id, secret or access key refused: retrying cannot help. */
		BAD_CREDENTIALS(false),

		/**
		 * The request was refused for another reason (scope, grant not enabled...):
		 * retrying cannot help.
		 */
		REFUSED(false),

		/**
		 * The endpoint is rate limiting this client (429, or Genesys's 400 "rate limit
		 * exceeded").
		 */
		RATE_LIMITED(true),

		/** 5xx: the platform had a transient failure. */
		SERVER_ERROR(true),

		/** No response: connection refused or dropped, timeout, DNS failure. */
		NETWORK(true),

		/** A 2xx response that is not a usable token (not JSON, no access_token). */
		MALFORMED_RESPONSE(false),

		/** Only a handed-over token is configured, and it was refused or has expired. */
		HANDED_OVER_TOKEN_REFUSED(false);

		private final boolean transientFailure;

		Reason(boolean transientFailure) {
			this.transientFailure = transientFailure;
		}

		public boolean isTransient() {
			return this.transientFailure;
		}

	}

	private final Reason reason;

	private final Duration retryAfter;

	public TokenRequestException(RegistrationId registration, String endpoint, Reason reason, int status,
			String errorCode, String errorDescription, Duration retryAfter, String summary, String hint,
			Throwable cause) {
		super(registration, endpoint, status, errorCode, errorDescription, summary, hint, cause);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	@Override
	public TokenRequestException repeated(String note) {
		return new TokenRequestException(registration(), endpoint(), this.reason, status(), errorCode().orElse(null),
				errorDescription().orElse(null), this.retryAfter, summary() + note, hint(), this);
	}

	public Reason reason() {
		return this.reason;
	}

	@Override
	public boolean isTransient() {
		return this.reason.isTransient();
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
