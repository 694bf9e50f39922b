package dev.ccauth.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import reactor.netty.http.client.HttpClient;
import reactor.netty.transport.ProxyProvider;

import dev.ccauth.config.EnvironmentVariables;

/**
 * The HTTPS proxy of a corporate network. The JVM's
 * {@code https.proxyHost}/{@code https.proxyPort} and {@code http.nonProxyHosts} are
 * Reactor Netty's to read ({@link HttpClient#proxyWithSystemProperties()}); what CI
 * runners set instead, {@code HTTPS_PROXY} and {@code NO_PROXY}, is read here. Loopback
 * addresses never go through the proxy.
 *
 * @param host proxy host
 * @param port proxy port
 * @param username proxy user, or {@code null}
 * @param password proxy password, or {@code null}
 * @param nonProxyHosts regular expression of hosts reached directly
 */
record ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {

	private static final EnvironmentVariables VARIABLES = new EnvironmentVariables(
			Map.of("proxy", List.of("HTTPS_PROXY", "https_proxy"), "no-proxy", List.of("NO_PROXY", "no_proxy")));

	private static final String LOOPBACK = "localhost|127\\..*|\\[?::1\\]?|0:0:0:0:0:0:0:1";

	/** Whether the JVM has a proxy of its own, which then wins over the variables. */
	static boolean jvmProxySet() {
		return System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null;
	}

	/** The proxy the CI variables ask for, or {@code null} for none. */
	static ProxySettings fromVariables(UnaryOperator<String> environment) {
		String variable = VARIABLES.firstSet("proxy", environment);
		if (variable == null || environment.apply(variable).isBlank()) {
			return null;
		}
		String url = environment.apply(variable).trim();
		URI uri = URI.create(url.contains("://") ? url : "http://" + url);
		String[] userInfo = (uri.getUserInfo() != null) ? uri.getUserInfo().split(":", 2) : new String[0];
		String noProxy = VARIABLES.firstSet("no-proxy", environment);
		return new ProxySettings(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 80,
				(userInfo.length > 0) ? userInfo[0] : null, (userInfo.length > 1) ? userInfo[1] : null,
				nonProxyHosts((noProxy != null) ? environment.apply(noProxy) : null));
	}

	/**
	 * A selector for the JDK's HTTP client: the proxy, except for the hosts reached
	 * directly.
	 */
	java.net.ProxySelector selector() {
		java.net.Proxy proxy = new java.net.Proxy(java.net.Proxy.Type.HTTP,
				java.net.InetSocketAddress.createUnresolved(this.host, this.port));
		Pattern direct = Pattern.compile(this.nonProxyHosts, Pattern.CASE_INSENSITIVE);
		return new java.net.ProxySelector() {

			@Override
			public List<java.net.Proxy> select(URI uri) {
				String host = (uri.getHost() != null) ? uri.getHost() : "";
				return List.of(direct.matcher(host).matches() ? java.net.Proxy.NO_PROXY : proxy);
			}

			@Override
			public void connectFailed(URI uri, java.net.SocketAddress address, java.io.IOException ex) {
			}

		};
	}

	HttpClient applyTo(HttpClient client) {
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

	private static String nonProxyHosts(String value) {
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

	@Override
	public String toString() {
		return "ProxySettings[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + "]";
	}

}
