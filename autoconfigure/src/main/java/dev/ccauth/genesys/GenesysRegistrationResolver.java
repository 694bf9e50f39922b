package dev.ccauth.genesys;

import java.net.URI;
import java.util.function.UnaryOperator;

import dev.ccauth.config.CcauthProperties;
import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.Credentials;
import dev.ccauth.config.GenesysRegistrationProperties;
import dev.ccauth.config.Grant;
import dev.ccauth.config.Problems;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.Secret;

/** Turns {@code ccauth.genesys.<name>.*} into a {@link Registration}, applying the platform's defaults. */
public final class GenesysRegistrationResolver {

	private GenesysRegistrationResolver() {
	}

	public static Registration resolve(String name, GenesysRegistrationProperties properties, CcauthProperties global,
			Problems problems, UnaryOperator<String> environment) {
		RegistrationId id = RegistrationId.genesys(name);
		String prefix = id.propertyPrefix();
		String clientId = Credentials.trimmed(properties.clientId());
		String clientSecret = problems.secret(prefix + ".client-secret", properties.clientSecret());
		Secret accessToken = Secret.ofNullable(problems.secret(prefix + ".access-token", properties.accessToken()));
		Credentials.require(id, accessToken != null, problems, GenesysEnvironment.VARIABLES, environment, "client-id",
				clientId, "client-secret", clientSecret);

		String configuredTokenUri = Credentials.trimmed(properties.tokenUri());
		String configuredBaseUrl = Credentials.trimmed(properties.baseUrl());
		URI tokenUri = problems.endpoint(prefix + ".token-uri", configuredTokenUri);
		URI baseUrl = problems.endpoint(prefix + ".base-url", configuredBaseUrl);
		String configuredRegion = Credentials.trimmed(properties.region());
		String region = (configuredRegion != null) ? configuredRegion : GenesysRegions.DEFAULT_REGION;
		String domain = GenesysRegions.domainOf(region);
		boolean regionNeeded = configuredTokenUri == null || configuredBaseUrl == null;
		if (domain == null && regionNeeded) {
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
		return new Registration(id, region, Grant.CLIENT_CREDENTIALS, tokenUri, baseUrl, null, authentication, clientId,
				Secret.ofNullable(clientSecret), null, null, null, properties.scopes(), accessToken,
				Credentials.trimmed(properties.sslBundle()), global.token().overriddenBy(properties.token()),
				global.retry().overriddenBy(properties.retry()), global.http().overriddenBy(properties.http()));
	}

}
