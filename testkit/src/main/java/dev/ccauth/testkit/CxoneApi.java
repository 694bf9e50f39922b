package dev.ccauth.testkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * NICE CXone: OpenID discovery, the access-key (password grant) token endpoint, tenant
 * discovery, the agents API, and the tutorial's client-credentials {@code /oauth/token}.
 */
final class CxoneApi {

	/**
	 * The grant types of NICE's published OpenID configuration. Only {@code password} and
	 * {@code refresh_token} are served here; there is no {@code client_credentials}.
	 */
	static final List<String> GRANT_TYPES = List.of("authorization_code", "password", "refresh_token",
			"token-exchange");
	static final Set<String> TUTORIAL_SCOPES = Set.of("urn:nice:cxa:read", "urn:nice:cxa:write");
	static final String TUTORIAL_DEFAULT_SCOPE = "urn:nice:cxa:read urn:nice:cxa:write";

	record AgentsPage(long businessUnitId, String lastPollTime, int totalRecords, int hiddenAgents,
			@JsonProperty("_links") Links links, List<Object> agents) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Links(String self, String next, String previous) {
	}

	private final Org org;

	private final TokenStore tokens;

	private final Limits limits;

	private final Jwt jwt = new Jwt();

	CxoneApi(Org org, TokenStore tokens, Limits limits) {
		this.org = org;
		this.tokens = tokens;
		this.limits = limits;
	}

	/** {@code GET /.well-known/openid-configuration}. */
	Reply discovery(Exchange exchange) {
		String base = exchange.base();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", base);
		document.put("authorization_endpoint", base + "/auth/authorize");
		document.put("token_endpoint", base + "/auth/token");
		document.put("jwks_uri", base + "/auth/jwks");
		document.put("response_types_supported", List.of("code"));
		document.put("grant_types_supported", GRANT_TYPES);
		document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("scopes_supported", List.of("openid", "offline_access"));
		document.put("claims_supported", List.of("iss", "sub", "aud", "iat", "exp", "tenantId", "icBUId", "name"));
		return Reply.json(200, document);
	}

	/** {@code GET /auth/jwks}: the public key of the {@code id_token} signature. */
	Reply jwks() {
		return Reply.json(200, SigningKey.shared().jwks());
	}

	/**
	 * {@code POST /auth/token}: Basic client authentication only, as the discovery
	 * document says.
	 */
	Reply token(Exchange exchange) {
		ErrorStyle error = ErrorStyle.CXONE_OAUTH;
		Exchange.Basic basic = exchange.basic();
		if (basic == null) {
			exchange.form(); // a malformed body is still invalid_request first
			return error.reply(401, "invalid_client", "client authentication must use HTTP Basic (client_secret_basic)")
				.withHeader(Reply.WWW_AUTHENTICATE, "Basic realm=\"cxone\"");
		}
		String grant = exchange.formValue("grant_type");
		if (grant == null) {
			return error.reply(400, "invalid_request", "grant_type is required");
		}
		Reply limited = rateLimited(basic.clientId());
		if (limited != null) {
			return limited;
		}
		ClientCredentials client = org.cxoneClient();
		if (!client.clientId().equals(basic.clientId()) || !client.clientSecret().equals(basic.clientSecret())) {
			return error.reply(401, "invalid_client", "invalid client credentials");
		}
		// CXone has no client-credentials grant: a back-end app authenticates with an
		// access key (password)
		return switch (grant) {
			case "password" -> passwordGrant(exchange);
			case "refresh_token" -> refreshGrant(exchange);
			default -> error.reply(400, "unsupported_grant_type", "grant type " + grant + " is not supported");
		};
	}

	private Reply passwordGrant(Exchange exchange) {
		String username = exchange.formValue("username");
		String password = exchange.formValue("password");
		if (username == null || password == null) {
			return ErrorStyle.CXONE_OAUTH.reply(400, "invalid_request",
					"username and password (the access key id and secret) are required");
		}
		AccessKey key = org.accessKey();
		// the password is compared as decoded from the form: a secret sent without
		// form-encoding fails
		if (!key.id().equals(username) || !key.secret().equals(password)) {
			return ErrorStyle.CXONE_OAUTH.reply(400, "invalid_grant", "invalid access key id or secret");
		}
		return issue(exchange, org.accessKeyOwnerId(), refreshToken(org.accessKeyOwnerId()));
	}

	private Reply refreshGrant(Exchange exchange) {
		JsonNode claims = jwt.verify(exchange.formValue("refresh_token"));
		if (claims == null || !"refresh".equals(claims.path("typ").asString(""))) {
			return ErrorStyle.CXONE_OAUTH.reply(400, "invalid_grant", "invalid refresh token");
		}
		String subject = claims.path("sub").asString("");
		return issue(exchange, subject, refreshToken(subject));
	}

	private String refreshToken(String subject) {
		return jwt.sign(Map.of("sub", subject, "typ", "refresh", "jti", UUID.randomUUID().toString()));
	}

	private Reply issue(Exchange exchange, String subject, String refreshToken) {
		String clientId = org.cxoneClient().clientId();
		String token = tokens.issue(Platform.CXONE, clientId, subject);
		long expiresIn = tokens.expiresInSeconds();
		long now = System.currentTimeMillis() / 1000;
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", exchange.base());
		claims.put("sub", subject);
		claims.put("aud", clientId);
		claims.put("iat", now);
		claims.put("exp", now + expiresIn);
		claims.put("tenantId", org.tenantId());
		claims.put("icBUId", org.businessUnitId());
		claims.put("name", "ccauth sandbox integration user");
		return new TokenResponse(token, "Bearer", expiresIn, refreshToken, SigningKey.shared().sign(claims), null)
			.reply();
	}

