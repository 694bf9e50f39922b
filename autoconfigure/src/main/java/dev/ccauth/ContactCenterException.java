package dev.ccauth;

import java.util.Optional;

import dev.ccauth.config.RegistrationId;

/**
 * A call for a registration failed. Carries what a pipeline log needs to tell the cause
 * without a stack trace: registration, platform, endpoint, HTTP status, the platform's
 * error code and description, and a one-line hint on how to fix it. Never a secret or a
 * token.
 */
public class ContactCenterException extends RuntimeException {

	private final RegistrationId registration;

	private final String endpoint;

	private final int status;

	private final String errorCode;

	private final String errorDescription;

	private final String hint;

	private final String summary;

	public ContactCenterException(RegistrationId registration, String endpoint, int status, String errorCode,
			String errorDescription, String summary, String hint, Throwable cause) {
		super(message(registration, summary, status, errorCode, errorDescription, hint), cause);
		this.registration = registration;
		this.endpoint = endpoint;
		this.status = status;
		this.errorCode = errorCode;
		this.errorDescription = errorDescription;
		this.hint = hint;
		this.summary = summary;
	}

	private static String message(RegistrationId registration, String summary, int status, String errorCode,
			String errorDescription, String hint) {
		StringBuilder message = new StringBuilder().append(registration).append(": ").append(summary);
		if (status > 0 || errorCode != null) {
			message.append(" (");
			if (status > 0) {
				message.append("HTTP ").append(status);
			}
			if (errorCode != null) {
				message.append((status > 0) ? " " : "").append(errorCode);
			}
			if (errorDescription != null) {
				message.append(": ").append(errorDescription);
			}
			message.append(")");
		}
		if (hint != null) {
			message.append(". ").append(hint);
		}
		return message.toString();
	}

	public RegistrationId registration() {
		return this.registration;
	}

	public String endpoint() {
		return this.endpoint;
	}

	/** The HTTP status, or 0 when no response was received. */
	public int status() {
		return this.status;
	}

	public Optional<String> errorCode() {
		return Optional.ofNullable(this.errorCode);
	}

	public Optional<String> errorDescription() {
		return Optional.ofNullable(this.errorDescription);
	}

	/**
	 * This failure again, for a call that gets it without a new attempt (during the
	 * cool-down after it): the same fields, the note added to the summary, and this
	 * failure as the cause.
	 */
	public ContactCenterException repeated(String note) {
		return new ContactCenterException(this.registration, this.endpoint, this.status, this.errorCode,
				this.errorDescription, this.summary + note, this.hint, this);
	}

	/** What failed, in one line, without the status, code or hint. */
	protected String summary() {
		return this.summary;
	}

	/** How to fix it, in one line. */
	public String hint() {
		return this.hint;
	}

	/**
	 * Whether a later attempt may succeed (rate limiting, a transient failure, no
	 * response).
	 */
	public boolean isTransient() {
		return false;
	}

	/** The wait the server asked for, if it did. */
	public Optional<java.time.Duration> retryAfter() {
		return Optional.empty();
	}

}
