package dev.ccauth.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated registration with every default applied: what a token source and its
 * clients are built from. The platform's own settings are in {@link #details()}. Secrets
 * are {@link Secret}s, so {@link #toString()} is safe to log. Built with
 * {@link #builder(RegistrationId, PlatformDetails)}.
 *
 * @param id platform and name
 * @param details the platform's part (region, issuer, access key)
 * @param client the OAuth client, or {@code null} when only a handed-over token is
 * configured
 * @param scopes scopes to request, possibly empty
 * @param accessToken a token handed over by an earlier step, or {@code null}
 * @param tokenUri the token endpoint, or {@code null} when the platform discovers it
 * @param baseUrl the API base URL, or {@code null} when the platform discovers it
 * @param sslBundle name of the SSL bundle for custom trust, or {@code null}
 * @param token effective token settings
 * @param retry effective retry settings
 * @param http effective HTTP settings
 */
public record Registration(RegistrationId id, PlatformDetails details, OAuthClient client, List<String> scopes,
		Secret accessToken, URI tokenUri, URI baseUrl, String sslBundle, TokenSettings token, RetrySettings retry,
		HttpSettings http) {

	public Registration {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(details, "details");
		scopes = (scopes != null) ? List.copyOf(scopes) : List.of();
		token = (token != null) ? token.orElse(TokenSettings.DEFAULTS) : TokenSettings.DEFAULTS;
		retry = (retry != null) ? retry.orElse(RetrySettings.DEFAULTS) : RetrySettings.DEFAULTS;
		http = (http != null) ? http.orElse(HttpSettings.DEFAULTS) : HttpSettings.DEFAULTS;
	}

	/**
	 * A builder for a registration of the platform; every setting not given has its
	 * default.
	 */
	public static Builder builder(RegistrationId id, PlatformDetails details) {
		return new Builder(id, details);
	}

	/**
	 * Whether this registration can obtain tokens itself (as opposed to a handed-over
	 * token only).
	 */
	public boolean hasCredentials() {
		return this.client != null;
	}

	/**
	 * Every secret value of this registration, for redaction of text received from
	 * servers.
	 */
	public List<Secret> secrets() {
		List<Secret> secrets = new ArrayList<>();
		if (this.client != null) {
			secrets.add(this.client.clientSecret());
		}
		secrets.addAll(this.details.secrets());
		if (this.accessToken != null) {
			secrets.add(this.accessToken);
		}
		return secrets;
	}

	/**
	 * The registration for people, in a stable order, never with a secret: region or
	 * issuer, grant and client id, token endpoint, API base URL (or where each is
	 * discovered from).
	 */
	public Map<String, String> describe() {
		Map<String, String> lines = new LinkedHashMap<>(this.details.location());
		lines.put("grant",
				(this.client == null) ? "handed-over access token only (no credentials)"
						: this.details.grant() + ", client id " + this.client.clientId()
								+ ((this.accessToken != null) ? ", handed-over access token used first" : ""));
		lines.put("token endpoint", (this.tokenUri != null) ? this.tokenUri.toString()
				: Objects.requireNonNullElse(this.details.discoveredFrom("token endpoint"), "-"));
		lines.put("API base URL", (this.baseUrl != null) ? this.baseUrl.toString()
				: Objects.requireNonNullElse(this.details.discoveredFrom("API base URL"), "-"));
		return lines;
	}

	/**
	 * The text with this registration's secrets masked in every form a server could echo
	 * them in (as configured, URL- or form-encoded, in Basic {@code base64(id:secret)},
	 * JSON-escaped), and any credential-bearing header or field masked whatever its
	 * value. For text that came from a server or the network, before it is shown.
	 * @param tokens access tokens also to mask (the ones sent with the request that
	 * failed)
	 */
	public String redact(String text, String... tokens) {
		if (text == null) {
			return null;
		}
		List<String> values = new ArrayList<>(List.of(tokens));
		secrets().forEach((secret) -> values.add(secret.reveal()));
		return Redactor.of((this.client != null) ? this.client.clientId() : null, values).redact(text);
	}

	/**
	 * Builds a {@link Registration}: small steps instead of a constructor of eleven
	 * arguments.
	 */
	public static final class Builder {

		private final RegistrationId id;

		private final PlatformDetails details;

		private OAuthClient client;

		private List<String> scopes = List.of();

		private Secret accessToken;

		private URI tokenUri;

		private URI baseUrl;

		private String sslBundle;

		private TokenSettings token;

		private RetrySettings retry;

		private HttpSettings http;

		private Builder(RegistrationId id, PlatformDetails details) {
			this.id = id;
			this.details = details;
		}

		/** The OAuth client, or {@code null} for a handed-over token only. */
		public Builder client(OAuthClient client) {
			this.client = client;
			return this;
		}

		public Builder scopes(List<String> scopes) {
			this.scopes = scopes;
			return this;
		}

		/** A token handed over by an earlier step, or {@code null}. */
		public Builder accessToken(Secret accessToken) {
			this.accessToken = accessToken;
			return this;
		}

		/** The token endpoint, or {@code null} when the platform discovers it. */
		public Builder tokenUri(URI tokenUri) {
			this.tokenUri = tokenUri;
			return this;
		}

		/** The API base URL, or {@code null} when the platform discovers it. */
		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		public Builder sslBundle(String sslBundle) {
			this.sslBundle = sslBundle;
			return this;
		}

		/** Settings as configured; unset values take the defaults. */
		public Builder settings(TokenSettings token, RetrySettings retry, HttpSettings http) {
			this.token = token;
			this.retry = retry;
			this.http = http;
			return this;
		}

		public Registration build() {
			return new Registration(this.id, this.details, this.client, this.scopes, this.accessToken, this.tokenUri,
					this.baseUrl, this.sslBundle, this.token, this.retry, this.http);
		}

	}

}
