package dev.ccauth.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationProblems;
import dev.ccauth.cxone.CxonePlatform;
import dev.ccauth.token.TokenSource;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The Spring Security registrations whose tokens ccauth serves, each with its
 * {@link TokenSource}: every {@code client_credentials} and {@code password} registration
 * of the application's client registration repositories (unless it uses a client
 * authentication ccauth does not speak, or is switched off), and, with
 * {@code ccauth.spring-security.expose-registrations}, ccauth's own registrations under
 * the ids {@code genesys-prod}, {@code cxone-main}.
 * <p>
 * The auto-configuration puts it in front of every authorized client manager bean; an
 * application that builds a manager outside the bean factory passes it through
 * {@link #bridge} itself.
 */
public final class SpringSecurityBridge {

	private static final Logger logger = LoggerFactory.getLogger(SpringSecurityBridge.class);

	private static final Optional<BridgedRegistration> NOT_SERVED = Optional.empty();

	private final Map<String, Optional<BridgedRegistration>> registrations = new ConcurrentHashMap<>();

	private final Sources sources;

	private final Function<String, ClientRegistration> lookup;

	private final Function<String, Mono<ClientRegistration>> reactiveLookup;

	/**
	 * @param known the registrations of the application's repositories that can be listed
	 * @param exposed ccauth's own registrations published to Spring Security, with their
	 * sources
	 * @param sources makes a token source for a Spring Security registration
	 * @param lookup finds a registration that could not be listed (blocking
	 * repositories), or returns {@code null}
	 * @param reactiveLookup the same for reactive repositories
	 */
	SpringSecurityBridge(List<ClientRegistration> known, List<BridgedRegistration> exposed, Sources sources,
			Function<String, ClientRegistration> lookup, Function<String, Mono<ClientRegistration>> reactiveLookup) {
		this.sources = sources;
		this.lookup = lookup;
		this.reactiveLookup = reactiveLookup;
		Map<String, ClientRegistration> springOwn = new LinkedHashMap<>();
		Set<ClientRegistration> exposedOnes = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		exposed.forEach((registration) -> exposedOnes.add(registration.clientRegistration()));
		for (ClientRegistration registration : known) {
			if (!exposedOnes.contains(registration)) {
				springOwn.putIfAbsent(registration.getRegistrationId(), registration);
			}
		}
		sources.serve(new ArrayList<>(springOwn.values()))
			.forEach((id, served) -> this.registrations.put(id, Optional.ofNullable(served)));
		for (BridgedRegistration registration : exposed) {
			if (this.registrations.containsKey(registration.id())) {
				logger.warn(
						"ccauth registration {} is not exposed as Spring Security registration {}: the application has a registration of that id",
						registration.tokens().registration(), registration.id());
				continue;
			}
			this.registrations.put(registration.id(), Optional.of(registration));
		}
	}

	/**
	 * The ids of the Spring Security registrations whose tokens ccauth serves (known so
	 * far).
	 */
	public Set<String> registrationIds() {
		Set<String> ids = new LinkedHashSet<>();
		this.registrations.forEach((id, served) -> served.ifPresent((registration) -> ids.add(id)));
		return ids;
	}

	/** The token source serving a Spring Security registration, if ccauth serves it. */
	public Optional<TokenSource> tokenSource(String registrationId) {
		return served(registrationId).map(BridgedRegistration::tokens);
	}

	/**
	 * The manager with ccauth's token engine in front of it for the registrations ccauth
	 * serves; every other registration goes to the manager as before.
	 */
	public ReactiveOAuth2AuthorizedClientManager bridge(ReactiveOAuth2AuthorizedClientManager manager) {
		return (manager instanceof ReactiveManagerBridge) ? manager : new ReactiveManagerBridge(manager, () -> this);
	}

	/**
	 * The manager with ccauth's token engine in front of it for the registrations ccauth
	 * serves; every other registration goes to the manager as before.
	 */
	public OAuth2AuthorizedClientManager bridge(OAuth2AuthorizedClientManager manager) {
		return (manager instanceof ManagerBridge) ? manager : new ManagerBridge(manager, () -> this);
	}

	/**
	 * The registration if ccauth serves it, looked up (blocking) if it was not listed at
	 * startup.
	 */
	Optional<BridgedRegistration> served(String id) {
		Optional<BridgedRegistration> served = this.registrations.get(id);
		if (served != null) {
			return served;
		}
		ClientRegistration registration = this.lookup.apply(id);
		return (registration != null) ? remember(registration) : NOT_SERVED;
	}

	/**
	 * The registration if ccauth serves it, or {@code null} when it must be looked up
	 * reactively.
	 */
	Optional<BridgedRegistration> servedIfKnown(String id) {
		return this.registrations.get(id);
	}

	/** The registration, looked up in the reactive repositories. */
	Mono<Optional<BridgedRegistration>> servedReactively(String id) {
		Optional<BridgedRegistration> known = this.registrations.get(id);
		if (known != null) {
			return Mono.just(known);
		}
		return this.reactiveLookup.apply(id).map(this::remember).defaultIfEmpty(NOT_SERVED);
	}

	/** Reports a refused token: see {@link BridgedRegistration#refused()}. */
	void refused(String id) {
		Optional<BridgedRegistration> served = this.registrations.get(id);
		if (served != null && served.isPresent() && served.get().refused()) {
			logger.debug("{}: token dropped after the API refused it (Spring Security's failure handler)", id);
		}
	}

	private Optional<BridgedRegistration> remember(ClientRegistration registration) {
		return this.registrations.computeIfAbsent(registration.getRegistrationId(),
				(id) -> Optional.ofNullable(this.sources.serve(List.of(registration)).get(id)));
	}

	@Override
	public String toString() {
		return "SpringSecurityBridge" + registrationIds();
	}

	/**
	 * Makes the token sources of Spring Security registrations, through ccauth's own
	 * clients builder.
	 */
	static final class Sources {

		private final SpringRegistrationMapper mapper;

		private final Function<ContactCenterRegistrations, ContactCenterClients.Builder> clients;

		/**
		 * @param clients a builder of ccauth's clients, set up as the application's (SSL
		 * bundles, retry policies, token client decorators, environment)
		 */
		Sources(SpringRegistrationMapper mapper,
				Function<ContactCenterRegistrations, ContactCenterClients.Builder> clients) {
			this.mapper = mapper;
			this.clients = clients;
		}

		/**
		 * The bridged registration of each id, {@code null} for the ones left to Spring
		 * Security.
		 * @throws dev.ccauth.config.InvalidRegistrationException when one cannot work at
		 * all
		 */
		Map<String, BridgedRegistration> serve(List<ClientRegistration> springRegistrations) {
			RegistrationProblems problems = new RegistrationProblems((variable) -> null);
			Map<String, Registration> mapped = new LinkedHashMap<>();
			Map<String, BridgedRegistration> served = new LinkedHashMap<>();
			for (ClientRegistration spring : springRegistrations) {
				SpringRegistrationMapper.Mapping mapping = this.mapper.map(spring, problems);
				if (mapping.registration() != null) {
					mapped.put(spring.getRegistrationId(), mapping.registration());
				}
				else {
					served.put(spring.getRegistrationId(), null);
					logger.info("Spring Security registration {} keeps Spring Security's token handling: {}",
							spring.getRegistrationId(), mapping.leftToSpring());
				}
			}
			problems.throwIfAny();
			if (mapped.isEmpty()) {
				return served;
			}
			ContactCenterClients clients = this.clients
				.apply(new ContactCenterRegistrations(new ArrayList<>(mapped.values())))
				.platform(Platform.GENESYS, SpringRegistrationDetails::endpoints)
				.platform(Platform.CXONE,
						(registration, webClient) -> (registration.details() instanceof SpringRegistrationDetails)
								? SpringRegistrationDetails.endpoints(registration, webClient)
								: CxonePlatform.endpoints(registration, webClient))
				.build();
			for (ClientRegistration spring : springRegistrations) {
				Registration registration = mapped.get(spring.getRegistrationId());
				if (registration != null) {
					served.put(spring.getRegistrationId(),
							new BridgedRegistration(spring, clients.tokenSource(registration.id()),
									Messages.forSpringRegistration(spring.getRegistrationId(), registration.id())));
					logger.debug("Spring Security registration {}: tokens from ccauth ({})", spring.getRegistrationId(),
							registration.details().grant());
				}
			}
			return served;
		}

	}

}
