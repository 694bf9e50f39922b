package dev.ccauth.token;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.Grant;
import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.retry.RetryAfterBackoff;
import dev.ccauth.token.TokenRequestException.Reason;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Requests tokens from an OAuth token endpoint: client credentials, or CXone's access-key
 * (password) grant. The form body is encoded here and the response read as bytes, so that no
 * codec ever logs a secret or a token, whatever the log level.
 */
public final class OAuthTokenClient implements TokenClient {

	private static final Logger logger = LoggerFactory.getLogger(OAuthTokenClient.class);

	private static final byte[] NO_BODY = new byte[0];

	/** RFC 6750 section 2.1: what may follow {@code Bearer} in a header. */
	private static final java.util.regex.Pattern B64TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

	/**
	 * Longest lifetime believed: Genesys Cloud's longest (48 h). A larger {@code expires_in} is read
	 * as this, so that the token is still renewed.
	 */
	static final Duration MAX_LIFETIME = Duration.ofHours(48);

	private final Registration registration;

	private final Mono<URI> tokenUri;

	private final WebClient webClient;

	private final Clock clock;

	private final RetryAfterBackoff retries;

	private final Scheduler scheduler;

	/**
	 * @param registration the registration whose credentials are used
	 * @param tokenUri the token endpoint (a cached discovery for CXone)
	 * @param webClient a plain WebClient for the token endpoint, without bearer filters
	 * @param clock the clock that dates tokens
	 * @param retryPolicy retries rate limiting, 5xx and I/O failures of the token endpoint
	 * @param scheduler where retry delays run
	 */
	public OAuthTokenClient(Registration registration, Mono<URI> tokenUri, WebClient webClient, Clock clock,
			RetryPolicy retryPolicy, Scheduler scheduler) {
		this.registration = registration;
		this.tokenUri = tokenUri;
		this.webClient = webClient;
		this.clock = clock;
		this.scheduler = scheduler;
		this.retries = new RetryAfterBackoff(retryPolicy, registration.retry().maxRetryAfter(), scheduler,
				TokenRequestException.class);
	}

	@Override
	public Mono<AccessToken> requestToken() {
		return this.tokenUri.flatMap((uri) -> this.retries.call(() -> request(uri)));
	}

