package dev.ccauth.security;

import java.util.List;
import java.util.Map;

import dev.ccauth.config.HttpSettings;
import dev.ccauth.config.RetrySettings;
import dev.ccauth.config.TokenSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Spring Security bridge ({@code ccauth.spring-security.*}).
 *
 * @param enabled Whether Spring Security's OAuth2 client managers get ccauth's token
 * engine for their client_credentials and password registrations (default true)
 * @param exposeRegistrations Whether ccauth's own registrations are also published as
 * Spring Security ClientRegistrations named platform-name (genesys-prod, cxone-main), for
 * {@code @RegisteredOAuth2AuthorizedClient} and {@code @ClientRegistrationId} (default
 * false)
 * @param cxoneIssuers Issuers, besides https://cxone.niceincontact.com and
 * https://cxone-gov.niceincontact.com, whose password registrations are CXone access keys
 * with endpoints discovered the way ccauth discovers them (a test tenant, the sandbox)
 * @param registration Settings of the Spring Security registrations the bridge serves, by
 * registration id (spring.security.oauth2.client.registration.&lt;id&gt;)
 */
@ConfigurationProperties("ccauth.spring-security")
public record SpringSecurityBridgeProperties(@DefaultValue("true") boolean enabled, boolean exposeRegistrations,
		List<String> cxoneIssuers, Map<String, Registration> registration) {

	public SpringSecurityBridgeProperties {
		cxoneIssuers = (cxoneIssuers != null) ? List.copyOf(cxoneIssuers) : List.of();
		registration = (registration != null) ? Map.copyOf(registration) : Map.of();
	}

	/** The settings of one Spring Security registration, or none. */
	Registration registration(String id) {
		Registration settings = this.registration.get(id);
		return (settings != null) ? settings : new Registration(true, null, null, null, null, null, null, null);
	}

	/**
	 * One Spring Security registration's ccauth settings.
	 *
	 * @param enabled Whether ccauth serves this registration's tokens (default true;
	 * false leaves it to Spring Security)
	 * @param accessKeyId Access key id of a password registration (CXone access key):
	 * sent as the password grant's username
	 * @param accessKeySecret Access key secret of a password registration: sent as the
	 * password grant's password
	 * @param tenantId CXone tenant id; default read from the id_token
	 * @param sslBundle Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) for custom
	 * trust of the token endpoint
	 * @param token Token lifetime settings of this registration (default: ccauth.token.*)
	 * @param retry Retry settings of its token requests (default: ccauth.retry.*)
	 * @param http HTTP settings of its token requests (default: ccauth.http.*)
	 */
	public record Registration(@DefaultValue("true") boolean enabled, String accessKeyId, String accessKeySecret,
			String tenantId, String sslBundle, TokenSettings token, RetrySettings retry, HttpSettings http) {

		@Override
		public String toString() {
			return "Registration[enabled=" + this.enabled + ", accessKeyId=" + this.accessKeyId + ", accessKeySecret="
					+ ((this.accessKeySecret != null) ? "******" : null) + ", tenantId=" + this.tenantId + "]";
		}

	}

}
