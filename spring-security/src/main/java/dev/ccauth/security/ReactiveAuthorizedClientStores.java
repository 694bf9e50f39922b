package dev.ccauth.security;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reactive stores of authorized clients with ccauth listening: Spring's authorization
 * failure handler removes the authorized client from them on a 401
 * ({@code RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler}), which is
 * where the bridge learns that the API refused the token. Everything else is the store's
 * own behaviour.
 */
final class ReactiveAuthorizedClientStores {

	private ReactiveAuthorizedClientStores() {
	}

	/** An authorized client repository (a web exchange's, or one backed by a service). */
	static final class Repository implements ServerOAuth2AuthorizedClientRepository {

		private final ServerOAuth2AuthorizedClientRepository repository;

		private final Supplier<SpringSecurityBridge> bridge;

		Repository(ServerOAuth2AuthorizedClientRepository repository, Supplier<SpringSecurityBridge> bridge) {
			this.repository = repository;
			this.bridge = bridge;
		}

		@Override
		public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, ServerWebExchange exchange) {
			return this.repository.loadAuthorizedClient(clientRegistrationId, principal, exchange);
		}

		@Override
		public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				ServerWebExchange exchange) {
			return this.repository.saveAuthorizedClient(authorizedClient, principal, exchange);
		}

		@Override
		public Mono<Void> removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				ServerWebExchange exchange) {
			return Mono.fromRunnable(() -> this.bridge.get().refused(clientRegistrationId))
				.then(this.repository.removeAuthorizedClient(clientRegistrationId, principal, exchange));
		}

	}

	/** An authorized client service. */
	static final class Service implements ReactiveOAuth2AuthorizedClientService {

		private final ReactiveOAuth2AuthorizedClientService service;

		private final Supplier<SpringSecurityBridge> bridge;

		Service(ReactiveOAuth2AuthorizedClientService service, Supplier<SpringSecurityBridge> bridge) {
			this.service = service;
			this.bridge = bridge;
		}

		@Override
		public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
				String principalName) {
			return this.service.loadAuthorizedClient(clientRegistrationId, principalName);
		}

		@Override
		public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
			return this.service.saveAuthorizedClient(authorizedClient, principal);
		}

		@Override
		public Mono<Void> removeAuthorizedClient(String clientRegistrationId, String principalName) {
			return Mono.fromRunnable(() -> this.bridge.get().refused(clientRegistrationId))
				.then(this.service.removeAuthorizedClient(clientRegistrationId, principalName));
		}

	}

}
