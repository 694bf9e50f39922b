package dev.ccauth.cxone;

import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.ccauth.config.CcauthProperties;
import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.Credentials;
import dev.ccauth.config.CxoneRegistrationProperties;
import dev.ccauth.config.Grant;
import dev.ccauth.config.Problems;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.Secret;

/** Turns {@code ccauth.cxone.<name>.*} into a {@link Registration}, applying the platform's defaults. */
public final class CxoneRegistrationResolver {

	private CxoneRegistrationResolver() {
	}

	public static Registration resolve(String name, CxoneRegistrationProperties properties, CcauthProperties global,
			Problems problems, UnaryOperator<String> environment) {
		RegistrationId id = RegistrationId.cxone(name);
		String prefix = id.propertyPrefix();
		String clientId = Credentials.trimmed(properties.clientId());
		String clientSecret = problems.secret(prefix + ".client-secret", properties.clientSecret());
		String accessKeyId = Credentials.trimmed(properties.accessKeyId());
		String accessKeySecret = problems.secret(prefix + ".access-key-secret", properties.accessKeySecret());
		Secret accessToken = Secret.ofNullable(problems.secret(prefix + ".access-token", properties.accessToken()));
		Grant grant = grant(properties, accessKeyId, accessKeySecret);
		boolean accessTokenOnly = accessToken != null;

		String configuredTokenUri = Credentials.trimmed(properties.tokenUri());
		String configuredBaseUrl = Credentials.trimmed(properties.baseUrl());
		String configuredIssuer = Credentials.trimmed(properties.issuer());
		URI tokenUri = problems.endpoint(prefix + ".token-uri", configuredTokenUri);
		URI baseUrl = problems.endpoint(prefix + ".base-url", configuredBaseUrl);
		URI issuer = null;
		String region = Credentials.trimmed(properties.region());
		List<String> scopes = properties.scopes();
		ClientAuthentication authentication = properties.clientAuthentication();
		if (grant == Grant.ACCESS_KEY) {
			Credentials.require(id, accessTokenOnly, problems, CxoneEnvironment.VARIABLES, environment, "client-id",
					clientId, "client-secret", clientSecret, "access-key-id", accessKeyId, "access-key-secret",
					accessKeySecret);
			issuer = problems.endpoint(prefix + ".issuer",
					(configuredIssuer != null) ? configuredIssuer : CxoneRegions.COMMERCIAL_ISSUER);
			authentication = (authentication != null) ? authentication : ClientAuthentication.BASIC;
		}
		else {
			Credentials.require(id, accessTokenOnly, problems, CxoneEnvironment.VARIABLES, environment, "client-id",
					clientId, "client-secret", clientSecret);
			region = (region != null) ? region : CxoneRegions.DEFAULT_REGION;
			String apiUrl = CxoneRegions.tutorialApiUrl(region);
			if (apiUrl == null && (configuredTokenUri == null || configuredBaseUrl == null)) {
				problems.add(prefix + ".region", "'" + region + "' is not a CXone client-credentials region.",
						"Use one of " + String.join(", ", CxoneRegions.TUTORIAL_REGIONS)
								+ ", or set token-uri and base-url for another gateway. Real CXone tenants use grant: access-key.");
			}
			if (apiUrl != null) {
				tokenUri = (configuredTokenUri == null) ? URI.create(apiUrl + "/oauth/token") : tokenUri;
				baseUrl = (configuredBaseUrl == null) ? URI.create(apiUrl) : baseUrl;
			}
			scopes = scopes.isEmpty() ? CxoneRegions.TUTORIAL_SCOPES : scopes;
			authentication = (authentication != null) ? authentication : ClientAuthentication.POST;
		}
		problems.settings(prefix, properties.token(), properties.retry(), properties.http());
		return new Registration(id, region, grant, tokenUri, baseUrl, issuer, authentication, clientId,
				Secret.ofNullable(clientSecret), accessKeyId, Secret.ofNullable(accessKeySecret),
				Credentials.trimmed(properties.tenantId()), scopes, accessToken,
				Credentials.trimmed(properties.sslBundle()), global.token().overriddenBy(properties.token()),
				global.retry().overriddenBy(properties.retry()), global.http().overriddenBy(properties.http()));
	}

	/** Explicit grant; else access-key when an access key is set, client-credentials when a region is, else access-key. */
	private static Grant grant(CxoneRegistrationProperties properties, String accessKeyId, String accessKeySecret) {
		if (properties.grant() != null) {
			return properties.grant();
		}
		if (accessKeyId != null || accessKeySecret != null) {
			return Grant.ACCESS_KEY;
		}
		return (Credentials.trimmed(properties.region()) != null) ? Grant.CLIENT_CREDENTIALS : Grant.ACCESS_KEY;
	}

}
