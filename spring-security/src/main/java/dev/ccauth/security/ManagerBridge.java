package dev.ccauth.security;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * A blocking (servlet stack) authorized client manager with ccauth in front: the
 * registrations ccauth serves get their token from its token source, every other
 * registration goes to the manager. See {@link ReactiveManagerBridge} for why the bridge
 * sits in front of the manager.
 */
final class ManagerBridge implements OAuth2AuthorizedClientManager {

	private final OAuth2AuthorizedClientManager manager;

	private final Supplier<SpringSecurityBridge> bridge;

	ManagerBridge(OAuth2AuthorizedClientManager manager, Supplier<SpringSecurityBridge> bridge) {
		this.manager = manager;
		this.bridge = bridge;
	}

	@Override
	public OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest request) {
		Optional<BridgedRegistration> served = this.bridge.get().served(request.getClientRegistrationId());
		if (served.isEmpty()) {
			return this.manager.authorize(request);
		}
		return served.get().clientBlocking(request.getAuthorizedClient(), request.getPrincipal().getName());
	}

	@Override
	public String toString() {
		return "ManagerBridge[" + this.manager.getClass().getSimpleName() + "]";
	}

}
