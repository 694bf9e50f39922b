package dev.ccauth.web;

import java.net.URI;
import java.util.Locale;

/**
 * Scheme, host and port of a URL, with default ports made explicit: where a bearer token
 * may go.
 */
record Origin(String scheme, String host, int port) {

	static Origin of(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int port = (uri.getPort() != -1) ? uri.getPort() : defaultPort(scheme);
		return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
	}

	boolean matches(URI uri) {
		String otherScheme = uri.getScheme();
		String otherHost = uri.getHost();
		if (otherScheme == null || otherHost == null) {
			return false;
		}
		int otherPort = (uri.getPort() != -1) ? uri.getPort() : defaultPort(otherScheme.toLowerCase(Locale.ROOT));
		return otherPort == this.port && this.scheme.equalsIgnoreCase(otherScheme)
				&& this.host.equalsIgnoreCase(otherHost);
	}

	private static int defaultPort(String scheme) {
		return switch (scheme) {
			case "https" -> 443;
			case "http" -> 80;
			default -> -1;
		};
	}

	@Override
	public String toString() {
		return this.scheme + "://" + this.host + ":" + this.port;
	}

}
