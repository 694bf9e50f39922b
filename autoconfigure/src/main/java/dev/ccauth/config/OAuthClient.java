package dev.ccauth.config;

import java.util.Objects;

/**
 * The OAuth client a registration obtains its tokens as.
 *
 * @param clientId the client id
 * @param clientSecret the client secret
 * @param authentication how the id and secret reach the token endpoint
 */
public record OAuthClient(String clientId, Secret clientSecret, ClientAuthentication authentication) {

	public OAuthClient {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(clientSecret, "clientSecret");
		Objects.requireNonNull(authentication, "authentication");
	}

	@Override
	public String toString() {
		return "OAuthClient[clientId=" + this.clientId + ", clientSecret=******, authentication=" + this.authentication
				+ "]";
	}

}
