package dev.ccauth.security;

import java.util.ArrayList;
import java.util.List;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.testkit.Sandbox;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Host applications that use Spring Security's OAuth2 client the way its reference
 * documentation shows for calls outside a web request: registrations in
 * {@code spring.security.oauth2.client.*}, an authorized client manager backed by the
 * authorized client service, Spring's own filter (WebFlux) or interceptor (RestClient), a
 * failure handler that removes the client on a 401. "With the module" adds ccauth's
 * auto-configurations and nothing else.
 */
final class HostApplications {

	static final AutoConfigurations MODULE = AutoConfigurations.of(CcauthAutoConfiguration.class,
			CcauthSpringSecurityAutoConfiguration.class);

	private HostApplications() {
	}

	static ReactiveWebApplicationContextRunner webFlux(boolean withModule) {
		ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
					ReactiveOAuth2ClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					SslAutoConfiguration.class))
			.withUserConfiguration(WebFluxClient.class);
		return withModule ? runner.withConfiguration(MODULE) : runner;
	}

	static WebApplicationContextRunner servlet(boolean withModule) {
		WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
					OAuth2ClientAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class))
			.withUserConfiguration(RestClientClient.class);
		return withModule ? runner.withConfiguration(MODULE) : runner;
	}

	/**
	 * A client-credentials registration {@code genesys} on the sandbox, and the API base
	 * URL.
	 */
	static String[] genesys(Sandbox sandbox) {
		return new String[] {
				"spring.security.oauth2.client.registration.genesys.client-id=" + sandbox.genesysClient().clientId(),
				"spring.security.oauth2.client.registration.genesys.client-secret="
						+ sandbox.genesysClient().clientSecret(),
				"spring.security.oauth2.client.registration.genesys.authorization-grant-type=client_credentials",
				"spring.security.oauth2.client.registration.genesys.provider=genesys",
				"spring.security.oauth2.client.provider.genesys.token-uri=" + sandbox.genesysTokenUri(),
				"app.registration=genesys", "app.base-url=" + sandbox.genesysBaseUrl() };
	}

	/**
	 * A password registration {@code cxone} whose provider is the sandbox's CXone issuer
	 * (Boot reads its discovery document at startup), with the access key where the
	 * bridge reads it.
	 */
	static String[] cxone(Sandbox sandbox) {
		List<String> properties = new ArrayList<>(List.of(
				"spring.security.oauth2.client.registration.cxone.client-id=" + sandbox.cxoneClient().clientId(),
				"spring.security.oauth2.client.registration.cxone.client-secret="
						+ sandbox.cxoneClient().clientSecret(),
				"spring.security.oauth2.client.registration.cxone.authorization-grant-type=password",
				"spring.security.oauth2.client.registration.cxone.provider=cxone",
				"spring.security.oauth2.client.provider.cxone.issuer-uri=" + sandbox.cxoneIssuer(),
				"ccauth.spring-security.cxone-issuers=" + sandbox.cxoneIssuer(),
				"ccauth.spring-security.registration.cxone.access-key-id=" + sandbox.cxoneAccessKey().id(),
				"ccauth.spring-security.registration.cxone.access-key-secret=" + sandbox.cxoneAccessKey().secret(),
				"app.registration=cxone", "app.base-url=" + sandbox.cxoneBaseUrl()));
		return properties.toArray(String[]::new);
	}

	/**
	 * A WebFlux client: {@code ServerOAuth2AuthorizedClientExchangeFilterFunction} on the
	 * app's WebClient.
	 */
	@Configuration(proxyBeanMethods = false)
	static class WebFluxClient {

		@Bean
		ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
				ReactiveClientRegistrationRepository registrations,
				ReactiveOAuth2AuthorizedClientService authorizedClients) {
			AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
					registrations, authorizedClients);
			manager.setAuthorizedClientProvider(
					ReactiveOAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
			return manager;
		}

		@Bean
		WebClient apiWebClient(WebClient.Builder builder, ReactiveOAuth2AuthorizedClientManager manager,
				ReactiveOAuth2AuthorizedClientService authorizedClients, Environment environment) {
			ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
					manager);
			oauth.setDefaultClientRegistrationId(environment.getProperty("app.registration"));
			oauth.setAuthorizationFailureHandler(new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler(
					(registrationId, principal, attributes) -> authorizedClients.removeAuthorizedClient(registrationId,
							principal.getName())));
			return builder.baseUrl(environment.getProperty("app.base-url")).filter(oauth).build();
		}

		/**
		 * A second client, for the registration {@code wrong} (a wrong secret), when
		 * {@code app.wrong} is set.
		 */
		@Bean
		@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("app.wrong")
		WebClient wrongWebClient(WebClient.Builder builder, ReactiveOAuth2AuthorizedClientManager manager,
				Environment environment) {
			ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
					manager);
			oauth.setDefaultClientRegistrationId("wrong");
			return builder.baseUrl(environment.getProperty("app.base-url")).filter(oauth).build();
		}

	}

	/**
	 * A servlet-stack client: {@code OAuth2ClientHttpRequestInterceptor} on the app's
	 * RestClient.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RestClientClient {

		@Bean
		OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
				OAuth2AuthorizedClientService authorizedClients) {
			AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
					registrations, authorizedClients);
			manager.setAuthorizedClientProvider(
					OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
			return manager;
		}

		@Bean
		RestClient apiRestClient(OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientService authorizedClients,
				Environment environment) {
			OAuth2ClientHttpRequestInterceptor oauth = new OAuth2ClientHttpRequestInterceptor(manager);
			String registration = environment.getProperty("app.registration");
			oauth.setClientRegistrationIdResolver((request) -> registration);
			oauth.setAuthorizationFailureHandler(
					OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
			return RestClient.builder()
				.baseUrl(environment.getProperty("app.base-url"))
				.requestInterceptor(oauth)
				.build();
		}

	}

}
