package dev.ccauth.web;

import java.net.ProxySelector;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;

import dev.ccauth.config.Registration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds each registration's HTTP clients, reactive and blocking, from Boot's builders:
 * the registration's timeouts (over Boot's {@code spring.http.clients.*}), its SSL bundle
 * (or Boot's), the proxy, and never a redirect (a redirect could carry the bearer token
 * to another host).
 */
final class HttpClients {

	private static final Logger logger = LoggerFactory.getLogger(HttpClients.class);

	private final ClientHttpConnectorBuilder<?> connectors;

	private final ClientHttpRequestFactoryBuilder<?> requestFactories;

	private final SslBundles sslBundles;

	private final HttpClientSettings defaults;

	/**
	 * @param connectors Boot's (or the application's) reactive connector builder
	 * @param requestFactories Boot's (or the application's) blocking request factory
	 * builder
	 * @param sslBundles the application's SSL bundles, or {@code null} when it has none
	 * @param defaults Boot's {@code spring.http.clients.*} settings, for what a
	 * registration leaves unset
	 * @param environment reads the CI proxy variables, used when the JVM has no proxy of
	 * its own
	 */
	HttpClients(ClientHttpConnectorBuilder<?> connectors, ClientHttpRequestFactoryBuilder<?> requestFactories,
			SslBundles sslBundles, HttpClientSettings defaults, UnaryOperator<String> environment) {
		ProxySettings variables = ProxySettings.jvmProxySet() ? null : ProxySettings.fromVariables(environment);
		this.connectors = withProxy(connectors, variables);
		this.requestFactories = withProxy(requestFactories, variables);
		this.sslBundles = sslBundles;
		this.defaults = (defaults != null) ? defaults : HttpClientSettings.defaults();
	}

	ClientHttpConnector connector(Registration registration) {
		return this.connectors.build(settings(registration));
	}

	ClientHttpRequestFactory requestFactory(Registration registration) {
		return this.requestFactories.build(settings(registration));
	}

	private HttpClientSettings settings(Registration registration) {
		SslBundle sslBundle = this.defaults.sslBundle();
		if (registration.sslBundle() != null) {
			if (this.sslBundles == null) {
				throw new IllegalStateException(registration.id() + ": ssl-bundle '" + registration.sslBundle()
						+ "' is set but the application has no SSL bundles (spring.ssl.bundle.*)");
			}
			sslBundle = this.sslBundles.getBundle(registration.sslBundle());
		}
		return new HttpClientSettings(HttpRedirects.DONT_FOLLOW, registration.http().connectTimeout(),
				registration.http().responseTimeout(), sslBundle);
	}

	private static ClientHttpConnectorBuilder<?> withProxy(ClientHttpConnectorBuilder<?> builder,
			ProxySettings variables) {
		boolean jvm = ProxySettings.jvmProxySet();
		if (builder instanceof ReactorClientHttpConnectorBuilder netty) {
			return jvm ? netty.withHttpClientCustomizer(HttpClient::proxyWithSystemProperties)
					: (variables != null) ? netty.withHttpClientCustomizer(variables::applyTo) : netty;
		}
		if (builder instanceof JdkClientHttpConnectorBuilder jdk && (jvm || variables != null)) {
			return jdk.withHttpClientCustomizer((client) -> client.proxy(proxySelector(variables)));
		}
		warnIfIgnored(builder, jvm || variables != null);
		return builder;
	}

	private static ClientHttpRequestFactoryBuilder<?> withProxy(ClientHttpRequestFactoryBuilder<?> builder,
			ProxySettings variables) {
		boolean jvm = ProxySettings.jvmProxySet();
		if (builder instanceof ReactorClientHttpRequestFactoryBuilder netty) {
			return jvm ? netty.withHttpClientCustomizer(HttpClient::proxyWithSystemProperties)
					: (variables != null) ? netty.withHttpClientCustomizer(variables::applyTo) : netty;
		}
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk && (jvm || variables != null)) {
			return jdk.withHttpClientCustomizer((client) -> client.proxy(proxySelector(variables)));
		}
		warnIfIgnored(builder, jvm || variables != null);
		return builder;
	}

	/**
	 * The JVM's own selector (it reads {@code https.proxyHost}), or one for the CI
	 * variables.
	 */
	private static ProxySelector proxySelector(ProxySettings variables) {
		return (variables != null) ? variables.selector() : ProxySelector.getDefault();
	}

	private static void warnIfIgnored(Object builder, boolean proxyAsked) {
		if (proxyAsked) {
			logger.warn("ccauth applies proxy settings to the Reactor Netty and JDK HTTP clients only, not to {}; "
					+ "configure the proxy on that client", builder.getClass().getSimpleName());
		}
	}

}