	/**
	 * The tutorial's {@code POST /oauth/token} for the CXone client: client credentials,
	 * form or Basic.
	 */
	Reply tutorialToken(Exchange exchange) {
		ErrorStyle error = ErrorStyle.CXONE_OAUTH;
		String grant = exchange.formValue("grant_type");
		if (grant == null) {
			return error.reply(400, "invalid_request", "grant_type is required");
		}
		Exchange.Basic basic = exchange.basic();
		String clientId = basic != null ? basic.clientId() : exchange.formValue("client_id");
		String secret = basic != null ? basic.clientSecret() : exchange.formValue("client_secret");
		if (clientId == null || secret == null) {
			return error.reply(400, "invalid_request", "client credentials are required");
		}
		Reply limited = rateLimited(clientId);
		if (limited != null) {
			return limited;
		}
		ClientCredentials client = org.cxoneClient();
		if (!client.clientId().equals(clientId) || !client.clientSecret().equals(secret)) {
			return error.reply(401, "invalid_client", "invalid client credentials");
		}
		if (!"client_credentials".equals(grant)) {
			return error.reply(400, "unsupported_grant_type", "grant type " + grant + " is not supported");
		}
		String scope = exchange.formValue("scope");
		if (scope == null) {
			scope = TUTORIAL_DEFAULT_SCOPE;
		}
		else {
			for (String requested : scope.trim().split("\\s+")) {
				if (!TUTORIAL_SCOPES.contains(requested)) {
					return error.reply(400, "invalid_scope", "unknown scope " + requested);
				}
			}
		}
		String token = tokens.issue(Platform.CXONE, client.clientId(), client.clientId());
		return new TokenResponse(token, "Bearer", tokens.expiresInSeconds(), null, null, scope.trim()).reply();
	}

	private Reply rateLimited(String clientId) {
		FixedWindowLimiter.Decision rate = limits.tokenRequest(clientId);
		if (rate == null || rate.allowed()) {
			return null;
		}
		return ErrorStyle.CXONE_OAUTH.reply(429, "too_many_requests", "rate limit exceeded")
			.withHeader(Reply.RETRY_AFTER, Long.toString(rate.resetSeconds()));
	}

	/** {@code GET /.well-known/cxone-configuration?tenantId=}. */
	Reply tenantConfiguration(Exchange exchange) {
		String tenantId = exchange.query("tenantId");
		if (tenantId == null || tenantId.isBlank()) {
			return ErrorStyle.CXONE_API.reply(400, "invalid_request", "tenantId is required");
		}
		if (!org.tenantId().equalsIgnoreCase(tenantId.trim())) {
			return ErrorStyle.CXONE_API.reply(404, "not_found", "tenant " + tenantId + " was not found");
		}
		String base = exchange.base();
		String host = URI.create(base).getHost();
		// the fields NICE's spec marks required, then the usual optional ones; every host
		// is the sandbox
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("private", false);
		configuration.put("ui_endpoint", base);
		configuration.put("auth_endpoint", base);
		configuration.put("api_endpoint", base);
		configuration.put("domain", host);
		configuration.put("uhDomain", host);
		configuration.put("area", "sandbox");
		configuration.put("cluster", "SBX1");
		configuration.put("acdDomain", host);
		configuration.put("tenantId", org.tenantId());
		return Reply.json(200, configuration);
	}

	/**
	 * {@code GET /incontactapi/services/v34.0/agents}: {@code skip}, {@code top},
	 * {@code isActive}, {@code searchString}, {@code updateSince}, {@code orderBy},
	 * {@code fields} (see {@link AgentsQuery}); 204 without a body when the page is
	 * empty.
	 */
	Reply agents(Exchange exchange) {
		String bearer = exchange.bearer();
		if (tokens.check(bearer, Platform.CXONE) != TokenStore.Validity.VALID) {
			return ErrorStyle.CXONE_API.reply(401, "invalid_token", "The access token is invalid or has expired.")
				.withHeader(Reply.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		}
		FixedWindowLimiter.Decision rate = limits.apiRequest(bearer);
		if (rate != null && !rate.allowed()) {
			return ErrorStyle.CXONE_API.reply(429, "too_many_requests", "rate limit exceeded")
				.withHeader(Reply.RETRY_AFTER, Long.toString(rate.resetSeconds()));
		}
		String pollTime = Json.timestamp(Instant.now());
		AgentsQuery query = AgentsQuery.of(exchange);
		AgentsQuery.Page page = query.select(org.agents());
		if (page.agents().isEmpty()) {
			return Reply.empty(204);
		}
		List<Object> agents = new ArrayList<>(page.agents().size());
		page.agents().forEach(agent -> agents.add(query.render(agent)));
		int skip = query.skip();
		int top = query.top();
		String self = exchange.base() + exchange.path();
		Links links = new Links(query.link(self, skip),
				skip + top < page.matching() ? query.link(self, skip + top) : null,
				skip > 0 ? query.link(self, Math.max(0, skip - top)) : null);
		// every agent is visible to the sandbox's access key: none is hidden by a
		// security profile
		return Reply.json(200, new AgentsPage(org.businessUnitId(), pollTime, page.matching(), 0, links, agents));
	}

}
