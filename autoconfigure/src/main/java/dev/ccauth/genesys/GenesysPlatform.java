package dev.ccauth.genesys;

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
 * Genesys Cloud: its regions and their endpoints
 * ({@code https://login.<domain>/oauth/token}, {@code https://api.<domain>}), its
 * client-credentials grant, the variables its pipelines have.
 */
public final class GenesysPlatform {

	/**
	 * The variables Genesys Cloud pipelines already have: the tutorial's
	 * {@code GENESYS_*}, the Terraform provider's and {@code gc} CLI's
	 * {@code GENESYSCLOUD_*}, and endpoint overrides for gateways and the sandbox.
	 */
	public static final EnvironmentVariables ENVIRONMENT;

	static {
		Map<String, List<String>> variables = new LinkedHashMap<>();
		variables.put("client-id", List.of("GENESYS_CLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_ID"));
		variables.put("client-secret", List.of("GENESYS_CLIENT_SECRET", "GENESYSCLOUD_OAUTHCLIENT_SECRET"));
		variables.put("access-token", List.of("GENESYS_ACCESS_TOKEN", "GENESYSCLOUD_ACCESS_TOKEN"));
		variables.put("region", List.of("GENESYS_REGION", "GENESYSCLOUD_REGION"));
		variables.put("base-url", List.of("GENESYS_BASE_URL"));
		variables.put("token-uri", List.of("GENESYS_TOKEN_URI"));
		ENVIRONMENT = new EnvironmentVariables(variables);
	}

	private GenesysPlatform() {
	}

	/**
	 * Turns {@code ccauth.genesys.<name>.*} into a registration, applying the platform's
	 * defaults; what is wrong goes to {@code problems}.
	 */
	public static Registration resolve(String name, GenesysRegistrationProperties properties,
			RegistrationDefaults defaults, RegistrationProblems problems) {
		RegistrationId id = RegistrationId.genesys(name);
		String prefix = id.propertyPrefix();
		String clientId = RegistrationProblems.trimmed(properties.clientId());
		Secret clientSecret = problems.secret(prefix + ".client-secret", properties.clientSecret());
		Secret accessToken = problems.secret(prefix + ".access-token", properties.accessToken());
		problems.requireCredentials(id, accessToken != null, ENVIRONMENT, "client-id", clientId, "client-secret",
				clientSecret);

		String configuredTokenUri = RegistrationProblems.trimmed(properties.tokenUri());
		String configuredBaseUrl = RegistrationProblems.trimmed(properties.baseUrl());
		URI tokenUri = problems.endpoint(prefix + ".token-uri", configuredTokenUri);
		URI baseUrl = problems.endpoint(prefix + ".base-url", configuredBaseUrl);
		String configuredRegion = RegistrationProblems.trimmed(properties.region());
		String region = (configuredRegion != null) ? configuredRegion : GenesysRegions.DEFAULT_REGION;
		String domain = GenesysRegions.domainOf(region);
		if (domain == null && (configuredTokenUri == null || configuredBaseUrl == null)) {
			problems.add(prefix + ".region", "'" + region + "' is neither a known Genesys Cloud region nor a domain.",
					"Use one of " + GenesysRegions.knownNames()
							+ ", or the org's domain (for example mypurecloud.ie, as in https://apps.mypurecloud.ie).");
		}
		if (domain != null) {
			tokenUri = (configuredTokenUri == null) ? URI.create("https://login." + domain + "/oauth/token") : tokenUri;
			baseUrl = (configuredBaseUrl == null) ? URI.create("https://api." + domain) : baseUrl;
		}
		problems.settings(prefix, properties.token(), properties.retry(), properties.http());
		ClientAuthentication authentication = (properties.clientAuthentication() != null)
				? properties.clientAuthentication() : ClientAuthentication.BASIC;
		Registration.Builder builder = Registration.builder(id, new GenesysDetails(region, domain))
			.client((clientId != null && clientSecret != null) ? new OAuthClient(clientId, clientSecret, authentication)
					: null)
			.scopes(properties.scopes())
			.accessToken(accessToken)
			.tokenUri(tokenUri)
			.baseUrl(baseUrl)
			.sslBundle(RegistrationProblems.trimmed(properties.sslBundle()));
		return defaults.applyTo(builder, properties.token(), properties.retry(), properties.http()).build();
	}

	/** A Genesys registration's endpoints: both known from its region (or configured). */
	public static PlatformEndpoints endpoints(Registration registration, WebClient webClient) {
		return PlatformEndpoints.known(new GenesysGrant(registration.id()), registration.tokenUri(),
				registration.baseUrl());
	}

}
