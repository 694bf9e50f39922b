package dev.ccauth.web;

import java.util.function.UnaryOperator;

import reactor.netty.http.client.HttpClient;

import dev.ccauth.config.Registration;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds each registration's HTTP connector: its timeouts, its SSL bundle, the proxy, and no
 * redirects (a redirect could carry the bearer token to another host).
 */
final class ClientHttpConnectors {

	private final ReactorClientHttpConnectorBuilder builder;

	private final SslBundles sslBundles;

	/**
	 * @param builder the Reactor Netty connector builder
	 * @param sslBundles the application's SSL bundles, or {@code null} when it has none
	 * @param environment reads the CI proxy variables, used when the JVM has no proxy of its own
	 */
	ClientHttpConnectors(ReactorClientHttpConnectorBuilder builder, SslBundles sslBundles,
			UnaryOperator<String> environment) {
		ProxySettings variables = ProxySettings.jvmProxySet() ? null : ProxySettings.fromVariables(environment);
		UnaryOperator<HttpClient> proxy = ProxySettings.jvmProxySet() ? HttpClient::proxyWithSystemProperties
				: (variables != null) ? variables::applyTo : null;
		this.builder = (proxy != null) ? builder.withHttpClientCustomizer(proxy::apply) : builder;
		this.sslBundles = sslBundles;
	}

	ClientHttpConnector connector(Registration registration) {
		SslBundle sslBundle = null;
		if (registration.sslBundle() != null) {
			if (this.sslBundles == null) {
				throw new IllegalStateException(registration.id() + ": ssl-bundle '" + registration.sslBundle()
						+ "' is set but the application has no SSL bundles (spring.ssl.bundle.*)");
			}
			sslBundle = this.sslBundles.getBundle(registration.sslBundle());
		}
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW,
				registration.http().connectTimeout(), registration.http().responseTimeout(), sslBundle);
		return this.builder.build(settings);
	}

}
