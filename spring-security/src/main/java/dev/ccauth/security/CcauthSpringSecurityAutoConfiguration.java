package dev.ccauth.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.autoconfigure.CcauthProperties;
import dev.ccauth.config.RegistrationDefaults;
import dev.ccauth.retry.ContactCenterRetryPolicies;
import dev.ccauth.token.TokenClient;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * Gives Spring Security's OAuth2 client ccauth's token engine: every authorized client
 * manager bean gets ccauth in front of it for the application's
 * {@code client_credentials} and {@code password} registrations, and the authorized
 * client stores tell ccauth when Spring's failure handler removes a client after a 401.
 * With {@code ccauth.spring-security.expose-registrations=true}, ccauth's own
 * registrations are published as Spring Security registrations too. Nothing here
 * configures the application's own security: no filter chain, no login, no
 * {@code spring.security.*} property.
 */
@AutoConfiguration(after = CcauthAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnClass({ ClientRegistration.class, ReactiveOAuth2AuthorizedClientManager.class })
@ConditionalOnBooleanProperty(name = "ccauth.spring-security.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SpringSecurityBridgeProperties.class)
public final class CcauthSpringSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static BridgePostProcessor ccauthSpringSecurityBridgePostProcessor() {
		return new BridgePostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	SpringSecurityBridge springSecurityBridge(SpringSecurityBridgeProperties properties,
			ObjectProvider<CcauthProperties> ccauth, ObjectProvider<ClientRegistrationRepository> blocking,
			ObjectProvider<ReactiveClientRegistrationRepository> reactive, ObjectProvider<ExposedRegistrations> exposed,
			ObjectProvider<ContactCenterRetryPolicies> retryPolicies, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<TokenClient.Decorator> tokenClientDecorators, Environment environment) {
		CcauthProperties settings = ccauth.getIfAvailable();
		RegistrationDefaults defaults = (settings != null)
				? new RegistrationDefaults(settings.token(), settings.retry(), settings.http())
				: RegistrationDefaults.DEFAULTS;
		SpringSecurityBridge.Sources sources = new SpringSecurityBridge.Sources(
				new SpringRegistrationMapper(properties, defaults), (registrations) -> {
					ContactCenterClients.Builder builder = ContactCenterClients.builder(registrations);
					tokenClientDecorators.orderedStream().forEach(builder::tokenClientDecorator);
					return builder.connectorBuilder(ClientHttpConnectorBuilder.reactor())
						.sslBundles(sslBundles.getIfAvailable())
						.environment(environment::getProperty)
						.retryPolicies(retryPolicies.getIfAvailable(ContactCenterRetryPolicies::fromSettings))
						.clock(Clock.systemUTC())
						.scheduler(Schedulers.parallel());
				});
		List<ClientRegistration> known = new ArrayList<>();
		blocking.orderedStream().forEach((repository) -> listed(repository, known));
		reactive.orderedStream().forEach((repository) -> listed(repository, known));
		ExposedRegistrations exposedRegistrations = exposed.getIfAvailable();
		return new SpringSecurityBridge(known, (exposedRegistrations != null) ? exposedRegistrations.all() : List.of(),
				sources, (id) -> {
					ClientRegistrationRepository repository = blocking.getIfUnique();
					return (repository != null) ? repository.findByRegistrationId(id) : null;
				}, (id) -> {
					ReactiveClientRegistrationRepository repository = reactive.getIfUnique();
					return (repository != null) ? repository.findByRegistrationId(id) : Mono.empty();
				});
	}

	/**
	 * The registrations of a repository that can list them (Boot's in-memory ones can).
	 */
	private static void listed(Object repository, List<ClientRegistration> known) {
		if (repository instanceof Iterable<?> registrations) {
			for (Object registration : registrations) {
				if (registration instanceof ClientRegistration clientRegistration) {
					known.add(clientRegistration);
				}
			}
		}
	}

	/** ccauth's own registrations as Spring Security registrations, when asked for. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("ccauth.spring-security.expose-registrations")
	@ConditionalOnBean(ContactCenterClients.class)
	static class ExposedRegistrationsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExposedRegistrations ccauthExposedRegistrations(ContactCenterClients clients) {
			return new ExposedRegistrations(clients);
		}

		@Bean
		static ExposingPostProcessor ccauthExposingPostProcessor() {
			return new ExposingPostProcessor();
		}

	}

	/**
	 * A reactive (or non-web) application without client registrations of its own: a
	 * manager serving ccauth's exposed registrations (for
	 * {@code @RegisteredOAuth2AuthorizedClient}, the exchange filter function, HTTP
	 * service groups). No client registration repository bean: Spring Security's default
	 * WebFlux filter chain switches to OAuth2 login when one appears.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("ccauth.spring-security.expose-registrations")
	@ConditionalOnBean(ContactCenterClients.class)
	@Conditional(NotServletApplication.class)
	@ConditionalOnMissingBean(ReactiveClientRegistrationRepository.class)
	static class ReactiveExposedRepositoryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveOAuth2AuthorizedClientManager ccauthReactiveAuthorizedClientManager(
				ObjectProvider<SpringSecurityBridge> bridge) {
			return new ReactiveManagerBridge(
					(request) -> Mono.error(() -> new IllegalArgumentException(
							"Could not find ClientRegistration with id '" + request.getClientRegistrationId() + "'")),
					bridge::getObject);
		}

	}

	/**
	 * A servlet (or non-web) application without client registrations of its own: a
	 * manager serving ccauth's exposed registrations. No client registration repository
	 * bean, as for WebFlux.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("ccauth.spring-security.expose-registrations")
	@ConditionalOnBean(ContactCenterClients.class)
	@Conditional(NotReactiveApplication.class)
	@ConditionalOnMissingBean(ClientRegistrationRepository.class)
	static class ServletExposedRepositoryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OAuth2AuthorizedClientManager ccauthAuthorizedClientManager(ObjectProvider<SpringSecurityBridge> bridge) {
			return new ManagerBridge((request) -> {
				throw new IllegalArgumentException(
						"Could not find ClientRegistration with id '" + request.getClientRegistrationId() + "'");
			}, bridge::getObject);
		}

	}

	static class NotServletApplication extends NoneNestedConditions {

		NotServletApplication() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
		static class Servlet {

		}

	}

	static class NotReactiveApplication extends NoneNestedConditions {

		NotReactiveApplication() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
		static class Reactive {

		}

	}

}
