package dev.ccauth.security;

import org.junit.jupiter.api.Test;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.InvalidRegistrationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every condition of the bridge's auto-configuration, and which registrations it serves.
 */
class CcauthSpringSecurityAutoConfigurationTests {

	private static final String SPRING = "spring.security.oauth2.client.registration.";

	private static final String[] CLIENT_CREDENTIALS = { SPRING + "basic.client-id=id",
			SPRING + "basic.client-secret=s", SPRING + "basic.authorization-grant-type=client_credentials",
			SPRING + "basic.provider=idp", SPRING + "post.client-id=id", SPRING + "post.client-secret=s",
			SPRING + "post.authorization-grant-type=client_credentials",
			SPRING + "post.client-authentication-method=client_secret_post", SPRING + "post.provider=idp",
			"spring.security.oauth2.client.provider.idp.token-uri=https://login.example.com/oauth/token" };

	private static final String[] CCAUTH = { "ccauth.genesys.prod.client-id=a", "ccauth.genesys.prod.client-secret=b" };

	/**
	 * Boot's OAuth2 client auto-configurations of both stacks, ccauth's and the module's.
	 */
	private static final AutoConfigurations ALL = AutoConfigurations.of(ReactiveOAuth2ClientAutoConfiguration.class,
			OAuth2ClientAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class,
			CcauthAutoConfiguration.class, CcauthSpringSecurityAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

	@Test
	void servesClientCredentialsRegistrationsWithBasicOrPostAuthentication() {
		this.runner.withPropertyValues(CLIENT_CREDENTIALS)
			.run((context) -> assertThat(context.getBean(SpringSecurityBridge.class).registrationIds())
				.containsExactlyInAnyOrder("basic", "post"));
	}

	@Test
	void leavesOtherGrantsAndClientAuthenticationsToSpringSecurity() {
		this.runner.withPropertyValues(CLIENT_CREDENTIALS)
			.withPropertyValues(SPRING + "login.client-id=id", SPRING + "login.client-secret=s",
					SPRING + "login.authorization-grant-type=authorization_code",
					SPRING + "login.redirect-uri=http://localhost/login", SPRING + "login.provider=idp",
					"spring.security.oauth2.client.provider.idp.authorization-uri=https://login.example.com/authorize",
					SPRING + "jwt.client-id=id", SPRING + "jwt.client-secret=s",
					SPRING + "jwt.authorization-grant-type=client_credentials",
					SPRING + "jwt.client-authentication-method=client_secret_jwt", SPRING + "jwt.provider=idp",
					SPRING + "plain.client-id=id", SPRING + "plain.client-secret=s",
					SPRING + "plain.authorization-grant-type=client_credentials", SPRING + "plain.provider=plain",
					"spring.security.oauth2.client.provider.plain.token-uri=http://login.example.com/oauth/token",
					SPRING + "off.client-id=id", SPRING + "off.client-secret=s",
					SPRING + "off.authorization-grant-type=client_credentials", SPRING + "off.provider=idp",
					"ccauth.spring-security.registration.off.enabled=false")
			.run((context) -> {
				SpringSecurityBridge bridge = context.getBean(SpringSecurityBridge.class);
				assertThat(bridge.registrationIds()).containsExactlyInAnyOrder("basic", "post");
				assertThat(bridge.tokenSource("login")).isEmpty();
				assertThat(bridge.tokenSource("plain")).as("plain http off loopback").isEmpty();
			});
	}

	@Test
	void aPasswordRegistrationWithoutAnAccessKeyStopsStartupNamingTheProperty() {
		this.runner
			.withPropertyValues(SPRING + "cxone.client-id=id", SPRING + "cxone.client-secret=s",
					SPRING + "cxone.authorization-grant-type=password", SPRING + "cxone.provider=idp",
					"spring.security.oauth2.client.provider.idp.token-uri=https://login.example.com/oauth/token")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRegistrationException.class)
				.hasMessageContaining("ccauth.spring-security.registration.cxone.access-key-id")
				.hasMessageContaining("ccauth.spring-security.registration.cxone.access-key-secret"));
	}

	@Test
	void aPasswordRegistrationWithAnAccessKeyIsServed() {
		this.runner
			.withPropertyValues(SPRING + "key.client-id=id", SPRING + "key.client-secret=s",
					SPRING + "key.authorization-grant-type=password", SPRING + "key.provider=idp",
					"spring.security.oauth2.client.provider.idp.token-uri=https://login.example.com/oauth/token",
					"ccauth.spring-security.registration.key.access-key-id=key",
					"ccauth.spring-security.registration.key.access-key-secret=k=+&/%")
			.run((context) -> assertThat(context.getBean(SpringSecurityBridge.class).registrationIds())
				.containsExactly("key"));
	}

	@Test
	void backsOffWithoutSpringSecuritysOAuth2Client() {
		this.runner.withClassLoader(new FilteredClassLoader(ClientRegistration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpringSecurityBridge.class)
				.doesNotHaveBean(BridgePostProcessor.class));
	}

	@Test
	void switchedOffByProperty() {
		this.runner.withPropertyValues(CLIENT_CREDENTIALS)
			.withPropertyValues("ccauth.spring-security.enabled=false")
			.withUserConfiguration(Managers.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpringSecurityBridge.class)
					.doesNotHaveBean(BridgePostProcessor.class);
				assertThat(context.getBean("reactiveManager")).isNotInstanceOf(ReactiveManagerBridge.class);
			});
	}

	@Test
	void backsOffForTheApplicationsOwnBridge() {
		this.runner.withPropertyValues(CLIENT_CREDENTIALS)
			.withBean("ownBridge", SpringSecurityBridge.class,
					() -> new SpringSecurityBridge(java.util.List.of(), java.util.List.of(),
							new SpringSecurityBridge.Sources(null, null), (id) -> null,
							(id) -> reactor.core.publisher.Mono.empty()))
			.run((context) -> assertThat(context).hasSingleBean(SpringSecurityBridge.class).hasBean("ownBridge"));
	}

	@Test
	void standsInFrontOfManagersAndStoresDeclaredAsTheirInterface() {
		this.runner.withPropertyValues(CLIENT_CREDENTIALS).withUserConfiguration(Managers.class).run((context) -> {
			assertThat(context.getBean("reactiveManager")).isInstanceOf(ReactiveManagerBridge.class);
			assertThat(context.getBean("manager")).isInstanceOf(ManagerBridge.class);
			assertThat(context.getBean(ReactiveOAuth2AuthorizedClientService.class))
				.isInstanceOf(ReactiveAuthorizedClientStores.Service.class);
			assertThat(context.getBean(OAuth2AuthorizedClientService.class))
				.isInstanceOf(AuthorizedClientStores.Service.class);
			// declared as its class: a wrapper would break injection by that class, so it
			// is left alone
			assertThat(context.getBean("concreteManager"))
				.isInstanceOf(AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager.class);
		});
	}

	@Test
	void exposesNothingByDefault() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, SslAutoConfiguration.class,
					CcauthAutoConfiguration.class, CcauthSpringSecurityAutoConfiguration.class))
			.withPropertyValues(CCAUTH)
			.run((context) -> assertThat(context).doesNotHaveBean(ExposedRegistrations.class)
				.doesNotHaveBean(ReactiveClientRegistrationRepository.class)
				.doesNotHaveBean(ReactiveOAuth2AuthorizedClientManager.class));
	}

	@Test
	void exposesCcauthRegistrationsToAReactiveApplicationWithoutItsOwn() {
		new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(CCAUTH)
			.withPropertyValues("ccauth.spring-security.expose-registrations=true")
			.run((context) -> {
				// a repository bean would turn Spring Security's default WebFlux chain to
				// OAuth2 login
				assertThat(context).doesNotHaveBean(ReactiveClientRegistrationRepository.class)
					.doesNotHaveBean(ClientRegistrationRepository.class)
					.hasSingleBean(ReactiveOAuth2AuthorizedClientManager.class)
					.doesNotHaveBean(ReactiveOAuth2AuthorizedClientService.class);
				ClientRegistration exposed = context.getBean(ExposedRegistrations.class).find("genesys-prod");
				assertThat(exposed.getClientId()).isEqualTo("a");
				assertThat(exposed.getClientSecret()).as("ccauth serves its tokens: no secret to print").isEmpty();
				assertThat(context.getBean(SpringSecurityBridge.class).registrationIds())
					.containsExactly("genesys-prod");
			});
	}

	@Test
	void exposesCcauthRegistrationsToAServletApplicationWithoutItsOwn() {
		new WebApplicationContextRunner().withConfiguration(ALL)
			.withPropertyValues(CCAUTH)
			.withPropertyValues("ccauth.spring-security.expose-registrations=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class)
					.doesNotHaveBean(ReactiveClientRegistrationRepository.class)
					.hasSingleBean(OAuth2AuthorizedClientManager.class)
					.doesNotHaveBean(ReactiveOAuth2AuthorizedClientManager.class)
					.doesNotHaveBean(OAuth2AuthorizedClientService.class);
			});
	}

	@Test
	void exposesCcauthRegistrationsNextToTheApplicationsOwn() {
		this.runner.withPropertyValues(CLIENT_CREDENTIALS)
			.withPropertyValues(CCAUTH)
			.withPropertyValues("ccauth.spring-security.expose-registrations=true")
			.run((context) -> {
				// Boot's in-memory repositories, still of their class, with ccauth's
				// registration added
				InMemoryClientRegistrationRepository blocking = context
					.getBean(InMemoryClientRegistrationRepository.class);
				assertThat(blocking.findByRegistrationId("basic")).isNotNull();
				assertThat(blocking.findByRegistrationId("genesys-prod")).isNotNull();
				InMemoryReactiveClientRegistrationRepository reactive = context
					.getBean(InMemoryReactiveClientRegistrationRepository.class);
				assertThat(reactive.findByRegistrationId("genesys-prod").block()).isNotNull();
				assertThat(context.getBean(SpringSecurityBridge.class).registrationIds())
					.containsExactlyInAnyOrder("basic", "post", "genesys-prod");
				assertThat(context).hasBean("clientRegistrationRepository")
					.hasBean("reactiveClientRegistrationRepository");
			});
	}

	@Test
	void theApplicationsOwnManagerWinsOverTheExposedOne() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, SslAutoConfiguration.class,
					CcauthAutoConfiguration.class, CcauthSpringSecurityAutoConfiguration.class))
			.withPropertyValues(CCAUTH)
			.withPropertyValues("ccauth.spring-security.expose-registrations=true")
			.withBean("ownManager", ReactiveOAuth2AuthorizedClientManager.class,
					() -> (request) -> reactor.core.publisher.Mono.empty())
			.run((context) -> assertThat(context).hasSingleBean(ReactiveOAuth2AuthorizedClientManager.class)
				.hasBean("ownManager"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Managers {

		@Bean
		ReactiveOAuth2AuthorizedClientManager reactiveManager(ReactiveClientRegistrationRepository registrations,
				ReactiveOAuth2AuthorizedClientService clients) {
			return new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, clients);
		}

		@Bean
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager concreteManager(
				ReactiveClientRegistrationRepository registrations, ReactiveOAuth2AuthorizedClientService clients) {
			return new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, clients);
		}

		@Bean
		OAuth2AuthorizedClientManager manager(ClientRegistrationRepository registrations,
				OAuth2AuthorizedClientService clients) {
			return new org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager(
					registrations, clients);
		}

	}

}
