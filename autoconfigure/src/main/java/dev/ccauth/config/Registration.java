package dev.ccauth.config;

import java.net.URI;
import java.util.List;

/**
 * A validated registration with every default applied: what a token engine and a WebClient are
 * built from. Secrets are {@link Secret}s, so {@link #toString()} is safe to log.
 *
 * @param id platform and name
 * @param region the region as configured or defaulted (for display), or {@code null}
 * @param grant how tokens are obtained
 * @param tokenUri the token endpoint, or {@code null} when it is discovered from the issuer
 * @param baseUrl the API base URL, or {@code null} when it is discovered from the tenant
 * @param issuer the CXone issuer used for discovery, or {@code null}
 * @param clientAuthentication how client credentials reach the token endpoint
 * @param clientId the OAuth client id, or {@code null} when only an access token is configured
 * @param clientSecret the OAuth client secret, or {@code null}
 * @param accessKeyId the CXone access key id, or {@code null}
 * @param accessKeySecret the CXone access key secret, or {@code null}
 * @param tenantId the CXone tenant id when configured, or {@code null}
 * @param scopes scopes to request, possibly empty
 * @param accessToken a token handed over by an earlier step, or {@code null}
 * @param sslBundle name of the SSL bundle for custom trust, or {@code null}
 * @param token effective token settings
 * @param retry effective retry settings
 * @param http effective HTTP settings
 */
public record Registration(RegistrationId id, String region, Grant grant, URI tokenUri, URI baseUrl, URI issuer,
		ClientAuthentication clientAuthentication, String clientId, Secret clientSecret, String accessKeyId,
		Secret accessKeySecret, String tenantId, List<String> scopes, Secret accessToken, String sslBundle,
		TokenSettings token, RetrySettings retry, HttpSettings http) {

	/** Whether this registration can obtain tokens itself (as opposed to a handed-over token only). */
	public boolean hasCredentials() {
		return this.clientId != null && this.clientSecret != null;
	}

	/** Every secret value of this registration, for redaction of text received from servers. */
	public List<Secret> secrets() {
		return java.util.stream.Stream.of(this.clientSecret, this.accessKeySecret, this.accessToken)
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	/**
	 * The text with this registration's secrets masked in every form a server could echo them in
	 * (as configured, URL- or form-encoded, in Basic {@code base64(id:secret)}, JSON-escaped), and
	 * any credential-bearing header or field masked whatever its value. For text that came from a
	 * server or the network, before it is shown.
	 * @param tokens access tokens also to mask (the ones sent with the request that failed)
	 */
	public String redact(String text, String... tokens) {
		if (text == null) {
			return null;
		}
		List<String> values = new java.util.ArrayList<>(java.util.Arrays.asList(tokens));
		secrets().forEach((secret) -> values.add(secret.reveal()));
		return Redactor.of(this.clientId, values).redact(text);
	}

}
