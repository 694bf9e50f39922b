package dev.ccauth.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.token.TokenSource;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The three clients side by side, all pointed at the same sandbox and all on Reactor
 * Netty's shared connection pool and event loops:
 * <ul>
 * <li>ccauth, as an application gets it: a small non-web Spring Boot context with the
 * starter and one registration ({@value #REGISTRATION}), its
 * {@code genesysBenchWebClient} bean;</li>
 * <li>Spring Security's stock {@link ServerOAuth2AuthorizedClientExchangeFilterFunction}
 * with an {@link AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager}, as its
 * reference documentation sets it up for client credentials outside a web request;</li>
 * <li>a plain {@link WebClient} with a fixed {@code Authorization} header minted once:
 * the floor.</li>
 * </ul>
 */
final class Clients {

	static final String REGISTRATION = "bench";

	static final RegistrationId ID = RegistrationId.genesys(REGISTRATION);

	/** The small authenticated GET every throughput and latency figure is made of. */
	static final String SMALL_GET = "/api/v2/users?pageSize=1";

	private Clients() {
	}

	/**
	 * One ccauth application: a Spring Boot context with the starter, closed after use.
	 */
	static final class Ccauth implements AutoCloseable {

		private final ConfigurableApplicationContext context;

		private final WebClient webClient;

		private final TokenSource tokens;

		private Ccauth(ConfigurableApplicationContext context) {
			this.context = context;
			this.webClient = context.getBean("genesysBenchWebClient", WebClient.class);
			this.tokens = context.getBean(ContactCenterClients.class).tokenSource(ID);
		}

		/**
		 * Starts a context whose registration points at the sandbox; {@code extra} are
		 * more properties.
		 */
		static Ccauth start(Sandbox sandbox, String... extra) {
			return start(sandbox, (context) -> {
			}, extra);
		}

		/**
		 * As {@link #start(Sandbox, String...)}, the initializer run first (to add a bean
		 * of the application's).
		 */
		static Ccauth start(Sandbox sandbox, ApplicationContextInitializer<ConfigurableApplicationContext> initializer,
				String... extra) {
			List<String> properties = new ArrayList<>(List.of(
					// what the testkit's SandboxProperties.genesys(sandbox, "bench")
					// gives, over HTTP
					"ccauth.genesys.bench.client-id=" + sandbox.genesysClient().clientId(),
					"ccauth.genesys.bench.client-secret=" + sandbox.genesysClient().clientSecret(),
					"ccauth.genesys.bench.token-uri=" + sandbox.genesysTokenUri(),
					"ccauth.genesys.bench.base-url=" + sandbox.genesysBaseUrl(), "spring.main.banner-mode=off",
					"spring.main.log-startup-info=false", "logging.level.root=WARN",
					// ccauth-redis is on this classpath for FleetBenchmark; these
					// scenarios are of one process
					"ccauth.token.store=local"));
			properties.addAll(List.of(extra));
			ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.registerShutdownHook(false)
				.initializers(initializer)
				.properties(properties.toArray(String[]::new))
				.run();
			return new Ccauth(context);
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

	}

	/** The application class of {@link Ccauth}: nothing but auto-configuration. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BenchApplication {

	}

	/**
	 * Spring Security's filter with a fresh manager (so a fresh, cold cache).
	 * @param clockSkew the client-credentials provider's clock skew (Spring's default is
	 * 60 s: with tokens shorter than that, every call fetches a token; the renewal
	 * scenario sets it to what ccauth uses)
	 */
	static WebClient stock(Sandbox sandbox, Duration clockSkew) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(sandbox.genesysClient().clientId())
			.clientSecret(sandbox.genesysClient().clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(sandbox.genesysTokenUri())
			.build();
		InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(
				registration);
		AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
				registrations, new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
		manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((credentials) -> credentials.clockSkew(clockSkew))
			.build());
		ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
				manager);
		oauth.setDefaultClientRegistrationId(REGISTRATION);
		return WebClient.builder().baseUrl(sandbox.genesysBaseUrl()).filter(oauth).build();
	}

	static WebClient stock(Sandbox sandbox) {
		return stock(sandbox, Duration.ofSeconds(60));
	}

	/** A WebClient that sends one token minted now, forever. */
	static WebClient plain(Sandbox sandbox) {
		String token = mintToken(sandbox);
		return WebClient.builder()
			.baseUrl(sandbox.genesysBaseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	@SuppressWarnings("unchecked")
	static String mintToken(Sandbox sandbox) {
		Map<String, Object> response = WebClient.create()
			.post()
			.uri(sandbox.genesysTokenUri())
			.headers((headers) -> headers.setBasicAuth(sandbox.genesysClient().clientId(),
					sandbox.genesysClient().clientSecret()))
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.retrieve()
			.bodyToMono(Map.class)
			.block(Duration.ofSeconds(10));
		return (String) response.get("access_token");
	}

	/** One small authenticated GET, body read. */
	static Mono<String> smallGet(WebClient client) {
		return client.get().uri(SMALL_GET).retrieve().bodyToMono(String.class);
	}

}
