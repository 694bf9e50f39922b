package dev.ccauth.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
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
			ClientHttpConnector connector = connectors.connector(registration);
			// token requests get a plain client: the application's filters never see credentials
			WebClient tokenWebClient = WebClient.builder().clientConnector(connector).build();
			OAuthTokenClient tokenClient = registration.hasCredentials() ? new OAuthTokenClient(registration,
					Mono.just(registration.tokenUri()), tokenWebClient, clock) : null;
			TokenCache tokens = new TokenCache(registration, tokenClient, clock);
			WebClient webClient = webClientBuilder.clone()
				.clientConnector(connector)
				.baseUrl(registration.baseUrl().toString())
				.filter(new BearerTokenFilter(Mono.just(Origin.of(registration.baseUrl())), tokens))
				.build();
			this.entries.put(registration.id(), new Entry(tokens, webClient));
		}
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
