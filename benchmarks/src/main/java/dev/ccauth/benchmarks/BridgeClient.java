package dev.ccauth.benchmarks;

import dev.ccauth.security.SpringSecurityBridge;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.token.TokenSource;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * "Spring Security + ccauth-spring-security": exactly the stock filter's setup of
 * {@link Clients#stock} (the same registration, manager, provider and filter), declared
 * as beans of a non-web Spring Boot application that has the bridge module on its
 * classpath, which is the only difference.
 */
final class BridgeClient implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final WebClient webClient;

	private final TokenSource tokens;

	private BridgeClient(ConfigurableApplicationContext context) {
		this.context = context;
		this.webClient = context.getBean("benchWebClient", WebClient.class);
		this.tokens = context.getBean(SpringSecurityBridge.class).tokenSource(Clients.REGISTRATION).orElseThrow();
	}

	static BridgeClient start(Sandbox sandbox) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BridgeApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties("bench.client-id=" + sandbox.genesysClient().clientId(),
					"bench.client-secret=" + sandbox.genesysClient().clientSecret(),
					"bench.token-uri=" + sandbox.genesysTokenUri(), "bench.base-url=" + sandbox.genesysBaseUrl(),
					"spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=WARN")
			.run();
		return new BridgeClient(context);
	}

	WebClient webClient() {
		return this.webClient;
	}

	TokenSource.Statistics statistics() {
		return this.tokens.statistics();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The stock filter's setup as an application declares it. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BridgeApplication {

		@Bean
		ReactiveClientRegistrationRepository clientRegistrations(Environment environment) {
			return new InMemoryReactiveClientRegistrationRepository(
					ClientRegistration.withRegistrationId(Clients.REGISTRATION)
						.clientId(environment.getRequiredProperty("bench.client-id"))
						.clientSecret(environment.getRequiredProperty("bench.client-secret"))
						.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
						.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
						.tokenUri(environment.getRequiredProperty("bench.token-uri"))
						.build());
		}

		@Bean
		ReactiveOAuth2AuthorizedClientService authorizedClients(ReactiveClientRegistrationRepository registrations) {
			return new InMemoryReactiveOAuth2AuthorizedClientService(registrations);
		}

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
		WebClient benchWebClient(ReactiveOAuth2AuthorizedClientManager manager, Environment environment) {
			ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
					manager);
			oauth.setDefaultClientRegistrationId(Clients.REGISTRATION);
			return WebClient.builder().baseUrl(environment.getRequiredProperty("bench.base-url")).filter(oauth).build();
		}

	}

}
