package dev.ccauth.web;

import java.util.List;

import reactor.core.publisher.Mono;

import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.token.AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every registration's authenticated {@link WebClient} and current access token, for code that
 * looks registrations up by name, and for tools that need the token itself (a token export to a
 * later pipeline step, a client that is not WebClient-based).
 */
public interface ContactCenterClients {

	/** The registrations, in a stable order (Genesys first, then CXone, each by name). */
	List<Registration> registrations();

	/**
	 * The registration's WebClient: base URL set, bearer token managed.
	 * @throws IllegalArgumentException naming the configured registrations when there is no such one
	 */
	WebClient webClient(RegistrationId registration);

	default WebClient webClient(Platform platform, String name) {
		return webClient(new RegistrationId(platform, name));
	}

	/** The registration's current access token, fetched if there is no valid one. */
	Mono<AccessToken> accessToken(RegistrationId registration);

	default Mono<AccessToken> accessToken(Platform platform, String name) {
		return accessToken(new RegistrationId(platform, name));
	}

}
