package dev.ccauth.cxone;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.EnvironmentVariables;
import dev.ccauth.config.OAuthClient;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationDefaults;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.RegistrationProblems;
import dev.ccauth.config.Secret;
import dev.ccauth.token.PlatformEndpoints;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * NICE CXone: a real tenant's access-key login with endpoints discovered from the issuer,
 * and the tutorial's client-credentials mode at regional endpoints; the variables its
 * pipelines have.
 */
public final class CxonePlatform {

	/** The {@code CXONE_*} variables a CXone pipeline step is configured with. */
	public static final EnvironmentVariables ENVIRONMENT;

	static {
		Map<String, List<String>> variables = new LinkedHashMap<>();
		variables.put("client-id", List.of("CXONE_CLIENT_ID"));
		variables.put("client-secret", List.of("CXONE_CLIENT_SECRET"));
		variables.put("access-token", List.of("CXONE_ACCESS_TOKEN"));
		variables.put("access-key-id", List.of("CXONE_ACCESS_KEY_ID"));
		variables.put("access-key-secret", List.of("CXONE_ACCESS_KEY_SECRET"));
		variables.put("region", List.of("CXONE_REGION"));
		variables.put("issuer", List.of("CXONE_ISSUER"));
		variables.put("base-url", List.of("CXONE_BASE_URL"));
		variables.put("token-uri", List.of("CXONE_TOKEN_URI"));
		ENVIRONMENT = new EnvironmentVariables(variables);
	}

	private CxonePlatform() {
	}

	/**
	 * Turns {@code ccauth.cxone.<name>.*} into a registration, applying the platform's
	 * defaults; what is wrong goes to {@code problems}.
	 */
	public static Registration resolve(String name, CxoneRegistrationProperties properties,
			RegistrationDefaults defaults, RegistrationProblems problems) {
		RegistrationId id = RegistrationId.cxone(name);
		String prefix = id.propertyPrefix();
		String clientId = RegistrationProblems.trimmed(properties.clientId());
		Secret clientSecret = problems.secret(prefix + ".client-secret", properties.clientSecret());
		String accessKeyId = RegistrationProblems.trimmed(properties.accessKeyId());
		Secret accessKeySecret = problems.secret(prefix + ".access-key-secret", properties.accessKeySecret());
		Secret accessToken = problems.secret(prefix + ".access-token", properties.accessToken());
		String configuredTokenUri = RegistrationProblems.trimmed(properties.tokenUri());
		String configuredBaseUrl = RegistrationProblems.trimmed(properties.baseUrl());
		URI tokenUri = problems.endpoint(prefix + ".token-uri", configuredTokenUri);
		URI baseUrl = problems.endpoint(prefix + ".base-url", configuredBaseUrl);
		String region = RegistrationProblems.trimmed(properties.region());
		List<String> scopes = properties.scopes();
		ClientAuthentication authentication = properties.clientAuthentication();
		Registration.Builder builder;
		if (grant(properties, accessKeyId, accessKeySecret) == CxoneGrant.ACCESS_KEY) {
			problems.requireCredentials(id, accessToken != null, ENVIRONMENT, "client-id", clientId, "client-secret",
					clientSecret, "access-key-id", accessKeyId, "access-key-secret", accessKeySecret);
			String configuredIssuer = RegistrationProblems.trimmed(properties.issuer());
			URI issuer = problems.endpoint(prefix + ".issuer",
					(configuredIssuer != null) ? configuredIssuer : CxoneRegions.COMMERCIAL_ISSUER);
			authentication = (authentication != null) ? authentication : ClientAuthentication.BASIC;
			builder = Registration.builder(id, new CxoneDetails.AccessKey(issuer, accessKeyId, accessKeySecret,
					RegistrationProblems.trimmed(properties.tenantId())));
		}
		else {
			problems.requireCredentials(id, accessToken != null, ENVIRONMENT, "client-id", clientId, "client-secret",
					clientSecret);
			region = (region != null) ? region : CxoneRegions.DEFAULT_REGION;
			String apiUrl = CxoneRegions.tutorialApiUrl(region);
			if (apiUrl == null && (configuredTokenUri == null || configuredBaseUrl == null)) {
				problems
					.add(prefix + ".region", "'" + region + "' is not a CXone client-credentials region.", "Use one of "
							+ String.join(", ", CxoneRegions.TUTORIAL_REGIONS)
							+ ", or set token-uri and base-url for another gateway. Real CXone tenants use grant: access-key.");
			}
			if (apiUrl != null) {
				tokenUri = (configuredTokenUri == null) ? URI.create(apiUrl + "/oauth/token") : tokenUri;
				baseUrl = (configuredBaseUrl == null) ? URI.create(apiUrl) : baseUrl;
			}
			scopes = scopes.isEmpty() ? CxoneRegions.TUTORIAL_SCOPES : scopes;
			authentication = (authentication != null) ? authentication : ClientAuthentication.POST;
			builder = Registration.builder(id, new CxoneDetails.ClientCredentials(region));
		}
		problems.settings(prefix, properties.token(), properties.retry(), properties.http());
		builder
			.client((clientId != null && clientSecret != null) ? new OAuthClient(clientId, clientSecret, authentication)
					: null)
			.scopes(scopes)
			.accessToken(accessToken)
			.tokenUri(tokenUri)
			.baseUrl(baseUrl)
			.sslBundle(RegistrationProblems.trimmed(properties.sslBundle()));
		return defaults.applyTo(builder, properties.token(), properties.retry(), properties.http()).build();
	}

	/**
	 * Explicit grant; else access-key when an access key is set, client-credentials when
	 * a region is, else access-key.
	 */
	private static CxoneGrant grant(CxoneRegistrationProperties properties, String accessKeyId,
			Secret accessKeySecret) {
		if (properties.grant() != null) {
			return properties.grant();
		}
		if (accessKeyId != null || accessKeySecret != null) {
			return CxoneGrant.ACCESS_KEY;
		}
		return (RegistrationProblems.trimmed(properties.region()) != null) ? CxoneGrant.CLIENT_CREDENTIALS
				: CxoneGrant.ACCESS_KEY;
	}

	/**
	 * A CXone registration's endpoints: discovered from the issuer for an access key
	 * (unless configured), known from the region for client credentials.
	 */
	public static PlatformEndpoints endpoints(Registration registration, WebClient webClient) {
		if (registration.details() instanceof CxoneDetails.AccessKey) {
			return new CxoneDiscovery(registration, webClient);
		}
		return PlatformEndpoints.known(CxoneTokenGrant.clientCredentials(registration.id()), registration.tokenUri(),
				registration.baseUrl());
	}

}
