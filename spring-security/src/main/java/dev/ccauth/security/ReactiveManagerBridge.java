package dev.ccauth.security;

import java.util.Optional;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;

/**
 * A reactive authorized client manager with ccauth in front: the registrations ccauth
 * serves get their token from its token source (the manager's repository and provider are
 * not involved), every other registration goes to the manager. Spring Security's default
 * manager would run its own client-credentials provider before any provider bean, so the
 * bridge sits in front of the manager.
 */
final class ReactiveManagerBridge implements ReactiveOAuth2AuthorizedClientManager {

	private final ReactiveOAuth2AuthorizedClientManager manager;

	private final Supplier<SpringSecurityBridge> bridge;

	ReactiveManagerBridge(ReactiveOAuth2AuthorizedClientManager manager, Supplier<SpringSecurityBridge> bridge) {
		this.manager = manager;
		this.bridge = bridge;
	}

	@Override
	public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
		Optional<BridgedRegistration> known = this.bridge.get().servedIfKnown(request.getClientRegistrationId());
		if (known == null) {
			return this.bridge.get()
				.servedReactively(request.getClientRegistrationId())
				.flatMap((served) -> authorize(served, request));
		}
		return authorize(known, request);
	}

	private Mono<OAuth2AuthorizedClient> authorize(Optional<BridgedRegistration> served,
			OAuth2AuthorizeRequest request) {
		if (served.isEmpty()) {
			return this.manager.authorize(request);
		}
		BridgedRegistration registration = served.get();
		String principal = request.getPrincipal().getName();
		OAuth2AuthorizedClient usable = registration.usableClient(request.getAuthorizedClient(), principal);
		return (usable != null) ? Mono.just(usable) : registration.client(request.getAuthorizedClient(), principal);
	}

	@Override
	public String toString() {
		return "ReactiveManagerBridge[" + this.manager.getClass().getSimpleName() + "]";
	}

}
