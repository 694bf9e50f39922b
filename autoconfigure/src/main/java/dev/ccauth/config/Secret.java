package dev.ccauth.config;

import java.util.Objects;

/**
 * A client secret, access-key secret or access token. It never shows its value in
 * {@link #toString()}, so that a registration can be logged or put in an exception
 * message without leaking it; {@link #reveal()} is called only where the value goes on
 * the wire.
 */
public final class Secret {

	private static final String MASK = "******";

	private final String value;

	private Secret(String value) {
		this.value = value;
	}

	/** A secret for the given value, or {@code null} for a null or blank one. */
	public static Secret ofNullable(String value) {
		return (value == null || value.isBlank()) ? null : new Secret(value);
	}

	public static Secret of(String value) {
		Objects.requireNonNull(value, "value");
		return new Secret(value);
	}

	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Secret secret) && secret.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return MASK;
	}

}
