package dev.ccauth.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Grant;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.cxone.CxoneDiscovery;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.OAuthTokenClient;
import dev.ccauth.token.TokenCache;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds, for every registration, one token cache and one WebClient. Nothing touches the network
 * here: tokens are fetched on first use.
 */
public class DefaultContactCenterClients implements ContactCenterClients {

	private final ContactCenterRegistrations registrations;

	private final Map<RegistrationId, Entry> entries = new LinkedHashMap<>();

	/**
	 * @param registrations the registrations
	 * @param webClientBuilder the application's WebClient builder (customizers, codecs,
	 * observation), cloned for each registration
	 * @param connectors builds each registration's connector
	 * @param clock the clock that decides token expiry
	 */
	public DefaultContactCenterClients(ContactCenterRegistrations registrations, WebClient.Builder webClientBuilder,
			ClientHttpConnectors connectors, Clock clock) {
		this.registrations = registrations;
		for (Registration registration : registrations.all()) {
			this.entries.put(registration.id(), entry(registration, webClientBuilder, connectors, clock));
		}
	}

	private static Entry entry(Registration registration, WebClient.Builder webClientBuilder,
			ClientHttpConnectors connectors, Clock clock) {
		ClientHttpConnector connector = connectors.connector(registration);
		// token and discovery requests get a plain client: the application's filters never see credentials
		WebClient plainWebClient = WebClient.builder().clientConnector(connector).build();
		WebClient.Builder builder = webClientBuilder.clone().clientConnector(connector);
		if (registration.grant() == Grant.ACCESS_KEY) {
			CxoneDiscovery discovery = new CxoneDiscovery(registration, plainWebClient);
			TokenCache tokens = new TokenCache(registration, tokenClient(registration, discovery.tokenEndpoint(),
					plainWebClient, clock), clock);
			Mono<URI> apiEndpoint = discovery.apiEndpoint(tokens.token());
			builder.filter(new DiscoveredBaseUrlFilter(apiEndpoint))
				.filter(new BearerTokenFilter(apiEndpoint.map(Origin::of), tokens));
			return new Entry(tokens, builder.build());
		}
		TokenCache tokens = new TokenCache(registration,
				tokenClient(registration, Mono.just(registration.tokenUri()), plainWebClient, clock), clock);
		builder.baseUrl(registration.baseUrl().toString())
			.filter(new BearerTokenFilter(Mono.just(Origin.of(registration.baseUrl())), tokens));
		return new Entry(tokens, builder.build());
	}

	private static OAuthTokenClient tokenClient(Registration registration, Mono<URI> tokenUri, WebClient webClient,
			Clock clock) {
		return registration.hasCredentials() ? new OAuthTokenClient(registration, tokenUri, webClient, clock) : null;
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
	public Mono<AccessToken> accessToken(RegistrationId registration) {
		return entry(registration).tokens().token();
	}

	/** The registration's token cache. */
	public TokenCache tokenCache(RegistrationId registration) {
		return entry(registration).tokens();
	}

	private Entry entry(RegistrationId id) {
		Entry entry = this.entries.get(id);
		if (entry == null) {
			this.registrations.get(id); // throws, naming the registrations that exist
		}
		return entry;
	}

	private record Entry(TokenCache tokens, WebClient webClient) {
	}

}
