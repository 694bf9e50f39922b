package dev.ccauth.security;

import java.util.Iterator;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;

/**
 * The client registration repositories of an application that has none of its own: ccauth's
 * exposed registrations only.
 */
final class ExposedRepositories {

	private ExposedRepositories() {
	}

	/** For the servlet stack and applications without a web server. */
	static final class Blocking
			implements ClientRegistrationRepository, Iterable<ClientRegistration>, ExposingPostProcessor.ExposedRepositories {

		private final ExposedRegistrations exposed;

		Blocking(ExposedRegistrations exposed) {
			this.exposed = exposed;
		}

		@Override
		public ClientRegistration findByRegistrationId(String registrationId) {
			return this.exposed.find(registrationId);
		}

		@Override
		public Iterator<ClientRegistration> iterator() {
			return this.exposed.clientRegistrations().iterator();
		}

	}

	/** For reactive applications and applications without a web server. */
	static final class Reactive implements ReactiveClientRegistrationRepository, Iterable<ClientRegistration>,
			ExposingPostProcessor.ExposedRepositories {

		private final ExposedRegistrations exposed;

		Reactive(ExposedRegistrations exposed) {
			this.exposed = exposed;
		}

		@Override
		public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
			return Mono.justOrEmpty(this.exposed.find(registrationId));
		}

		@Override
		public Iterator<ClientRegistration> iterator() {
			return this.exposed.clientRegistrations().iterator();
		}

	}

}
