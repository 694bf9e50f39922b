package dev.ccauth.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.ProxyProvider;

import org.springframework.core.env.Environment;

/**
 * The HTTPS proxy of a corporate network, from the JVM's {@code https.proxyHost}/{@code https.proxyPort}
 * (and {@code http.nonProxyHosts}) or else the {@code HTTPS_PROXY}/{@code NO_PROXY} variables that
 * CI runners set. Loopback addresses never go through the proxy.
 *
 * @param host proxy host
 * @param port proxy port
 * @param username proxy user, or {@code null}
 * @param password proxy password, or {@code null}
 * @param nonProxyHosts regular expression of hosts reached directly
 */
public record ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {

	private static final String LOOPBACK = "localhost|127\\..*|\\[?::1\\]?|0:0:0:0:0:0:0:1";

	/** The proxy the environment asks for, or {@code null} for none. */
	public static ProxySettings from(Environment environment) {
		String host = environment.getProperty("https.proxyHost");
		if (host != null && !host.isBlank()) {
			int port = environment.getProperty("https.proxyPort", Integer.class, 443);
			return new ProxySettings(host.trim(), port, null, null,
					jvmNonProxyHosts(environment.getProperty("http.nonProxyHosts")));
		}
		String url = first(environment, "HTTPS_PROXY", "https_proxy");
		if (url == null) {
			return null;
		}
		URI uri = URI.create(url.contains("://") ? url : "http://" + url);
		String[] userInfo = (uri.getUserInfo() != null) ? uri.getUserInfo().split(":", 2) : new String[0];
		return new ProxySettings(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 80,
				(userInfo.length > 0) ? userInfo[0] : null, (userInfo.length > 1) ? userInfo[1] : null,
				noProxy(first(environment, "NO_PROXY", "no_proxy")));
	}

	public HttpClient applyTo(HttpClient client) {
		return client.proxy((proxy) -> {
			ProxyProvider.Builder builder = proxy.type(ProxyProvider.Proxy.HTTP)
				.host(this.host)
				.port(this.port)
				.nonProxyHosts(this.nonProxyHosts);
			if (this.username != null) {
				builder.username(this.username).password((user) -> this.password);
			}
		});
	}

	private static String jvmNonProxyHosts(String value) {
		List<String> patterns = new ArrayList<>(List.of(LOOPBACK));
		if (value != null) {
			for (String host : value.split("\\|")) {
				if (!host.isBlank()) {
					patterns.add(Pattern.quote(host.trim()).replace("*", "\\E.*\\Q"));
				}
			}
		}
		return String.join("|", patterns);
	}

	private static String noProxy(String value) {
		List<String> patterns = new ArrayList<>(List.of(LOOPBACK));
		if (value != null) {
			for (String entry : value.split(",")) {
				String host = entry.trim().toLowerCase(Locale.ROOT);
				if (host.equals("*")) {
					return ".*";
				}
				if (!host.isEmpty()) {
					String domain = host.startsWith(".") ? host.substring(1) : host;
					patterns.add(Pattern.quote(domain) + "|.*\\." + Pattern.quote(domain));
				}
			}
		}
		return String.join("|", patterns);
	}

	private static String first(Environment environment, String... names) {
		for (String name : names) {
			String value = environment.getProperty(name);
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "ProxySettings[host=" + this.host + ", port=" + this.port + ", username=" + this.username
				+ ", password=" + ((this.password != null) ? "******" : null) + "]";
	}

}
