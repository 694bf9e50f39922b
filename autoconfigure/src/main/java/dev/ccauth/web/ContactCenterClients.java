package dev.ccauth.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.retry.ContactCenterRetryPolicies;
import dev.ccauth.retry.RetryObserver;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.PlatformEndpoints;
import dev.ccauth.token.TokenClient;
import dev.ccauth.token.TokenSource;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every registration's authenticated clients (a WebClient and a RestClient sharing one
 * token source) and its token source, for code that looks registrations up by name, and
 * for tools that need the token itself (a token export to a later pipeline step, a client
 * that is not WebClient-based).
 */
public interface ContactCenterClients {

	/** The registrations, in a stable order (by platform, then by name). */
	List<Registration> registrations();

	/**
	 * The registration's WebClient: base URL set, bearer token managed.
	 * @throws IllegalArgumentException naming the configured registrations when there is
	 * no such one
	 */
	WebClient webClient(RegistrationId registration);

	default WebClient webClient(Platform platform, String name) {
		return webClient(new RegistrationId(platform, name));
	}

	/**
	 * The registration's RestClient: base URL set (when discovered, resolved on first
	 * use), bearer token managed, the same guarantees as the WebClient, for blocking code
	 * and virtual threads.
	 * @throws IllegalArgumentException naming the configured registrations when there is
	 * no such one
	 */
	RestClient restClient(RegistrationId registration);

	default RestClient restClient(Platform platform, String name) {
		return restClient(new RegistrationId(platform, name));
	}

	/**
	 * Configures a WebClient builder as the registration's own WebClient is (HTTP client,
	 * base URL, retries, the token for the registration's origin), sharing its token
	 * source: for builders made elsewhere, such as an HTTP service group's.
	 */
	void configure(RegistrationId registration, WebClient.Builder builder);

	/**
	 * Configures a RestClient builder as the registration's own RestClient is, sharing
	 * its token source: for builders made elsewhere, such as an HTTP service group's.
	 */
	void configure(RegistrationId registration, RestClient.Builder builder);

	/**
	 * The registration's token source, shared by all its clients.
	 * @throws IllegalArgumentException naming the configured registrations when there is
	 * no such one
	 */
	TokenSource tokenSource(RegistrationId registration);

	/** The registration's current access token, fetched if there is no valid one. */
	default Mono<AccessToken> accessToken(RegistrationId registration) {
		return tokenSource(registration).token();
	}

	default Mono<AccessToken> accessToken(Platform platform, String name) {
		return accessToken(new RegistrationId(platform, name));
	}

	/**
	 * A builder of the default implementation: one token source and one client of each
	 * kind per registration. Nothing touches the network until a client is used.
	 * @param registrations the registrations
	 */
	static Builder builder(ContactCenterRegistrations registrations) {
		return new Builder(registrations);
	}

	/** Builds the default {@link ContactCenterClients}. */
	final class Builder {

		final ContactCenterRegistrations registrations;

		final Map<Platform, PlatformEndpoints.Factory> platforms = new EnumMap<>(Platform.class);

		WebClient.Builder webClientBuilder = WebClient.builder();

		RestClient.Builder restClientBuilder = RestClient.builder();

		ClientHttpConnectorBuilder<?> connectorBuilder = ClientHttpConnectorBuilder.reactor();

		ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder = ClientHttpRequestFactoryBuilder.reactor();

		HttpClientSettings httpClientSettings = HttpClientSettings.defaults();

		SslBundles sslBundles;

		UnaryOperator<String> environment = System::getenv;

		ContactCenterRetryPolicies retryPolicies = ContactCenterRetryPolicies.fromSettings();

		Clock clock = Clock.systemUTC();

		Scheduler scheduler = Schedulers.parallel();

		final List<TokenClient.Decorator> decorators = new ArrayList<>();

		RetryObserver retryObserver = RetryObserver.NONE;

		ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Builder(ContactCenterRegistrations registrations) {
			this.registrations = Objects.requireNonNull(registrations, "registrations");
		}

		/**
		 * How a platform's registrations find their endpoints
		 * ({@code GenesysPlatform::endpoints}).
		 */
		public Builder platform(Platform platform, PlatformEndpoints.Factory endpoints) {
			this.platforms.put(platform, endpoints);
			return this;
		}

		/**
		 * The application's WebClient builder (customizers, codecs, observation), cloned
		 * for each registration.
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * The application's RestClient builder (customizers, message converters,
		 * observation), cloned for each registration.
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = restClientBuilder;
			return this;
		}

		/** Builds the WebClients' connectors (default: Reactor Netty). */
		public Builder connectorBuilder(ClientHttpConnectorBuilder<?> connectorBuilder) {
			this.connectorBuilder = connectorBuilder;
			return this;
		}

		/** Builds the RestClients' request factories (default: Reactor Netty). */
		public Builder requestFactoryBuilder(ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder) {
			this.requestFactoryBuilder = requestFactoryBuilder;
			return this;
		}

		/**
		 * Boot's {@code spring.http.clients.*} settings: their SSL bundle applies to
		 * registrations that name none. (Their timeouts are folded into the
		 * registrations' settings when they are resolved; redirects are never followed.)
		 */
		public Builder httpClientSettings(HttpClientSettings httpClientSettings) {
			this.httpClientSettings = (httpClientSettings != null) ? httpClientSettings : HttpClientSettings.defaults();
			return this;
		}

		/** The application's SSL bundles, for registrations that name one. */
		public Builder sslBundles(SslBundles sslBundles) {
			this.sslBundles = sslBundles;
			return this;
		}

		/** Reads environment variables: {@code HTTPS_PROXY} and {@code NO_PROXY}. */
		public Builder environment(UnaryOperator<String> environment) {
			this.environment = environment;
			return this;
		}

		public Builder retryPolicies(ContactCenterRetryPolicies retryPolicies) {
			this.retryPolicies = retryPolicies;
			return this;
		}

		/** The clock that decides token expiry (a test moves it by hand). */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** Where retry delays run (virtual time in tests). */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * Wraps every registration's token client (a shared store, metrics, traces); the
		 * first added is innermost.
		 */
		public Builder tokenClientDecorator(TokenClient.Decorator decorator) {
			this.decorators.add(decorator);
			return this;
		}

		/** Told of every retry and every replay after a 401 (metrics). */
		public Builder retryObserver(RetryObserver retryObserver) {
			this.retryObserver = retryObserver;
			return this;
		}

		/**
		 * Where token and discovery requests are observed ({@code http.client.requests},
		 * children of a token decorator's observation); API calls are observed by the
		 * application's builders.
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		public ContactCenterClients build() {
			return new DefaultContactCenterClients(this);
		}

	}

}
