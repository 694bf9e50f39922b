package dev.ccauth.web;

import java.time.Duration;
import java.util.Optional;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.RegistrationId;

/**
 * An API call failed in a way the client could not ride out: refused, rate limited,
 * unavailable, unreachable.
 */
public class ApiCallException extends ContactCenterException {

	private final boolean transientFailure;

	private final Duration retryAfter;

	public ApiCallException(RegistrationId registration, String endpoint, int status, String errorCode,
			String errorDescription, String summary, String hint, boolean transientFailure, Duration retryAfter,
			Throwable cause) {
		super(registration, endpoint, status, errorCode, errorDescription, summary, hint, cause);
		this.transientFailure = transientFailure;
		this.retryAfter = retryAfter;
	}

	@Override
	public boolean isTransient() {
		return this.transientFailure;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