	private Mono<AccessToken> request(URI uri) {
		Instant sentAt = this.clock.instant();
		Duration deadline = this.registration.http().tokenRequestTimeout();
		logger.debug("{}: requesting a token from {}", this.registration.id(), uri);
		return this.webClient.post()
			.uri(uri)
			.headers(this::authenticate)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(formBody())
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(NO_BODY)
				.map((body) -> toToken(uri, response, body, sentAt)))
			// the response timeout bounds the silence between reads; this bounds the whole exchange
			.timeout(deadline, this.scheduler)
			.onErrorMap(java.util.concurrent.TimeoutException.class, (ex) -> deadlinePassed(uri, deadline, ex))
			.onErrorMap(WebClientRequestException.class, (ex) -> networkFailure(uri, ex))
			.onErrorMap((ex) -> !(ex instanceof TokenRequestException), (ex) -> unexpected(uri, ex));
	}

	/** RFC 6749 section 2.3.1: id and secret form-encoded, then joined and Base64-encoded. */
	private void authenticate(HttpHeaders headers) {
		if (this.registration.clientAuthentication() == ClientAuthentication.BASIC) {
			String credentials = formEncoded(this.registration.clientId()) + ":"
					+ formEncoded(this.registration.clientSecret().reveal());
			headers.set(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private static String formEncoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private byte[] formBody() {
		Map<String, String> form = new LinkedHashMap<>();
		if (this.registration.grant() == Grant.ACCESS_KEY) {
			form.put("grant_type", "password");
			form.put("username", this.registration.accessKeyId());
			form.put("password", this.registration.accessKeySecret().reveal());
		}
		else {
			form.put("grant_type", "client_credentials");
		}
		if (!this.registration.scopes().isEmpty()) {
			form.put("scope", String.join(" ", this.registration.scopes()));
		}
		if (this.registration.clientAuthentication() == ClientAuthentication.POST) {
			form.put("client_id", this.registration.clientId());
			form.put("client_secret", this.registration.clientSecret().reveal());
		}
		StringJoiner body = new StringJoiner("&");
		form.forEach((name, value) -> body.add(name + "=" + formEncoded(value)));
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	private AccessToken toToken(URI uri, ClientResponse response, byte[] body, Instant sentAt) {
		int status = response.statusCode().value();
		if (!response.statusCode().is2xxSuccessful()) {
			throw refusal(uri, response, status, body);
		}
		JsonNode node = ResponseBodies.object(body);
		if (node == null) {
			throw malformed(uri, status, "answered " + status + " with a body that is not a JSON object");
		}
		String accessToken = ResponseBodies.text(node, "access_token");
		if (accessToken == null) {
			throw malformed(uri, status, "answered " + status + " without an access_token");
		}
		if (!B64TOKEN.matcher(accessToken).matches()) {
			throw malformed(uri, status, "answered " + status
					+ " with an access_token that is not an RFC 6750 token (it holds white space, line breaks, control or non-ASCII characters)");
		}
		String tokenType = ResponseBodies.text(node, "token_type");
		if (tokenType != null && !tokenType.trim().equalsIgnoreCase("bearer")) {
			throw malformed(uri, status, "answered " + status + " with token_type '" + redact(tokenType)
					+ "'; ccauth sends bearer tokens only");
		}
		Duration lifetime = lifetime(node.get("expires_in"));
		Set<String> scopes = scopes(ResponseBodies.text(node, "scope"));
		Map<String, Object> claims = IdTokens.claims(ResponseBodies.text(node, "id_token"));
		AccessToken token = new AccessToken(accessToken, sentAt, sentAt.plus(lifetime), scopes, claims);
		logger.debug("{}: token obtained, valid for {}s", this.registration.id(), lifetime.toSeconds());
		return token;
	}

	/**
	 * {@code expires_in} as whole seconds (a number or a numeric string). Absent means the default
	 * lifetime; zero, negative, fractional-only, non-numeric or absurd values fall back to the default
	 * lifetime, and values beyond {@link #MAX_LIFETIME} to that maximum, each with a warning.
	 */
	private Duration lifetime(JsonNode expiresIn) {
		Duration fallback = this.registration.token().defaultLifetime();
		if (expiresIn == null || expiresIn.isNull()) {
			return fallback;
		}
		java.math.BigDecimal seconds = null;
		if (expiresIn.isNumber()) {
			seconds = expiresIn.decimalValue();
		}
		else if (expiresIn.isString()) {
			try {
				seconds = new java.math.BigDecimal(expiresIn.asString().trim());
			}
			catch (NumberFormatException ex) {
				seconds = null;
			}
		}
		String shown = redact(abbreviated(expiresIn.toString()));
		if (seconds == null || seconds.compareTo(java.math.BigDecimal.ONE) < 0) {
			logger.warn("{}: the token endpoint sent expires_in {}, which is not a positive number of seconds; assuming {}s (token.default-lifetime)",
					this.registration.id(), shown, fallback.toSeconds());
			return fallback;
		}
		if (seconds.compareTo(java.math.BigDecimal.valueOf(MAX_LIFETIME.toSeconds())) > 0) {
			logger.warn("{}: the token endpoint sent expires_in {}, longer than ccauth believes ({}s); the token is renewed as if it lived that long",
					this.registration.id(), shown, MAX_LIFETIME.toSeconds());
			return MAX_LIFETIME;
		}
		return Duration.ofSeconds(seconds.longValue());
	}

	private static String abbreviated(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "..." : value;
	}

	private static Set<String> scopes(String scope) {
		return (scope == null) ? Set.of() : Set.of(scope.trim().split("\\s+"));
	}

	private TokenRequestException refusal(URI uri, ClientResponse response, int status, byte[] body) {
		JsonNode node = ResponseBodies.object(body);
		String error = redact(ResponseBodies.text(node, "error"));
		String description = (node != null)
				? ResponseBodies.text(node, "error_description", "description", "errorDescription", "message")
				: ResponseBodies.plainText(body);
		description = redact(description);
		Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders(), this.clock);
		String code = (error != null) ? error.toLowerCase(Locale.ROOT) : "";
		Reason reason;
		String hint;
		if (status == 429 || (status == 400 && description != null
				&& description.toLowerCase(Locale.ROOT).contains("rate limit"))) {
			reason = Reason.RATE_LIMITED;
			hint = "The token endpoint is rate limiting this client; ccauth caches tokens, so look for many jobs or processes sharing one OAuth client";
		}
		else if (code.equals("invalid_grant") && this.registration.grant() == Grant.ACCESS_KEY) {
			reason = Reason.BAD_CREDENTIALS;
			hint = "The access key was refused: check " + this.registration.id().propertyPrefix()
					+ ".access-key-id and access-key-secret, and that the CXone user who owns the key is active";
		}
		else if (status == 401 || code.equals("invalid_client") || code.equals("unauthorized_client")) {
			reason = Reason.BAD_CREDENTIALS;
			hint = badCredentialsHint();
		}
		else if (status >= 500) {
			reason = Reason.SERVER_ERROR;
			hint = "The platform failed to answer; this is usually transient, try again later";
		}
		else if (code.equals("unsupported_grant_type")) {
			reason = Reason.REFUSED;
			hint = (this.registration.grant() == Grant.ACCESS_KEY)
					? "This endpoint does not accept the access-key (password) grant: check token-uri or issuer"
					: "The OAuth client does not allow the Client Credentials grant: enable it on the client, or check token-uri";
		}
		else if (code.equals("invalid_scope")) {
			reason = Reason.REFUSED;
			hint = "A requested scope is not granted to this OAuth client: check " + this.registration.id().propertyPrefix()
					+ ".scopes against the client's scopes";
		}
		else {
			reason = Reason.REFUSED;
			hint = (status == 403) ? "The client may not request tokens: check that it is enabled and has the needed roles"
					: "Check token-uri and the registration's settings";
		}
		return new TokenRequestException(this.registration.id(), uri.toString(), reason, status, error, description,
				retryAfter, "token request to " + uri + " failed", hint, null);
	}

	private String badCredentialsHint() {
		String prefix = this.registration.id().propertyPrefix();
		if (this.registration.id().platform() == Platform.GENESYS) {
			return "Check " + prefix + ".client-id and client-secret, and that the OAuth client exists in this region's org, is enabled and has the Client Credentials grant (Admin > Security > OAuth)";
		}
		return "Check " + prefix + ".client-id and client-secret of the CXone application registration";
	}

	private TokenRequestException malformed(URI uri, int status, String what) {
		return new TokenRequestException(this.registration.id(), uri.toString(), Reason.MALFORMED_RESPONSE, status,
				null, null, null, "the token endpoint " + uri + " " + what,
				"Check that token-uri points at the OAuth token endpoint (.../oauth/token), not a gateway or login page",
				null);
	}

	private TokenRequestException deadlinePassed(URI uri, Duration deadline, Throwable ex) {
		return new TokenRequestException(this.registration.id(), uri.toString(), Reason.NETWORK, 0, null, null, null,
				"the token endpoint " + uri + " did not complete its answer within "
						+ this.registration.id().propertyPrefix() + ".http.token-request-timeout (" + deadline.toMillis()
						+ " ms)",
				"The endpoint or the network is slow or stalled: check the platform's status, the proxy, or raise the timeout",
				ex);
	}

	/** Whatever else went wrong reading a response: never a raw exception to the caller. */
	private TokenRequestException unexpected(URI uri, Throwable ex) {
		return new TokenRequestException(this.registration.id(), uri.toString(), Reason.MALFORMED_RESPONSE, 0, null,
				null, null, "the answer of the token endpoint " + uri + " could not be read: "
						+ redact(ex.getClass().getSimpleName()),
				"Check that token-uri points at the OAuth token endpoint (.../oauth/token), not a gateway or login page",
				null);
	}

	private TokenRequestException networkFailure(URI uri, WebClientRequestException ex) {
		Throwable cause = (ex.getRootCause() != null) ? ex.getRootCause() : ex;
		String detail = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return new TokenRequestException(this.registration.id(), uri.toString(), Reason.NETWORK, 0, null, null, null,
				"could not reach the token endpoint " + uri + ": " + redact(detail),
				"Check the network, proxy settings (https.proxyHost, HTTPS_PROXY) and token-uri", ex);
	}

	private String redact(String text) {
		String result = this.registration.redact(text);
		return (result != null && result.length() > 300) ? result.substring(0, 300) + "..." : result;
	}

}
