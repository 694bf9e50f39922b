package dev.ccauth.security;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.RegistrationId;

/**
 * The message of a failure as the application should read it. ccauth's hints name
 * ccauth's own properties ({@code ccauth.cxone.<name>.client-id}); for a Spring Security
 * registration they are renamed to where its settings really are: the client in
 * {@code spring.security.oauth2.client.registration.<id>}, the access key and the token
 * settings in {@code ccauth.spring-security.registration.<id>}.
 */
final class Messages {

	private final String springId;

	private final String ccauthPrefix;

	private Messages(String springId, String ccauthPrefix) {
		this.springId = springId;
		this.ccauthPrefix = ccauthPrefix;
	}

	/** For a Spring Security registration served by ccauth. */
	static Messages forSpringRegistration(String springId, RegistrationId ccauthId) {
		return new Messages(springId, ccauthId.propertyPrefix());
	}

	/**
	 * For a ccauth registration exposed to Spring Security: its hints already name its
	 * properties.
	 */
	static Messages forCcauthRegistration(String springId) {
		return new Messages(springId, null);
	}

	String of(ContactCenterException failure) {
		String message = String.valueOf(failure.getMessage());
		String own = failure.registration() + ": ";
		if (message.startsWith(own)) {
			message = message.substring(own.length());
		}
		if (this.ccauthPrefix != null) {
			String spring = SpringRegistrationMapper.SPRING_PREFIX + this.springId;
			String provider = "the provider of " + spring;
			message = message.replace(this.ccauthPrefix + ".client-id", spring + ".client-id")
				.replace(this.ccauthPrefix + ".scopes", spring + ".scope")
				.replace(this.ccauthPrefix + ".token-uri", "the token-uri of " + provider)
				.replace(this.ccauthPrefix + ".issuer", "the issuer-uri of " + provider)
				.replace(this.ccauthPrefix, SpringRegistrationMapper.BRIDGE_PREFIX + this.springId);
			return spring + ": " + message;
		}
		return "ccauth registration " + failure.registration() + " (Spring Security registration " + this.springId
				+ "): " + message;
	}

}
