package dev.ccauth.genesys;

import java.util.List;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.HttpSettings;
import dev.ccauth.config.RetrySettings;
import dev.ccauth.config.TokenSettings;

/**
 * A Genesys Cloud registration ({@code ccauth.genesys.<name>.*}).
 *
 * @param region AWS region name (eu-west-1) or Genesys domain (mypurecloud.ie) of the
 * org; default us-east-1
 * @param clientId OAuth client id of a Client Credentials client
 * @param clientSecret OAuth client secret
 * @param scopes Scopes to request; empty for the client's default scopes
 * @param tokenUri Token endpoint; default https://login.&lt;domain&gt;/oauth/token
 * @param baseUrl API base URL; default https://api.&lt;domain&gt;
 * @param clientAuthentication How the client credentials are sent: basic (Authorization
 * header, default) or post (form body)
 * @param accessToken A token minted by an earlier step, used first; alone, no token
 * endpoint is ever called
 * @param sslBundle Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) for custom
 * trust
 * @param token Token lifetime settings of this registration (default: ccauth.token.*)
 * @param retry Retry settings of this registration (default: ccauth.retry.*)
 * @param http HTTP settings of this registration (default: ccauth.http.*)
 */
public record GenesysRegistrationProperties(String region, String clientId, String clientSecret, List<String> scopes,
		String tokenUri, String baseUrl, ClientAuthentication clientAuthentication, String accessToken,
		String sslBundle, TokenSettings token, RetrySettings retry, HttpSettings http) {

	public GenesysRegistrationProperties {
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
	}

	@Override
	public String toString() {
		return "GenesysRegistrationProperties[region=" + this.region + ", clientId=" + this.clientId + ", clientSecret="
				+ masked(this.clientSecret) + ", scopes=" + this.scopes + ", tokenUri=" + this.tokenUri + ", baseUrl="
				+ this.baseUrl + ", accessToken=" + masked(this.accessToken) + "]";
	}

	private static String masked(String secret) {
		return (secret != null) ? "******" : null;
	}

}
