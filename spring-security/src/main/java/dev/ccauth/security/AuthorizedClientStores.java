package dev.ccauth.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * The blocking (servlet stack) stores of authorized clients with ccauth listening: see
 * {@link ReactiveAuthorizedClientStores}. Spring's
 * {@code OAuth2ClientHttpRequestInterceptor} removes through them on a 401 when given
 * {@code OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(repository or service)}.
 */
final class AuthorizedClientStores {

	private AuthorizedClientStores() {
	}

	/** An authorized client service: no servlet types involved. */
	static final class Service implements OAuth2AuthorizedClientService {

		private final OAuth2AuthorizedClientService service;

		private final Supplier<SpringSecurityBridge> bridge;

		Service(OAuth2AuthorizedClientService service, Supplier<SpringSecurityBridge> bridge) {
			this.service = service;
			this.bridge = bridge;
		}

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				String principalName) {
			return this.service.loadAuthorizedClient(clientRegistrationId, principalName);
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal) {
			this.service.saveAuthorizedClient(authorizedClient, principal);
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, String principalName) {
			this.bridge.get().refused(clientRegistrationId);
			this.service.removeAuthorizedClient(clientRegistrationId, principalName);
		}

	}

	/** An authorized client repository; loaded only where the servlet API is. */
	static final class Repository implements OAuth2AuthorizedClientRepository {

		private final OAuth2AuthorizedClientRepository repository;

		private final Supplier<SpringSecurityBridge> bridge;

		Repository(OAuth2AuthorizedClientRepository repository, Supplier<SpringSecurityBridge> bridge) {
			this.repository = repository;
			this.bridge = bridge;
		}

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return this.repository.loadAuthorizedClient(clientRegistrationId, principal, request);
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
			this.repository.saveAuthorizedClient(authorizedClient, principal, request, response);
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
			this.bridge.get().refused(clientRegistrationId);
			this.repository.removeAuthorizedClient(clientRegistrationId, principal, request, response);
		}

	}

}
