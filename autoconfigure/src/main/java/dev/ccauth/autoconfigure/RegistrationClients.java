package dev.ccauth.autoconfigure;

import dev.ccauth.config.Platform;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/** The static factory methods the per-registration client beans are defined with. */
final class RegistrationClients {

	private RegistrationClients() {
	}

	static WebClient webClient(ContactCenterClients clients, Platform platform, String name) {
		return clients.webClient(platform, name);
	}

	static RestClient restClient(ContactCenterClients clients, Platform platform, String name) {
		return clients.restClient(platform, name);
	}

}
