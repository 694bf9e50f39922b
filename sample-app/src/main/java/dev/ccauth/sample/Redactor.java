package dev.ccauth.sample;

import java.util.List;

import dev.ccauth.config.Registration;

/**
 * Masks every known secret, in every form a server could echo it in, in text printed on
 * stderr: error messages may quote what a server said. The library redacts its own
 * messages; this covers whatever else reaches the console (stack traces with --debug).
 */
final class Redactor {

	static final Redactor NONE = new Redactor(List.of());

	private final List<Registration> registrations;

	Redactor(List<Registration> registrations) {
		this.registrations = List.copyOf(registrations);
	}

	String redact(String text) {
		String redacted = text;
		for (Registration registration : this.registrations) {
			redacted = registration.redact(redacted);
		}
		return redacted;
	}

}
