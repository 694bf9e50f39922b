package dev.ccauth.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.Registration;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * ccauth's own registrations as Spring Security {@link ClientRegistration}s, named
 * {@code <platform>-<name>} ({@code genesys-prod}, {@code cxone-main}), served by their
 * ccauth token sources (the same ones their WebClients use). They carry no client secret:
 * ccauth serves their tokens, and {@link ClientRegistration#toString()} prints the secret
 * it holds.
 */
final class ExposedRegistrations implements Iterable<BridgedRegistration> {

	private static final Logger logger = LoggerFactory.getLogger(ExposedRegistrations.class);

	private final Map<String, BridgedRegistration> registrations = new LinkedHashMap<>();

	ExposedRegistrations(ContactCenterClients clients) {
		for (Registration registration : clients.registrations()) {
			String id = registration.id().platform().key() + "-" + registration.id().name();
			if (!registration.hasCredentials()) {
				logger.info("ccauth registration {} is not exposed to Spring Security: it has a handed-over token only",
						registration.id());
				continue;
			}
			ClientRegistration clientRegistration = ClientRegistration.withRegistrationId(id)
				.clientId(registration.client().clientId())
				.clientAuthenticationMethod((registration.client().authentication() == ClientAuthentication.POST)
						? ClientAuthenticationMethod.CLIENT_SECRET_POST
						: ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType("access-key".equals(registration.details().grant())
						? SpringRegistrationMapper.PASSWORD : AuthorizationGrantType.CLIENT_CREDENTIALS)
				.tokenUri((registration.tokenUri() != null) ? registration.tokenUri().toString() : null)
				.scope(registration.scopes())
				.clientName("ccauth " + registration.id())
				.build();
			this.registrations.put(id, new BridgedRegistration(clientRegistration,
					clients.tokenSource(registration.id()), Messages.forCcauthRegistration(id)));
		}
	}

	List<ClientRegistration> clientRegistrations() {
		List<ClientRegistration> clientRegistrations = new ArrayList<>();
		this.registrations.values()
			.forEach((registration) -> clientRegistrations.add(registration.clientRegistration()));
		return clientRegistrations;
	}

	/** The exposed registration of that id, or {@code null}. */
	ClientRegistration find(String id) {
		BridgedRegistration registration = this.registrations.get(id);
		return (registration != null) ? registration.clientRegistration() : null;
	}

	List<BridgedRegistration> all() {
		return List.copyOf(this.registrations.values());
	}

	@Override
	public Iterator<BridgedRegistration> iterator() {
		return all().iterator();
	}

	/**
	 * The application's registrations followed by ccauth's, those of the same id left
	 * out.
	 */
	List<ClientRegistration> joinedWith(Iterable<ClientRegistration> own) {
		Map<String, ClientRegistration> joined = new LinkedHashMap<>();
		own.forEach((registration) -> joined.put(registration.getRegistrationId(), registration));
		clientRegistrations()
			.forEach((registration) -> joined.putIfAbsent(registration.getRegistrationId(), registration));
		return new ArrayList<>(joined.values());
	}

	InMemoryClientRegistrationRepository joinedWith(InMemoryClientRegistrationRepository own) {
		return new InMemoryClientRegistrationRepository(joinedWith((Iterable<ClientRegistration>) own));
	}

	InMemoryReactiveClientRegistrationRepository joinedWith(InMemoryReactiveClientRegistrationRepository own) {
		return new InMemoryReactiveClientRegistrationRepository(joinedWith((Iterable<ClientRegistration>) own));
	}

}
