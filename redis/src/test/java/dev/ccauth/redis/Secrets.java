package dev.ccauth.redis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looks for credentials in what a store wrote: each forbidden value as it is, URL-encoded
 * and in Base64 (standard and URL alphabets), ten characters in a row of any of them, in
 * every key and value, and in whatever any dot-separated part of a value decodes to from
 * Base64.
 */
final class Secrets {

	private static final int WINDOW = 10;

	private Secrets() {
	}

	static void assertNoneIn(Map<String, String> entries, List<String> forbidden) {
		List<String> haystacks = new ArrayList<>();
		entries.forEach((key, value) -> {
			haystacks.add(key);
			haystacks.add(value);
			for (String part : value.split("[.:]")) {
				haystacks.add(decoded(part));
			}
		});
		for (String value : forbidden) {
			for (String form : forms(value)) {
				for (String window : windows(form)) {
					for (String haystack : haystacks) {
						assertThat(haystack).as("a stored key or value (or what it decodes to)").doesNotContain(window);
					}
				}
			}
		}
	}

	private static List<String> forms(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		return List.of(value, URLEncoder.encode(value, StandardCharsets.UTF_8),
				Base64.getEncoder().encodeToString(bytes),
				Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	private static List<String> windows(String form) {
		if (form.length() <= WINDOW) {
			return List.of(form);
		}
		List<String> windows = new ArrayList<>();
		for (int i = 0; i + WINDOW <= form.length(); i++) {
			windows.add(form.substring(i, i + WINDOW));
		}
		return windows;
	}

	private static String decoded(String part) {
		for (Base64.Decoder decoder : List.of(Base64.getUrlDecoder(), Base64.getDecoder())) {
			try {
				return new String(decoder.decode(part), StandardCharsets.ISO_8859_1);
			}
			catch (IllegalArgumentException ex) {
				// not this alphabet
			}
		}
		return "";
	}

}
