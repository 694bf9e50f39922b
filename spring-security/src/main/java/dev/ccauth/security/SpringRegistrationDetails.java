package dev.ccauth.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ccauth.config.PlatformDetails;
import dev.ccauth.config.Registration;
import dev.ccauth.config.Secret;
import dev.ccauth.token.PlatformEndpoints;
import dev.ccauth.token.TokenGrant;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The part of a Spring Security registration that ccauth's generic layers need, when it
 * is not a CXone tenant: its grant (client credentials, or a password grant with an
 * access key) and where it is configured. Its token endpoint is the registration's own.
 *
 * @param springId the Spring Security registration id
 * @param username the password grant's username (access key id), or {@code null} for
 * client credentials
 * @param password the password grant's password (access key secret), or {@code null}
 */
record SpringRegistrationDetails(String springId, String username, Secret password) implements PlatformDetails {

	@Override
	public String grant() {
		return (this.username != null) ? "password" : "client-credentials";
	}

	@Override
	public Map<String, String> location() {
		return Map.of("spring registration", SpringRegistrationMapper.SPRING_PREFIX + this.springId);
	}

	@Override
	public String tokenIdentity() {
		return (this.username != null) ? "password:" + this.username : grant();
	}

	@Override
	public List<Secret> secrets() {
		return (this.password != null) ? List.of(this.password) : List.of();
	}

	/**
	 * The endpoints of a registration with these details: its token URI, no API base URL.
	 */
	static PlatformEndpoints endpoints(Registration registration, WebClient webClient) {
		SpringRegistrationDetails details = (SpringRegistrationDetails) registration.details();
		return PlatformEndpoints.known(details.new Grant(), registration.tokenUri(), null);
	}

	/** The form of the grant; refusals are read by the OAuth rules. */
	final class Grant implements TokenGrant {

		@Override
		public Map<String, String> parameters() {
			Map<String, String> parameters = new LinkedHashMap<>();
			if (SpringRegistrationDetails.this.username == null) {
				parameters.put("grant_type", "client_credentials");
				return parameters;
			}
			parameters.put("grant_type", "password");
			parameters.put("username", SpringRegistrationDetails.this.username);
			parameters.put("password", SpringRegistrationDetails.this.password.reveal());
			return parameters;
		}

	}

}
