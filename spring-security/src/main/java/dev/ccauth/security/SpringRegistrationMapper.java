package dev.ccauth.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.Endpoints;
import dev.ccauth.config.OAuthClient;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationDefaults;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.RegistrationProblems;
import dev.ccauth.config.Secret;
import dev.ccauth.cxone.CxoneGrant;
import dev.ccauth.cxone.CxonePlatform;
import dev.ccauth.cxone.CxoneRegistrationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.StringUtils;

/**
 * Decides which Spring Security registrations ccauth serves and turns each into a ccauth
 * {@link Registration}: client credentials and password grants with the client secret in
 * a Basic header or the form; a password registration whose provider's issuer is a CXone
 * issuer becomes a CXone access-key registration with the token endpoint discovered from
 * the issuer. Everything else is left to Spring Security, with the reason.
 */
final class SpringRegistrationMapper {

	static final String SPRING_PREFIX = "spring.security.oauth2.client.registration.";

	static final String BRIDGE_PREFIX = "ccauth.spring-security.registration.";

	static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

	private static final List<String> CXONE_ISSUERS = List.of("https://cxone.niceincontact.com",
			"https://cxone-gov.niceincontact.com");

	private final SpringSecurityBridgeProperties properties;

	private final RegistrationDefaults defaults;

	private final Set<String> cxoneIssuers = new LinkedHashSet<>();

	SpringRegistrationMapper(SpringSecurityBridgeProperties properties, RegistrationDefaults defaults) {
		this.properties = properties;
		this.defaults = defaults;
		CXONE_ISSUERS.forEach((issuer) -> this.cxoneIssuers.add(normalized(issuer)));
		properties.cxoneIssuers().forEach((issuer) -> this.cxoneIssuers.add(normalized(issuer)));
	}

