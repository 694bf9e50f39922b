package dev.ccauth.testkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ccauth.testkit.Directory.GenesysUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Genesys Cloud: the client-credentials token endpoint and {@code GET /api/v2/users}. */
final class GenesysApi {

	static final int DEFAULT_PAGE_SIZE = 25;
	static final int MAX_PAGE_SIZE = 500;

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UsersPage(List<GenesysUser> entities, int pageSize, int pageNumber, long total, int pageCount,
					 String firstUri, String selfUri, String nextUri, String previousUri, String lastUri) {
	}

	private final Org org;
	private final TokenStore tokens;
	private final Limits limits;

	GenesysApi(Org org, TokenStore tokens, Limits limits) {
		this.org = org;
		this.tokens = tokens;
		this.limits = limits;
	}

	/** {@code POST /oauth/token} and {@code /api/v2/oauth/token}: Basic or form credentials. */
	Reply token(Exchange exchange) {
		ErrorStyle error = ErrorStyle.GENESYS_OAUTH;
		String grant = exchange.formValue("grant_type");
		if (grant == null) {
			return error.reply(400, "invalid_request", "missing grant_type");
		}
		Exchange.Basic basic = exchange.basic();
		String clientId = basic != null ? basic.clientId() : exchange.formValue("client_id");
		String secret = basic != null ? basic.clientSecret() : exchange.formValue("client_secret");
		if (clientId == null || clientId.isEmpty() || secret == null) {
			return error.reply(400, "invalid_request", "missing client credentials");
		}
		FixedWindowLimiter.Decision rate = limits.tokenRequest(clientId);
		if (rate != null && !rate.allowed()) {
			// Genesys answers a token flood with 400, not 429 (the Terraform provider matches this text)
			return error.reply(400, "invalid_request",
					"rate limit exceeded; retry in " + rate.resetSeconds() + " seconds");
		}
		ClientCredentials client = org.genesysClient();
		if (!Exchange.matches(client.clientId(), clientId)) {
			return error.reply(400, "invalid_client", "client not found");
		}
		if (!Exchange.matches(client.clientSecret(), secret)) {
			return error.reply(401, "invalid_client", "authentication failed");
		}
		if (!"client_credentials".equals(grant)) {
			return error.reply(400, "unsupported_grant_type", "grant type " + grant + " is not supported");
		}
		String token = tokens.issue(Platform.GENESYS, client.clientId(), client.clientId());
		return new TokenResponse(token, "bearer", tokens.expiresInSeconds(), null, null, null).reply();
	}

	/** {@code GET /api/v2/users?pageSize=&pageNumber=}. */
	Reply users(Exchange exchange) {
		String bearer = exchange.bearer();
		if (tokens.check(bearer, Platform.GENESYS) != TokenStore.Validity.VALID) {
			return ErrorStyle.GENESYS_API.reply(401, "bad.credentials", "Invalid login credentials.");
		}
		FixedWindowLimiter.Decision rate = limits.apiRequest(bearer);
		Map<String, String> rateHeaders = rate == null ? Map.of() : Map.of(
				"inin-ratelimit-count", Integer.toString(rate.count()),
				"inin-ratelimit-allowed", Integer.toString(rate.limit()),
				"inin-ratelimit-reset", Long.toString(rate.resetSeconds()));
		if (rate != null && !rate.allowed()) {
			return ErrorStyle.GENESYS_API.reply(429, "too.many.requests",
							"Rate limit exceeded the maximum. Retry the request in [" + rate.resetSeconds()
									+ "] seconds")
					.withHeader("retry-after", Long.toString(rate.resetSeconds()))
					.withHeaders(rateHeaders);
		}
		int pageSize = intParam(exchange, "pageSize", DEFAULT_PAGE_SIZE);
		int pageNumber = intParam(exchange, "pageNumber", 1);
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			return ErrorStyle.GENESYS_API.reply(400, "bad.request",
					"pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
		}
		if (pageNumber < 1) {
			return ErrorStyle.GENESYS_API.reply(400, "bad.request", "pageNumber must be at least 1, was " + pageNumber);
		}
		return Reply.json(200, page(pageSize, pageNumber))
				.withHeader("inin-correlation-id", ErrorStyle.contextId())
				.withHeaders(rateHeaders);
	}

	private UsersPage page(int pageSize, int pageNumber) {
		int total = org.users();
		int pageCount = (total + pageSize - 1) / pageSize;
		long first = (long) (pageNumber - 1) * pageSize;
		List<GenesysUser> entities = new ArrayList<>();
		for (long i = first; i < Math.min(total, first + pageSize); i++) {
			entities.add(Directory.user((int) i));
		}
		return new UsersPage(entities, pageSize, pageNumber, total, pageCount,
				uri(pageSize, 1), uri(pageSize, pageNumber),
				pageNumber < pageCount ? uri(pageSize, pageNumber + 1) : null,
				pageNumber > 1 ? uri(pageSize, pageNumber - 1) : null,
				uri(pageSize, Math.max(1, pageCount)));
	}

	/** Genesys paging links are paths relative to the API host. */
	private static String uri(int pageSize, int pageNumber) {
		return "/api/v2/users?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
	}

	static int intParam(Exchange exchange, String name, int defaultValue) {
		String value = exchange.query(name);
		if (value == null || value.isEmpty()) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.trim());
		} catch (NumberFormatException notANumber) {
			throw new BadRequest(name + " must be a number, was " + value);
		}
	}
}
