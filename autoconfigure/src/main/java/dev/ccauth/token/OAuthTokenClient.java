package dev.ccauth.token;

import java.math.BigDecimal;
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
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.JsonNode;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.OAuthClient;
import dev.ccauth.config.Registration;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.http.RetryAfter;
import dev.ccauth.retry.RetryAfterBackoff;
import dev.ccauth.retry.RetryObserver;
import dev.ccauth.token.TokenRequestException.Reason;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Requests tokens from an OAuth token endpoint, for any grant a platform describes. The
 * form body is encoded here and the response read as bytes, so that no codec ever logs a
 * secret or a token, whatever the log level; whatever the server answers is checked
 * before it becomes a token.
 */
final class OAuthTokenClient implements TokenClient {

	private static final Logger logger = LoggerFactory.getLogger(OAuthTokenClient.class);

	private static final byte[] NO_BODY = new byte[0];

	/** RFC 6750 section 2.1: what may follow {@code Bearer} in a header. */
	private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

	/**
	 * Longest lifetime believed: Genesys Cloud's longest (48 h). A larger
	 * {@code expires_in} is read as this, so that the token is still renewed.
	 */
	static final Duration MAX_LIFETIME = Duration.ofHours(48);

	private final Registration registration;

	private final OAuthClient client;

	private final PlatformEndpoints endpoints;

	private final WebClient webClient;

	private final Timing timing;

	private final RetryAfterBackoff retries;

	/**
	 * @param registration a registration with credentials
	 * @param endpoints where its token endpoint is, and its grant
	 * @param webClient a plain WebClient for the token endpoint, without bearer filters
	 * @param timing clock, retry policy and scheduler
	 */
	OAuthTokenClient(Registration registration, PlatformEndpoints endpoints, WebClient webClient, Timing timing) {
		this.registration = registration;
		this.client = registration.client();
		this.endpoints = endpoints;
		this.webClient = webClient;
		this.timing = timing;
		this.retries = new RetryAfterBackoff(timing.retryPolicy(), registration.retry().maxRetryAfter(),
				timing.scheduler(), TokenRequestException.class, timing.retryObserver());
	}

	@Override
	public Mono<AccessToken> requestToken(Trigger trigger, AccessToken current) {
		return this.endpoints.tokenEndpoint().flatMap((uri) -> this.retries.call(() -> request(uri)));
	}

	private Mono<AccessToken> request(URI uri) {
		Instant sentAt = this.timing.clock().instant();
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
			// the response timeout bounds the silence between reads; this bounds the
			// whole exchange
			.timeout(deadline, this.timing.scheduler())
			.onErrorMap(TimeoutException.class, (ex) -> deadlinePassed(uri, deadline, ex))
			.onErrorMap(WebClientRequestException.class, (ex) -> networkFailure(uri, ex))
			.onErrorMap((ex) -> !(ex instanceof TokenRequestException), (ex) -> unreadable(uri, ex));
	}

	/**
	 * RFC 6749 section 2.3.1: id and secret form-encoded, then joined and Base64-encoded.
	 */
	private void authenticate(HttpHeaders headers) {
		if (this.client.authentication() == ClientAuthentication.BASIC) {
			String credentials = formEncoded(this.client.clientId()) + ":"
					+ formEncoded(this.client.clientSecret().reveal());
			headers.set(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private byte[] formBody() {
		Map<String, String> form = new LinkedHashMap<>(this.endpoints.grant().parameters());
		if (!this.registration.scopes().isEmpty()) {
			form.put("scope", String.join(" ", this.registration.scopes()));
		}
		if (this.client.authentication() == ClientAuthentication.POST) {
			form.put("client_id", this.client.clientId());
			form.put("client_secret", this.client.clientSecret().reveal());
		}
		StringJoiner body = new StringJoiner("&");
		form.forEach((name, value) -> body.add(name + "=" + formEncoded(value)));
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String formEncoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
			throw malformed(uri, status, "answered " + status + " with token_type '" + shown(tokenType)
					+ "'; ccauth sends bearer tokens only");
		}
		Duration lifetime = lifetime(node.get("expires_in"));
		Set<String> scopes = scopes(ResponseBodies.text(node, "scope"));
		Map<String, Object> claims = IdTokens.claims(ResponseBodies.text(node, "id_token"));
		AccessToken token = new AccessToken(accessToken, sentAt, sentAt.plus(lifetime), scopes,
				claims.isEmpty() ? IdTokens.claims(accessToken) : claims);
		logger.debug("{}: token obtained, valid for {}s", this.registration.id(), lifetime.toSeconds());
		return token;
	}

	/**
	 * {@code expires_in} as whole seconds (a number or a numeric string). Absent means
	 * the default lifetime; zero, negative, fractional-only or non-numeric values fall
	 * back to the default lifetime, and values beyond {@link #MAX_LIFETIME} to that
	 * maximum, each with a warning.
	 */
	private Duration lifetime(JsonNode expiresIn) {
		Duration fallback = this.registration.token().defaultLifetime();
		if (expiresIn == null || expiresIn.isNull()) {
			return fallback;
		}
		BigDecimal seconds = null;
		if (expiresIn.isNumber()) {
			seconds = expiresIn.decimalValue();
		}
		else if (expiresIn.isString()) {
			try {
				seconds = new BigDecimal(expiresIn.asString().trim());
			}
			catch (NumberFormatException ex) {
				seconds = null;
			}
		}
		String shown = shown((expiresIn.toString().length() > 40) ? expiresIn.toString().substring(0, 40) + "..."
				: expiresIn.toString());
		if (seconds == null || seconds.compareTo(BigDecimal.ONE) < 0) {
			logger.warn(
					"{}: the token endpoint sent expires_in {}, which is not a positive number of seconds; assuming {}s (token.default-lifetime)",
					this.registration.id(), shown, fallback.toSeconds());
			return fallback;
		}
		if (seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME.toSeconds())) > 0) {
			logger.warn(
					"{}: the token endpoint sent expires_in {}, longer than ccauth believes ({}s); the token is renewed as if it lived that long",
					this.registration.id(), shown, MAX_LIFETIME.toSeconds());
			return MAX_LIFETIME;
		}
		return Duration.ofSeconds(seconds.longValue());
	}

