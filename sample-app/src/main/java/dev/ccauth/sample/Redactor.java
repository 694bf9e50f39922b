package dev.ccauth.sample;

import java.util.Comparator;
import java.util.List;

import dev.ccauth.config.Secret;

/** Masks every known secret in text printed on stderr: error messages may quote what a server said. */
final class Redactor {

	static final Redactor NONE = new Redactor(List.of());

	private final List<Secret> secrets;

	Redactor(List<Secret> secrets) {
		// longest first, so that a secret containing another is masked whole
		this.secrets = secrets.stream()
			.sorted(Comparator.comparingInt((Secret secret) -> secret.reveal().length()).reversed())
			.toList();
	}

	String redact(String text) {
		String redacted = text;
		for (Secret secret : this.secrets) {
			redacted = secret.redactFrom(redacted);
		}
		return redacted;
	}

}
