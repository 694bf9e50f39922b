package dev.ccauth.cxone;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.ccauth.config.Endpoints;
import dev.ccauth.config.Registration;
import dev.ccauth.http.ResponseBodies;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.PlatformEndpoints;
import dev.ccauth.token.TokenGrant;
import dev.ccauth.token.TokenSource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A CXone tenant's endpoints, found the way the platform publishes them: the token
 * endpoint from {@code <issuer>/.well-known/openid-configuration}, the API host from
 * {@code <issuer>/.well-known/cxone-configuration?tenantId=} with the tenant id of the
 * id_token. Each is looked up once, on first use, by however many calls need it at once,
 * and kept for the registration's life (a failure is not kept); configured
 * {@code token-uri}, {@code tenant-id} and {@code base-url} skip the matching step.
 * Discovered endpoints obey the rules of configured ones and must lie under the issuer's
 * registrable domain.
 */
final class CxoneDiscovery implements PlatformEndpoints {

	private static final Logger logger = LoggerFactory.getLogger(CxoneDiscovery.class);

	private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

	private final Registration registration;

	private final CxoneDetails.AccessKey accessKey;

	private final WebClient webClient;

	private final Mono<URI> tokenEndpoint;

	private final Object lock = new Object();

	private Mono<URI> apiBaseUrl;

	/**
	 * @param registration an access-key registration
	 * @param webClient a plain WebClient (no bearer filter) for the issuer's public
	 * documents
	 */
	CxoneDiscovery(Registration registration, WebClient webClient) {
		this.registration = registration;
		this.accessKey = (CxoneDetails.AccessKey) registration.details();
		this.webClient = webClient;
		this.tokenEndpoint = once((registration.tokenUri() != null) ? Mono.just(registration.tokenUri())
				: Mono.defer(this::discoverTokenEndpoint));
	}

	/** Kept once obtained; shared while in flight; a failure or nothing is not kept. */
	private static Mono<URI> once(Mono<URI> source) {
		return source.cache((value) -> FOREVER, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public TokenGrant grant() {
		return CxoneTokenGrant.accessKey(this.registration.id(), this.accessKey);
	}

	@Override
	public Mono<URI> tokenEndpoint() {
		return this.tokenEndpoint;
	}

	@Override
	public Mono<URI> apiBaseUrl(TokenSource tokens) {
		synchronized (this.lock) {
			if (this.apiBaseUrl == null) {
				this.apiBaseUrl = once((this.registration.baseUrl() != null) ? Mono.just(this.registration.baseUrl())
						: Mono.defer(() -> tenantId(tokens.token()).flatMap(this::discoverApiEndpoint)));
			}
			return this.apiBaseUrl;
		}
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
		if (this.accessKey.tenantId() != null) {
			return Mono.just(this.accessKey.tenantId());
		}
		return tokens.map((token) -> {
			Object tenantId = token.claims().get("tenantId");
			if (tenantId == null || tenantId.toString().isBlank()) {
				throw new CxoneDiscoveryException(this.registration.id(), null, 0,
						"the token response has no tenantId (neither in an id_token nor in the access token), so the tenant's API host cannot be discovered",
						"Set " + this.registration.id().propertyPrefix()
								+ ".tenant-id, or base-url to the tenant's API host (for example https://api-na1.niceincontact.com)",
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
							ResponseBodies.networkHint(this.registration.id().propertyPrefix() + ".issuer"), ex))
			.onErrorMap((ex) -> !(ex instanceof CxoneDiscoveryException), (ex) -> failure(uri, 0,
					"the " + what + " at " + uri + " could not be read (" + ex.getClass().getSimpleName() + ")"));
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
			problem = "is not under the issuer's domain ("
					+ Endpoints.registrableDomain(this.accessKey.issuer().getHost())
					+ "), so it would receive the credentials of another party";
		}
		if (problem != null) {
			throw new CxoneDiscoveryException(this.registration.id(), source.toString(), 200,
					"the " + field + " '" + Endpoints.shown(value.trim()) + "' discovered at " + source + " " + problem,
					"If this endpoint is right, set it explicitly (" + this.registration.id().propertyPrefix()
							+ (field.equals("token_endpoint") ? ".token-uri" : ".base-url") + "); otherwise check "
							+ this.registration.id().propertyPrefix() + ".issuer",
					null);
		}
		return uri;
	}

	/** Whether the discovered host is the issuer's registrable domain or below it. */
	private boolean underIssuerDomain(URI uri) {
		String issuerHost = this.accessKey.issuer().getHost().toLowerCase(java.util.Locale.ROOT);
		String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
		String domain = Endpoints.registrableDomain(issuerHost);
		return host.equals(domain) || host.endsWith("." + domain);
	}

	private CxoneDiscoveryException failure(URI uri, int status, String summary) {
		return new CxoneDiscoveryException(this.registration.id(), uri.toString(), status, summary, "Check "
				+ this.registration.id().propertyPrefix()
				+ ".issuer (https://cxone.niceincontact.com, or https://cxone-gov.niceincontact.com for FedRAMP), or set token-uri and base-url",
				null);
	}

	private String issuer() {
		return this.accessKey.issuerBase();
	}

}
