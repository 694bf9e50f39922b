package dev.ccauth.web;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Grant;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.cxone.CxoneDiscovery;
import dev.ccauth.retry.ContactCenterRetryPolicies;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.OAuthTokenClient;
import dev.ccauth.token.TokenCache;
import org.springframework.core.retry.RetryPolicy;
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
	 * @param retryPolicies each registration's retry policy
	 * @param clock the clock that decides token expiry
	 * @param scheduler where retry delays run
	 */
	public DefaultContactCenterClients(ContactCenterRegistrations registrations, WebClient.Builder webClientBuilder,
			ClientHttpConnectors connectors, ContactCenterRetryPolicies retryPolicies, Clock clock,
			Scheduler scheduler) {
		this.registrations = registrations;
		for (Registration registration : registrations.all()) {
			RetryPolicy retryPolicy = retryPolicies.retryPolicy(registration);
			this.entries.put(registration.id(),
					entry(registration, webClientBuilder, connectors.connector(registration), retryPolicy, clock, scheduler));
		}
	}

	private static Entry entry(Registration registration, WebClient.Builder webClientBuilder,
			ClientHttpConnector connector, RetryPolicy retryPolicy, Clock clock, Scheduler scheduler) {
		// token and discovery requests get a plain client: the application's filters never see credentials
		WebClient plainWebClient = WebClient.builder().clientConnector(connector).build();
		WebClient.Builder builder = webClientBuilder.clone().clientConnector(connector);
		Mono<URI> tokenUri = Mono.justOrEmpty(registration.tokenUri());
		CxoneDiscovery discovery = null;
		if (registration.grant() == Grant.ACCESS_KEY) {
			discovery = new CxoneDiscovery(registration, plainWebClient);
			tokenUri = discovery.tokenEndpoint();
		}
		OAuthTokenClient tokenClient = registration.hasCredentials()
				? new OAuthTokenClient(registration, tokenUri, plainWebClient, clock, retryPolicy, scheduler) : null;
		TokenCache tokens = new TokenCache(registration, tokenClient, clock);
		// filters run in the order added: resolve the URL, then retry, then authorize each attempt
		RetryFilter retries = new RetryFilter(registration, retryPolicy, scheduler, clock, () -> {
			AccessToken current = tokens.currentToken();
			return (current != null) ? current.value() : null;
		});
		if (discovery != null) {
			Mono<URI> baseUrl = discovery.apiEndpoint(tokens.token());
			builder.filter(new DiscoveredBaseUrlFilter(baseUrl))
				.filter(retries)
				.filter(new BearerTokenFilter(registration, baseUrl.map(Origin::of), tokens, clock));
		}
		else {
			builder.baseUrl(registration.baseUrl().toString())
				.filter(retries)
				.filter(new BearerTokenFilter(registration, Origin.of(registration.baseUrl()), tokens, clock));
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
