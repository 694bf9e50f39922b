package dev.ccauth.cxone;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.ccauth.config.Endpoints;
import dev.ccauth.config.Registration;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.IdTokens;
import dev.ccauth.web.SharedResult;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Finds a CXone tenant's endpoints the way the platform publishes them: the token endpoint from
 * {@code <issuer>/.well-known/openid-configuration}, the API host from
 * {@code <issuer>/.well-known/cxone-configuration?tenantId=} with the tenant id of the id_token.
 * Each is looked up once, on first use, and kept for the registration's life; configured
 * {@code token-uri}, {@code tenant-id} and {@code base-url} skip the matching step.
 */
public final class CxoneDiscovery {

	private static final Logger logger = LoggerFactory.getLogger(CxoneDiscovery.class);

	private final Registration registration;

	private final WebClient webClient;

	private final SharedResult<URI> tokenEndpoint;

	/**
	 * @param registration an access-key registration
	 * @param webClient a plain WebClient (no bearer filter) for the issuer's public documents
	 */
	public CxoneDiscovery(Registration registration, WebClient webClient) {
		this.registration = registration;
		this.webClient = webClient;
		this.tokenEndpoint = new SharedResult<>(() -> (registration.tokenUri() != null)
				? Mono.just(registration.tokenUri()) : discoverTokenEndpoint());
	}

	/** The token endpoint, discovered once. */
	public Mono<URI> tokenEndpoint() {
		return this.tokenEndpoint.get();
	}

	/**
	 * The tenant's API host, discovered once from the tenant id of the registration's token.
	 * @param tokens the registration's current token, whose id_token names the tenant
	 */
	public Mono<URI> apiEndpoint(Mono<AccessToken> tokens) {
		SharedResult<URI> apiEndpoint = new SharedResult<>(() -> (this.registration.baseUrl() != null)
				? Mono.just(this.registration.baseUrl()) : tenantId(tokens).flatMap(this::discoverApiEndpoint));
		return apiEndpoint.get();
	}

	private Mono<URI> discoverTokenEndpoint() {
		URI uri = URI.create(issuer() + "/.well-known/openid-configuration");
		return fetch(uri, "OpenID configuration").map((document) -> {
			URI endpoint = uriField(document, "token_endpoint", uri);
			logger.debug("{}: token endpoint {} discovered from {}", this.registration.id(), endpoint, uri);
			return endpoint;
		});
	}

	private Mono<String> tenantId(Mono<AccessToken> tokens) {
		if (this.registration.tenantId() != null) {
			return Mono.just(this.registration.tenantId());
		}
		return tokens.map((token) -> {
			Object tenantId = token.idTokenClaims().get("tenantId");
			if (tenantId == null) {
				tenantId = IdTokens.claims(token.value()).get("tenantId");
			}
			if (tenantId == null || tenantId.toString().isBlank()) {
				throw new CxoneDiscoveryException(this.registration.id(), null, 0,
						"the token response has no tenantId (neither in an id_token nor in the access token), so the tenant's API host cannot be discovered",
						"Set " + this.registration.id().propertyPrefix() + ".tenant-id, or base-url to the tenant's API host (for example https://api-na1.niceincontact.com)",
						null);
			}
			return tenantId.toString();
		});
	}

	private Mono<URI> discoverApiEndpoint(String tenantId) {
		URI uri = UriComponentsBuilder.fromUriString(issuer() + "/.well-known/cxone-configuration")
			.queryParam("tenantId", tenantId)
			.encode()
			.build()
			.toUri();
		return fetch(uri, "tenant configuration").map((document) -> {
			URI endpoint = uriField(document, "api_endpoint", uri);
			logger.debug("{}: API host {} discovered for tenant {}", this.registration.id(), endpoint, tenantId);
			return endpoint;
		});
	}

	private Mono<JsonNode> fetch(URI uri, String what) {
		return this.webClient.get()
			.uri(uri)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).map((body) -> {
				int status = response.statusCode().value();
				if (!response.statusCode().is2xxSuccessful()) {
					throw failure(uri, status, "the " + what + " at " + uri + " answered HTTP " + status);
				}
				JsonNode document = ResponseBodies.object(body);
				if (document == null) {
					throw failure(uri, status, "the " + what + " at " + uri + " is not a JSON object");
				}
				return document;
			}))
			.timeout(this.registration.http().tokenRequestTimeout())
			.onErrorMap(java.util.concurrent.TimeoutException.class,
					(ex) -> new CxoneDiscoveryException(this.registration.id(), uri.toString(), 0,
							"the " + what + " at " + uri + " did not complete its answer within "
									+ this.registration.id().propertyPrefix() + ".http.token-request-timeout ("
									+ this.registration.http().tokenRequestTimeout().toMillis() + " ms)",
							"Check the network and proxy settings, or raise the timeout", ex))
			.onErrorMap(WebClientRequestException.class,
					(ex) -> new CxoneDiscoveryException(this.registration.id(), uri.toString(), 0,
							"could not reach the " + what + " at " + uri + ": "
									+ this.registration.redact(ResponseBodies.rootMessage(ex)),
							"Check " + this.registration.id().propertyPrefix()
									+ ".issuer, the network and proxy settings (https.proxyHost, HTTPS_PROXY)",
							ex))
			.onErrorMap((ex) -> !(ex instanceof CxoneDiscoveryException),
					(ex) -> failure(uri, 0, "the " + what + " at " + uri + " could not be read ("
							+ ex.getClass().getSimpleName() + ")"));
	}

	private URI uriField(JsonNode document, String field, URI source) {
		String value = ResponseBodies.text(document, field);
		if (value == null) {
			throw failure(source, 200, "the document at " + source + " has no " + field);
		}
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (java.net.URISyntaxException ex) {
			throw failure(source, 200, "the document at " + source + " has an invalid " + field);
		}
		String problem = Endpoints.problem(uri);
		if (problem == null && !underIssuerDomain(uri)) {
			problem = "is not under the issuer's domain (" + Endpoints.registrableDomain(this.registration.issuer().getHost())
					+ "), so it would receive the credentials of another party";
		}
		if (problem != null) {
			throw new CxoneDiscoveryException(this.registration.id(), source.toString(), 200,
					"the " + field + " '" + Endpoints.shown(value.trim()) + "' discovered at " + source + " " + problem,
					"If this endpoint is right, set it explicitly ("
							+ this.registration.id().propertyPrefix() + (field.equals("token_endpoint") ? ".token-uri" : ".base-url")
							+ "); otherwise check " + this.registration.id().propertyPrefix() + ".issuer",
					null);
		}
		return uri;
	}

	/** Whether the discovered host is the issuer's registrable domain or below it. */
	private boolean underIssuerDomain(URI uri) {
		String issuerHost = this.registration.issuer().getHost().toLowerCase(java.util.Locale.ROOT);
		String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
		String domain = Endpoints.registrableDomain(issuerHost);
		return host.equals(domain) || host.endsWith("." + domain);
	}

	private CxoneDiscoveryException failure(URI uri, int status, String summary) {
		return new CxoneDiscoveryException(this.registration.id(), uri.toString(), status, summary,
				"Check " + this.registration.id().propertyPrefix()
						+ ".issuer (https://cxone.niceincontact.com, or https://cxone-gov.niceincontact.com for FedRAMP), or set token-uri and base-url",
				null);
	}

	private String issuer() {
		String issuer = this.registration.issuer().toString();
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

}
