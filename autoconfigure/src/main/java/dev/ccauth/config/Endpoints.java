package dev.ccauth.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every endpoint obeys, configured or discovered: an absolute URL with a host,
 * https unless the host is a loopback address, and no user-info (a password in a URL ends
 * up in logs and error messages).
 */
public final class Endpoints {

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#]*@");

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private Endpoints() {
	}

	/**
	 * What is wrong with the URL, or {@code null} when it may be used.
	 * @param uri an absolute URI
	 */
	public static String problem(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			return "is not an absolute http(s) URL with a host";
		}
		if (uri.getRawUserInfo() != null) {
			return "contains a user name or password before the host; credentials do not belong in a URL";
		}
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			return "uses plain http on a host that is not a loopback address: credentials and tokens would travel unencrypted";
		}
		return null;
	}

	/**
	 * The URL as it may be shown: any user-info replaced, whether or not the text parses.
	 */
	public static String shown(String url) {
		return (url != null) ? USER_INFO.matcher(url.trim()).replaceFirst("$1******@") : null;
	}

	/**
	 * Whether the host is {@code localhost} exactly or a loopback IP literal
	 * (127.0.0.0/8, {@code ::1}). Names are never resolved: {@code 127.example.org} is a
	 * name like any other.
	 */
	public static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		if (h.equals("localhost")) {
			return true;
		}
		var ipv4 = IPV4.matcher(h);
		if (ipv4.matches()) {
			for (int group = 1; group <= 4; group++) {
				if (Integer.parseInt(ipv4.group(group)) > 255) {
					return false;
				}
			}
			return ipv4.group(1).equals("127");
		}
		if (h.indexOf(':') >= 0 && h.matches("[0-9a-f:.]+")) {
			try {
				// a literal with a colon is parsed, never looked up
				return InetAddress.getByName(h).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

	/**
	 * The registrable domain of a host: its last two labels, or three under a two-letter
	 * country code with a generic second level ({@code example.co.uk}); an IP literal or
	 * single label is its own. An approximation of the public suffix list, enough to keep
	 * discovered CXone endpoints under the issuer's domain ({@code niceincontact.com}).
	 */
	public static String registrableDomain(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.endsWith(".")) {
			h = h.substring(0, h.length() - 1);
		}
		if (h.startsWith("[") || IPV4.matcher(h).matches()) {
			return h;
		}
		String[] labels = h.split("\\.");
		if (labels.length <= 2) {
			return h;
		}
		int keep = 2;
		String tld = labels[labels.length - 1];
		String second = labels[labels.length - 2];
		if (tld.length() == 2 && Pattern.matches("co|com|net|org|gov|edu|ac|or|ne|go", second)) {
			keep = 3;
		}
		return String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length));
	}

}
