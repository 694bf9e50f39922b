package dev.ccauth.autoconfigure;

import java.time.Clock;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import reactor.core.scheduler.Schedulers;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Platform;
import dev.ccauth.cxone.CxonePlatform;
import dev.ccauth.genesys.GenesysPlatform;
import dev.ccauth.retry.ContactCenterRetryPolicies;
import dev.ccauth.retry.RetryObserver;
import dev.ccauth.token.TokenClient;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * ccauth's auto-configuration: the registrations from {@code ccauth.*} (or the
 * environment), a {@link ContactCenterClients}, one {@link WebClient} and one
 * {@link RestClient} bean per registration, and the HTTP service groups named after
 * registrations. Clients start from Boot's builders and {@code spring.http.clients.*}
 * settings. It defines no security configuration and no {@code spring.security.*}
 * registration, so the host application's own security stays as it was.
 */
@AutoConfiguration(
		after = { WebClientAutoConfiguration.class, SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class },
		afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass({ WebClient.class, reactor.netty.http.client.HttpClient.class })
@EnableConfigurationProperties(CcauthProperties.class)
@Import(RegistrationClientsRegistrar.class)
public final class CcauthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ContactCenterRegistrations contactCenterRegistrations(CcauthProperties properties,
			ObjectProvider<HttpClientSettings> httpClientSettings, Environment environment) {
		return RegistrationResolution.resolve(properties, httpClientSettings.getIfAvailable(),
				environment::getProperty);
	}

	@Bean
	@ConditionalOnMissingBean
	ContactCenterRetryPolicies contactCenterRetryPolicies() {
		return ContactCenterRetryPolicies.fromSettings();
	}

	@Bean
	@ConditionalOnMissingBean
	ContactCenterClients contactCenterClients(ContactCenterRegistrations registrations,
			ContactCenterRetryPolicies retryPolicies, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<TokenClient.Decorator> tokenClientDecorators, ObjectProvider<RetryObserver> retryObservers,
			ObjectProvider<ObservationRegistry> observationRegistry, Environment environment) {
		ContactCenterClients.Builder builder = ContactCenterClients.builder(registrations);
		tokenClientDecorators.orderedStream().forEach(builder::tokenClientDecorator);
		List<RetryObserver> observers = retryObservers.orderedStream().toList();
		if (!observers.isEmpty()) {
			builder.retryObserver((registration, reason, wait) -> observers
				.forEach((observer) -> observer.retrying(registration, reason, wait)));
		}
		// token and discovery requests observed as children of the token request's
		// observation
		builder.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		return builder.platform(Platform.GENESYS, GenesysPlatform::endpoints)
			.platform(Platform.CXONE, CxonePlatform::endpoints)
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.restClientBuilder(restClientBuilder.getIfAvailable(RestClient::builder))
			.connectorBuilder(connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::reactor))
			.requestFactoryBuilder(requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::reactor))
			.httpClientSettings(httpClientSettings.getIfAvailable())
			.sslBundles(sslBundles.getIfAvailable())
			.environment(environment::getProperty)
			.retryPolicies(retryPolicies)
			.clock(Clock.systemUTC())
			.scheduler(Schedulers.parallel())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("ccauth.validate-on-startup")
	StartupTokenCheck ccauthStartupTokenCheck(ContactCenterClients clients) {
		return new StartupTokenCheck(clients);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientHttpServiceGroupConfigurer.class)
	static class RestClientServiceGroups {

		@Bean
		@ConditionalOnMissingBean(name = "ccauthRestClientHttpServiceGroupConfigurer")
		RestClientHttpServiceGroupConfigurer ccauthRestClientHttpServiceGroupConfigurer(
				ObjectProvider<ContactCenterClients> clients) {
			return new ServiceGroupConfigurers.RestClients(clients);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClientHttpServiceGroupConfigurer.class)
	static class WebClientServiceGroups {

		@Bean
		@ConditionalOnMissingBean(name = "ccauthWebClientHttpServiceGroupConfigurer")
		WebClientHttpServiceGroupConfigurer ccauthWebClientHttpServiceGroupConfigurer(
				ObjectProvider<ContactCenterClients> clients) {
			return new ServiceGroupConfigurers.WebClients(clients);
		}

	}

}
