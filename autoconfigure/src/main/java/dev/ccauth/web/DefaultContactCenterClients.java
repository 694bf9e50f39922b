package dev.ccauth.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.retry.RetryAfterBackoff;
import dev.ccauth.retry.RetryObserver;
import dev.ccauth.token.PlatformEndpoints;
import dev.ccauth.token.TokenClient;
import dev.ccauth.token.TokenSource;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * For every registration, one token source shared by one WebClient and one RestClient.
 * Nothing touches the network here: tokens and discovered endpoints are fetched on first
 * use.
 */
final class DefaultContactCenterClients implements ContactCenterClients {

	private final ContactCenterRegistrations registrations;

	private final Map<RegistrationId, Entry> entries = new LinkedHashMap<>();

	DefaultContactCenterClients(ContactCenterClients.Builder settings) {
		this.registrations = settings.registrations;
		HttpClients httpClients = new HttpClients(settings.connectorBuilder, settings.requestFactoryBuilder,
				settings.sslBundles, settings.httpClientSettings, settings.environment);
		for (Registration registration : this.registrations.all()) {
			this.entries.put(registration.id(), new Entry(registration, httpClients, settings));
		}
	}

	@Override
	public List<Registration> registrations() {
		return this.registrations.all();
	}

	@Override
	public WebClient webClient(RegistrationId registration) {
		return entry(registration).webClient;
	}

	@Override
	public RestClient restClient(RegistrationId registration) {
		return entry(registration).restClient;
	}

	@Override
	public TokenSource tokenSource(RegistrationId registration) {
		return entry(registration).tokens;
	}

	@Override
	public void configure(RegistrationId registration, WebClient.Builder builder) {
		entry(registration).configure(builder);
	}

	@Override
	public void configure(RegistrationId registration, RestClient.Builder builder) {
		entry(registration).configure(builder);
	}

	private Entry entry(RegistrationId id) {
		Entry entry = this.entries.get(id);
		if (entry == null) {
			this.registrations.get(id); // throws, naming the registrations that exist
		}
		return entry;
	}

	/** One registration's token source and clients. */
	private static final class Entry {

		private final ClientHttpConnector connector;

		private final ClientHttpRequestFactory requestFactory;

		private final ApiBase base;

		private final TokenSource tokens;

		private final RetryFilter retryFilter;

		private final BearerTokenFilter bearerFilter;

		private final BearerTokenInterceptor interceptor;

		private final WebClient webClient;

		private final RestClient restClient;

		Entry(Registration registration, HttpClients httpClients, ContactCenterClients.Builder settings) {
			PlatformEndpoints.Factory platform = settings.platforms.get(registration.id().platform());
			if (platform == null) {
				throw new IllegalStateException("No endpoints for platform " + registration.id().platform());
			}
			this.connector = httpClients.connector(registration);
			this.requestFactory = httpClients.requestFactory(registration);
			// token and discovery requests get a plain client: the application's filters
			// never see credentials
			WebClient plain = WebClient.builder()
				.clientConnector(this.connector)
				.observationRegistry(settings.observationRegistry)
				.build();
			PlatformEndpoints endpoints = platform.create(registration, plain);
			RetryPolicy policy = settings.retryPolicies.retryPolicy(registration);
			TokenSource.Builder tokenSource = TokenSource.builder(registration, endpoints)
				.webClient(plain)
				.retryPolicy(policy)
				.clock(settings.clock)
				.scheduler(settings.scheduler)
				.retryObserver(settings.retryObserver);
			for (TokenClient.Decorator decorator : settings.decorators) {
				tokenSource.decorator(decorator);
			}
			this.tokens = tokenSource.build();
			this.base = new ApiBase(registration, endpoints, this.tokens);
			ApiFailures failures = new ApiFailures(registration, this.tokens, settings.clock);
			RetryAfterBackoff retries = new RetryAfterBackoff(policy, registration.retry().maxRetryAfter(),
					settings.scheduler, ApiCallException.class, settings.retryObserver);
			Runnable replayed = () -> settings.retryObserver.retrying(registration.id(),
					RetryObserver.Reason.REPLAY_AFTER_401, java.time.Duration.ZERO);
			this.retryFilter = new RetryFilter(failures, retries);
			this.bearerFilter = new BearerTokenFilter(this.base, this.tokens, failures, replayed);
			this.interceptor = new BearerTokenInterceptor(this.base, this.tokens, failures, retries, replayed);
			WebClient.Builder webClient = settings.webClientBuilder.clone();
			configure(webClient);
			this.webClient = webClient.build();
			RestClient.Builder restClient = settings.restClientBuilder.clone();
			configure(restClient);
			this.restClient = restClient.build();
		}

		/**
		 * Filters run in the order added, after the application's: resolve the URL,
		 * retry, then authorize each attempt.
		 */
		void configure(WebClient.Builder builder) {
			builder.clientConnector(this.connector);
			if (this.base.known() != null) {
				builder.baseUrl(this.base.known().toString());
			}
			else {
				builder.filter(new DiscoveredBaseUrlFilter(this.base));
			}
			builder.filter(this.retryFilter).filter(this.bearerFilter);
		}

		/** The interceptor runs after the application's, closest to the wire. */
		void configure(RestClient.Builder builder) {
			builder.requestFactory(this.requestFactory).requestInterceptor(this.interceptor);
			if (this.base.known() != null) {
				builder.baseUrl(this.base.known().toString());
			}
		}

	}

}
