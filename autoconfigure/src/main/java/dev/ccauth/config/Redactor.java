package dev.ccauth.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that came from a server or from the network stack, before it
 * reaches an exception message, a log line or a console. A server that echoes the request
 * back holds the secret in the form it was sent: URL- or form-encoded, inside
 * {@code Basic base64(id:secret)}, JSON-escaped. Every such form of every known secret is
 * masked, and so are credentials in the shapes that carry them ({@code Basic ...},
 * {@code Bearer ...}, {@code client_secret=...}, {@code "access_token":"..."}) whatever
 * their value.
 */
final class Redactor {

	static final String MASK = "******";

	/** Forms shorter than this are masked as whole words only. */
	private static final int SHORT = 6;

	private static final Pattern AUTHORIZATION = Pattern
		.compile("(?i)\\b(basic|bearer)(\\s+)[A-Za-z0-9\\-._~+/]{4,}=*");

	private static final Pattern FORM_FIELD = Pattern
		.compile("(?i)\\b(client_secret|password|access_token|refresh_token|id_token|assertion)=[^&\\s\"'<>]+");

	private static final Pattern JSON_FIELD = Pattern.compile(
			"(?i)(\"(?:client_secret|password|access_token|refresh_token|id_token|assertion)\"\\s*:\\s*\")[^\"]*\"");

	private static final Pattern PERCENT = Pattern.compile("%[0-9A-F]{2}");

	private final List<String> forms;

	private Redactor(List<String> forms) {
		this.forms = forms;
	}

	/**
	 * A redactor for secrets sent along with a client id.
	 * @param clientId the client id sent with them in Basic authentication, or
	 * {@code null}
	 * @param secrets the secrets (client secret, access-key secret, tokens); nulls are
	 * skipped
	 */
	static Redactor of(String clientId, Collection<String> secrets) {
		Set<String> forms = new LinkedHashSet<>();
		for (String secret : secrets) {
			if (secret == null || secret.isEmpty()) {
				continue;
			}
			String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
			forms.add(secret);
			forms.add(encoded);
			forms.add(encoded.replace("+", "%20"));
			forms.add(lowerCaseEscapes(encoded));
			forms.add(jsonEscaped(secret));
			forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
			if (clientId != null) {
				basic(forms, clientId + ":" + secret);
				basic(forms, URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + encoded);
			}
		}
		List<String> longestFirst = new ArrayList<>(forms);
		// longest first, so that a form containing another is masked whole
		longestFirst.sort(Comparator.comparingInt(String::length).reversed());
		return new Redactor(List.copyOf(longestFirst));
	}

	private static void basic(Set<String> forms, String credentials) {
		byte[] bytes = credentials.getBytes(StandardCharsets.UTF_8);
		forms.add(Base64.getEncoder().encodeToString(bytes));
		forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
		forms.add(Base64.getUrlEncoder().encodeToString(bytes));
		forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	private static String lowerCaseEscapes(String encoded) {
		Matcher matcher = PERCENT.matcher(encoded);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, matcher.group().toLowerCase(java.util.Locale.ROOT));
		}
		return matcher.appendTail(result).toString();
	}

	private static String jsonEscaped(String secret) {
		return secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
	}

	/** The text with every secret form and every credential-bearing shape masked. */
	String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String result = text;
		for (String form : this.forms) {
			// a short form (a test's secret "b") is masked where it stands alone, not
			// inside every word
			result = (form.length() >= SHORT) ? result.replace(form, MASK)
					: result.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(form) + "(?![A-Za-z0-9])", MASK);
		}
		result = AUTHORIZATION.matcher(result).replaceAll("$1$2" + MASK);
		result = FORM_FIELD.matcher(result).replaceAll("$1=" + MASK);
		return JSON_FIELD.matcher(result).replaceAll("$1" + MASK + "\"");
	}

}
