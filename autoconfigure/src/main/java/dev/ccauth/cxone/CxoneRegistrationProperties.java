package dev.ccauth.cxone;

import java.util.List;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.HttpSettings;
import dev.ccauth.config.RetrySettings;
import dev.ccauth.config.TokenSettings;

/**
 * A NICE CXone registration ({@code ccauth.cxone.<name>.*}).
 *
 * @param grant Access-key (real CXone tenants; the default when an access key is set) or
 * client-credentials (the tutorial's regional endpoints or a gateway; the default when a
 * region is set)
 * @param region Tutorial-style region for client-credentials: us-east-1, eu-west-1 or
 * ap-southeast-2 (https://api.&lt;region&gt;.cxp.nice.com)
 * @param clientId OAuth client id of the registered application
 * @param clientSecret OAuth client secret of the registered application
 * @param accessKeyId Access key id of the CXone user the application acts as (access-key
 * grant)
 * @param accessKeySecret Access key secret (access-key grant)
 * @param issuer CXone issuer for OpenID discovery; default
 * https://cxone.niceincontact.com, FedRAMP https://cxone-gov.niceincontact.com
 * @param tenantId Tenant id; default read from the id_token
 * @param scopes Scopes to request; client-credentials default urn:nice:cxa:read
 * urn:nice:cxa:write
 * @param tokenUri Token endpoint; default discovered from the issuer (access-key) or
 * https://api.&lt;region&gt;.cxp.nice.com/oauth/token (client-credentials)
 * @param baseUrl API base URL; default discovered from the tenant (access-key) or
 * https://api.&lt;region&gt;.cxp.nice.com (client-credentials)
 * @param clientAuthentication How the client credentials are sent: basic (Authorization
 * header) or post (form body); default basic for access-key, post for client-credentials
 * @param accessToken A token minted by an earlier step, used first; alone, no token
 * endpoint is ever called
 * @param sslBundle Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) for custom
 * trust
 * @param token Token lifetime settings of this registration (default: ccauth.token.*)
 * @param retry Retry settings of this registration (default: ccauth.retry.*)
 * @param http HTTP settings of this registration (default: ccauth.http.*)
 */
public record CxoneRegistrationProperties(CxoneGrant grant, String region, String clientId, String clientSecret,
		String accessKeyId, String accessKeySecret, String issuer, String tenantId, List<String> scopes,
		String tokenUri, String baseUrl, ClientAuthentication clientAuthentication, String accessToken,
		String sslBundle, TokenSettings token, RetrySettings retry, HttpSettings http) {

	public CxoneRegistrationProperties {
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
	}

	@Override
	public String toString() {
		return "CxoneRegistrationProperties[grant=" + this.grant + ", region=" + this.region + ", clientId="
				+ this.clientId + ", clientSecret=" + masked(this.clientSecret) + ", accessKeyId=" + this.accessKeyId
				+ ", accessKeySecret=" + masked(this.accessKeySecret) + ", issuer=" + this.issuer + ", tokenUri="
				+ this.tokenUri + ", baseUrl=" + this.baseUrl + ", accessToken=" + masked(this.accessToken) + "]";
	}

	private static String masked(String secret) {
		return (secret != null) ? "******" : null;
	}

}
