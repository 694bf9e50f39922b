package dev.ccauth.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.token.PlatformEndpoints;
import dev.ccauth.token.TokenClient;
import dev.ccauth.token.TokenSource;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * For every registration, one token source and one WebClient. Nothing touches the network here:
 * tokens and discovered endpoints are fetched on first use.
 */
final class DefaultContactCenterClients implements ContactCenterClients {

	private final ContactCenterRegistrations registrations;

	private final Map<RegistrationId, Entry> entries = new LinkedHashMap<>();

	DefaultContactCenterClients(ContactCenterClients.Builder settings) {
		this.registrations = settings.registrations;
		ClientHttpConnectors connectors = new ClientHttpConnectors(settings.connectorBuilder, settings.sslBundles,
				settings.environment);
		for (Registration registration : this.registrations.all()) {
			this.entries.put(registration.id(), entry(registration, connectors.connector(registration), settings));
		}
	}

	private static Entry entry(Registration registration, ClientHttpConnector connector,
			ContactCenterClients.Builder settings) {
		PlatformEndpoints.Factory platform = settings.platforms.get(registration.id().platform());
		if (platform == null) {
			throw new IllegalStateException("No endpoints for platform " + registration.id().platform());
		}
		// token and discovery requests get a plain client: the application's filters never see credentials
		WebClient plain = WebClient.builder().clientConnector(connector).build();
		PlatformEndpoints endpoints = platform.create(registration, plain);
		RetryPolicy policy = settings.retryPolicies.retryPolicy(registration);
		TokenSource.Builder tokenSource = TokenSource.builder(registration, endpoints)
			.webClient(plain)
			.retryPolicy(policy)
			.clock(settings.clock)
			.scheduler(settings.scheduler);
		for (TokenClient.Decorator decorator : settings.decorators) {
			tokenSource.decorator(decorator);
		}
		TokenSource tokens = tokenSource.build();
		// filters run in the order added: resolve the URL, then retry, then authorize each attempt
		WebClient.Builder builder = settings.webClientBuilder.clone().clientConnector(connector);
		RetryFilter retries = new RetryFilter(registration, policy, settings.scheduler, settings.clock, tokens);
		if (registration.baseUrl() != null) {
			builder.baseUrl(registration.baseUrl().toString())
				.filter(retries)
				.filter(new BearerTokenFilter(registration, Origin.of(registration.baseUrl()), tokens, settings.clock));
		}
		else {
			Mono<URI> baseUrl = endpoints.apiBaseUrl(tokens);
			builder.filter(new DiscoveredBaseUrlFilter(baseUrl))
				.filter(retries)
				.filter(new BearerTokenFilter(registration, baseUrl.map(Origin::of), tokens, settings.clock));
		}
		return new Entry(tokens, builder.build());
	}

	@Override
	public List<Registration> registrations() {
		return this.registrations.all();
	}

	@Override
	public WebClient webClient(RegistrationId registration) {
		return entry(registration).webClient();
	}

	@Override
	public TokenSource tokenSource(RegistrationId registration) {
		return entry(registration).tokens();
	}

	private Entry entry(RegistrationId id) {
		Entry entry = this.entries.get(id);
		if (entry == null) {
			this.registrations.get(id); // throws, naming the registrations that exist
		}
		return entry;
	}

	private record Entry(TokenSource tokens, WebClient webClient) {
	}

}