	private static Set<String> scopes(String scope) {
		return (scope == null) ? Set.of() : Set.of(scope.trim().split("\\s+"));
	}

	private TokenRequestException refusal(URI uri, ClientResponse response, int status, byte[] body) {
		JsonNode node = ResponseBodies.object(body);
		String error = shown(ResponseBodies.text(node, "error"));
		String description = shown((node != null)
				? ResponseBodies.text(node, "error_description", "description", "errorDescription", "message")
				: ResponseBodies.plainText(body));
		Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders(), this.timing.clock());
		String code = (error != null) ? error.toLowerCase(Locale.ROOT) : "";
		TokenGrant grant = this.endpoints.grant();
		Reason reason = grant.classify(status, code, description);
		reason = (reason != null) ? reason : reason(status, code);
		String hint = grant.hint(reason, status, code);
		hint = (hint != null) ? hint : hint(reason, status, code);
		return new TokenRequestException(this.registration.id(), uri.toString(), reason, status, error, description,
				retryAfter, "token request to " + uri + " failed", hint, null);
	}

	/** The OAuth rules (RFC 6749 section 5.2), where the platform has none of its own. */
	private static Reason reason(int status, String code) {
		if (status == 429) {
			return Reason.RATE_LIMITED;
		}
		if (status == 401 || code.equals("invalid_client") || code.equals("unauthorized_client")
				|| code.equals("invalid_grant")) {
			return Reason.BAD_CREDENTIALS;
		}
		return (status >= 500) ? Reason.SERVER_ERROR : Reason.REFUSED;
	}

	private String hint(Reason reason, int status, String code) {
		String prefix = this.registration.id().propertyPrefix();
		return switch (reason) {
			case RATE_LIMITED ->
				"The token endpoint is rate limiting this client; ccauth caches tokens, so look for many jobs or processes sharing one OAuth client";
			case BAD_CREDENTIALS -> "Check " + prefix + ".client-id and client-secret";
			case SERVER_ERROR -> "The platform failed to answer; this is usually transient, try again later";
			default -> switch (code) {
				case "unsupported_grant_type" -> "The token endpoint does not accept this grant: check " + prefix
						+ ".token-uri and the OAuth client's grants";
				case "invalid_scope" -> "A requested scope is not granted to this OAuth client: check " + prefix
						+ ".scopes against the client's scopes";
				default -> (status == 403)
						? "The client may not request tokens: check that it is enabled and has the needed roles"
						: "Check " + prefix + ".token-uri and the registration's settings";
			};
		};
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
						+ this.registration.id().propertyPrefix() + ".http.token-request-timeout ("
						+ deadline.toMillis() + " ms)",
				"The endpoint or the network is slow or stalled: check the platform's status, the proxy, or raise the timeout",
				ex);
	}

	/**
	 * Whatever else went wrong reading a response: never a raw exception to the caller.
	 */
	private TokenRequestException unreadable(URI uri, Throwable ex) {
		return new TokenRequestException(this.registration.id(), uri.toString(), Reason.MALFORMED_RESPONSE, 0, null,
				null, null,
				"the answer of the token endpoint " + uri + " could not be read (" + ex.getClass().getSimpleName()
						+ ")",
				"Check that token-uri points at the OAuth token endpoint (.../oauth/token), not a gateway or login page",
				null);
	}

	private TokenRequestException networkFailure(URI uri, WebClientRequestException ex) {
		return new TokenRequestException(this.registration.id(), uri.toString(), Reason.NETWORK, 0, null, null, null,
				"could not reach the token endpoint " + uri + ": " + shown(ResponseBodies.rootMessage(ex)),
				ResponseBodies.networkHint(this.registration.id().propertyPrefix() + ".token-uri"), ex);
	}

	/** Text from the server or the network, with every secret masked, then shortened. */
	private String shown(String text) {
		return ResponseBodies.abbreviated(this.registration.redact(text));
	}

	/**
	 * When and how often a token request is made.
	 *
	 * @param clock dates tokens
	 * @param retryPolicy retries rate limiting, 5xx and I/O failures of the token
	 * endpoint
	 * @param scheduler where retry delays and the deadline run
	 * @param retryObserver told of each retry
	 */
	record Timing(Clock clock, RetryPolicy retryPolicy, Scheduler scheduler, RetryObserver retryObserver) {
	}

}