	/**
	 * The ccauth registration of a Spring Security registration, or why ccauth leaves it
	 * to Spring Security. Problems that make it unusable (a password registration without
	 * an access key) go to {@code problems}.
	 */
	Mapping map(ClientRegistration spring, RegistrationProblems problems) {
		String id = spring.getRegistrationId();
		SpringSecurityBridgeProperties.Registration settings = this.properties.registration(id);
		AuthorizationGrantType grant = spring.getAuthorizationGrantType();
		boolean password = PASSWORD.equals(grant);
		if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grant) && !password) {
			return Mapping.leftToSpring("its grant is " + grant.getValue());
		}
		if (!settings.enabled()) {
			return Mapping.leftToSpring(BRIDGE_PREFIX + id + ".enabled is false");
		}
		ClientAuthentication authentication = authentication(spring.getClientAuthenticationMethod());
		if (authentication == null) {
			return Mapping.leftToSpring(
					"its client authentication method is " + spring.getClientAuthenticationMethod().getValue());
		}
		if (!StringUtils.hasText(spring.getClientId()) || !StringUtils.hasText(spring.getClientSecret())) {
			return Mapping.leftToSpring("it has no client secret");
		}
		String prefix = BRIDGE_PREFIX + id;
		Secret clientSecret = problems.secret(SPRING_PREFIX + id + ".client-secret", spring.getClientSecret());
		String accessKeyId = null;
		Secret accessKeySecret = null;
		if (password) {
			accessKeyId = RegistrationProblems.trimmed(settings.accessKeyId());
			accessKeySecret = problems.secret(prefix + ".access-key-secret", settings.accessKeySecret());
			for (String[] missing : new String[][] { { "access-key-id", accessKeyId },
					{ "access-key-secret", (accessKeySecret != null) ? "set" : null } }) {
				if (missing[1] == null) {
					problems.add(prefix + "." + missing[0],
							"is missing: " + SPRING_PREFIX + id
									+ " uses the password grant, whose username and password are an access key.",
							"Set " + prefix + "." + missing[0]
									+ " (the CXone access key), or set the registration's authorization-grant-type to client_credentials.");
				}
			}
			if (accessKeyId == null || accessKeySecret == null) {
				return Mapping.leftToSpring("its access key is missing");
			}
		}
		problems.settings(prefix, settings.token(), settings.retry(), settings.http());
		String issuer = (spring.getProviderDetails().getIssuerUri() != null)
				? normalized(spring.getProviderDetails().getIssuerUri()) : null;
		if (password && issuer != null && this.cxoneIssuers.contains(issuer)) {
			return cxone(spring, settings, authentication, clientSecret, accessKeyId, accessKeySecret, issuer,
					problems);
		}
		URI tokenUri = tokenUri(spring.getProviderDetails().getTokenUri());
		if (tokenUri == null) {
			return Mapping.leftToSpring("its token URI is missing or not an absolute http(s) URL");
		}
		String endpointProblem = Endpoints.problem(tokenUri);
		if (endpointProblem != null) {
			return Mapping.leftToSpring("its token URI " + endpointProblem);
		}
		RegistrationId ccauthId = password ? RegistrationId.cxone(id) : RegistrationId.genesys(id);
		Registration.Builder builder = Registration
			.builder(ccauthId, new SpringRegistrationDetails(id, accessKeyId, accessKeySecret))
			.client(new OAuthClient(spring.getClientId(), clientSecret, authentication))
			.scopes(scopes(spring))
			.tokenUri(tokenUri)
			.sslBundle(RegistrationProblems.trimmed(settings.sslBundle()));
		return Mapping
			.served(this.defaults.applyTo(builder, settings.token(), settings.retry(), settings.http()).build());
	}

	/**
	 * A CXone tenant's access key, through ccauth's CXone platform: the same discovery
	 * and checks.
	 */
	private Mapping cxone(ClientRegistration spring, SpringSecurityBridgeProperties.Registration settings,
			ClientAuthentication authentication, Secret clientSecret, String accessKeyId, Secret accessKeySecret,
			String issuer, RegistrationProblems problems) {
		CxoneRegistrationProperties cxone = new CxoneRegistrationProperties(CxoneGrant.ACCESS_KEY, null,
				spring.getClientId(), clientSecret.reveal(), accessKeyId, accessKeySecret.reveal(), issuer,
				settings.tenantId(), scopes(spring), null, null, authentication, null, settings.sslBundle(),
				settings.token(), settings.retry(), settings.http());
		// every value was checked above under the Spring and bridge property names
		RegistrationProblems scratch = new RegistrationProblems((name) -> null);
		Registration registration = CxonePlatform.resolve(spring.getRegistrationId(), cxone, this.defaults, scratch);
		if (!scratch.isEmpty()) {
			problems.add(SPRING_PREFIX + spring.getRegistrationId(),
					"is not a usable CXone access-key registration (issuer " + issuer + ").",
					"Check the provider's issuer-uri and " + BRIDGE_PREFIX + spring.getRegistrationId() + ".*.");
		}
		return Mapping.served(registration);
	}

	private static List<String> scopes(ClientRegistration spring) {
		return (spring.getScopes() != null) ? new ArrayList<>(spring.getScopes()) : List.of();
	}

	private static ClientAuthentication authentication(ClientAuthenticationMethod method) {
		if (ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)) {
			return ClientAuthentication.BASIC;
		}
		if (ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
			return ClientAuthentication.POST;
		}
		return null;
	}

	private static URI tokenUri(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			URI uri = new URI(value.trim());
			return (uri.isAbsolute() && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String normalized(String issuer) {
		String trimmed = issuer.trim();
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	/**
	 * What becomes of one Spring Security registration.
	 *
	 * @param registration the ccauth registration serving it, or {@code null}
	 * @param leftToSpring why Spring Security keeps it, or {@code null}
	 */
	record Mapping(Registration registration, String leftToSpring) {

		static Mapping served(Registration registration) {
			return new Mapping(registration, null);
		}

		static Mapping leftToSpring(String reason) {
			return new Mapping(null, reason);
		}

	}

}
