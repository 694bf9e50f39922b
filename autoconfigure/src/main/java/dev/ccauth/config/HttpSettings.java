package dev.ccauth.config;

import java.time.Duration;

/**
 * HTTP settings of token and API calls, global under {@code ccauth.http} or per
 * registration.
 *
 * @param connectTimeout Longest wait for a TCP (and TLS) connection (default 10s)
 * @param responseTimeout Longest silence while waiting for a response: the gap between
 * two reads, not the whole exchange (default 30s)
 * @param tokenRequestTimeout Longest time one attempt of a token or CXone discovery
 * request may take in all, from connecting to the last byte of the response, however the
 * server trickles it (default 30s); API calls are bounded by connect-timeout and
 * response-timeout only
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, Duration tokenRequestTimeout) {

	public static final HttpSettings DEFAULTS = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
			Duration.ofSeconds(30));

	/**
	 * These settings with the values a registration sets itself, if any, taking
	 * precedence.
	 */
	public HttpSettings overriddenBy(HttpSettings override) {
		return (override != null) ? override.orElse(this) : this;
	}

	/** These settings, with every unset value taken from {@code fallback}. */
	public HttpSettings orElse(HttpSettings fallback) {
		if (fallback == null) {
			return this;
		}
		return new HttpSettings(Settings.first(this.connectTimeout, fallback.connectTimeout),
				Settings.first(this.responseTimeout, fallback.responseTimeout),
				Settings.first(this.tokenRequestTimeout, fallback.tokenRequestTimeout));
	}

}
