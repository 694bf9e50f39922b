package dev.ccauth.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer;

/**
 * Makes the HTTP service groups named after a registration
 * ({@code @ImportHttpServices(group =
 * "genesys-prod")}) that registration's clients: base URL, HTTP client, retries and its
 * token, shared with its WebClient and RestClient beans. Groups with other names are left
 * alone. They run after Boot's {@code spring.http.serviceclient.*} configurers, so the
 * registration's base URL and HTTP client win over those properties; the properties'
 * default headers and API versions stay.
 */
final class ServiceGroupConfigurers {

	private ServiceGroupConfigurers() {
	}

	/** The group name of a registration: {@code <platform>-<name>}. */
	static String groupName(RegistrationId id) {
		return id.platform().key() + "-" + id.name();
	}

	private static <B> void configure(ContactCenterClients clients, HttpServiceGroupConfigurer.Groups<B> groups,
			BiConsumer<RegistrationId, B> configure) {
		Map<String, RegistrationId> byGroup = new LinkedHashMap<>();
		for (Registration registration : clients.registrations()) {
			byGroup.put(groupName(registration.id()), registration.id());
		}
		if (!byGroup.isEmpty()) {
			groups.filterByName(byGroup.keySet().toArray(String[]::new))
				.forEachClient((group, builder) -> configure.accept(byGroup.get(group.name()), builder));
		}
	}

	/** For groups backed by a RestClient. */
	record RestClients(ObjectProvider<ContactCenterClients> clients) implements RestClientHttpServiceGroupConfigurer {

		@Override
		public void configureGroups(Groups<RestClient.Builder> groups) {
			ContactCenterClients contactCenterClients = this.clients.getObject();
			configure(contactCenterClients, groups, contactCenterClients::configure);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/** For groups backed by a WebClient. */
	record WebClients(ObjectProvider<ContactCenterClients> clients) implements WebClientHttpServiceGroupConfigurer {

		@Override
		public void configureGroups(Groups<WebClient.Builder> groups) {
			ContactCenterClients contactCenterClients = this.clients.getObject();
			configure(contactCenterClients, groups, contactCenterClients::configure);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
