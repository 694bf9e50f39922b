package dev.ccauth.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpHeaders;

/** Reads {@code Retry-After}: delta seconds or an HTTP date (RFC 9110). */
public final class RetryAfter {

	private RetryAfter() {
	}

	/** The wait asked for, or {@code null} when the header is absent or unreadable. */
	public static Duration parse(HttpHeaders headers, Clock clock) {
		return parse(headers.getFirst(HttpHeaders.RETRY_AFTER), clock);
	}

	public static Duration parse(String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// not delta-seconds: try an HTTP date
		}
		try {
			ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), date.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
