package dev.ccauth.testkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ccauth.testkit.Directory.Users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Genesys Cloud: the client-credentials token endpoint and {@code GET /api/v2/users}. */
final class GenesysApi {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UsersPage(List<Object> entities, int pageSize, int pageNumber, long total, int pageCount, String firstUri,
			String selfUri, String nextUri, String previousUri, String lastUri) {
	}

	private final Org org;

	private final TokenStore tokens;

	private final Limits limits;

	GenesysApi(Org org, TokenStore tokens, Limits limits) {
		this.org = org;
		this.tokens = tokens;
		this.limits = limits;
	}

	/**
	 * {@code POST /oauth/token} and {@code /api/v2/oauth/token}: Basic or form
	 * credentials.
	 */
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
			// Genesys answers a token flood with 400, not 429 (the Terraform provider
			// matches this text)
			return error.reply(400, "invalid_request",
					"rate limit exceeded; retry in " + rate.resetSeconds() + " seconds");
		}
		ClientCredentials client = org.genesysClient();
		if (!client.clientId().equals(clientId)) {
			return error.reply(400, "invalid_client", "client not found");
		}
		if (!client.clientSecret().equals(secret)) {
			return error.reply(401, "invalid_client", "authentication failed");
		}
		if (!"client_credentials".equals(grant)) {
			return error.reply(400, "unsupported_grant_type", "grant type " + grant + " is not supported");
		}
		String token = tokens.issue(Platform.GENESYS, client.clientId(), client.clientId());
		return new TokenResponse(token, "bearer", tokens.expiresInSeconds(), null, null, null).reply();
	}

	/** {@code GET /api/v2/users}: see {@link UsersQuery} for its parameters. */
	Reply users(Exchange exchange) {
		String bearer = exchange.bearer();
		if (tokens.check(bearer, Platform.GENESYS) != TokenStore.Validity.VALID) {
			return ErrorStyle.GENESYS_API.reply(401, "bad.credentials", "Invalid login credentials.");
		}
		FixedWindowLimiter.Decision rate = limits.apiRequest(bearer);
		Map<String, String> rateHeaders = rate == null || !limits.ininHeaders ? Map.of()
				: Map.of("inin-ratelimit-count", Integer.toString(rate.count()), "inin-ratelimit-allowed",
						Integer.toString(rate.limit()), "inin-ratelimit-reset", Long.toString(rate.resetSeconds()));
		if (rate != null && !rate.allowed()) {
			return ErrorStyle.genesysRateLimited(rate.resetSeconds()).withHeaders(rateHeaders);
		}
		return Reply.json(200, page(UsersQuery.of(exchange)))
			.withHeader(Reply.CORRELATION_ID, ErrorStyle.contextId())
			.withHeaders(rateHeaders);
	}

	/**
	 * One page. Past the last page the entities are empty, there is no {@code nextUri},
	 * and {@code previousUri} points at the last page that exists, so a client that steps
	 * back lands on real users.
	 */
	private UsersPage page(UsersQuery query) {
		Users users = org.users();
		UsersQuery.Selection selection = query.select(users);
		int pageSize = query.pageSize();
		int pageNumber = query.pageNumber();
		int total = selection.size();
		int pageCount = (int) (((long) total + pageSize - 1) / pageSize);
		long first = (long) (pageNumber - 1) * pageSize;
		List<Object> entities = new ArrayList<>();
		for (long k = first; k < Math.min(total, first + pageSize); k++) {
			int position = selection.position((int) k);
			Directory.GenesysUser user = Directory.user(users, position);
			entities.add(query.expand().isEmpty() ? user : UserExpansion.expand(user, position, query));
		}
		int lastPage = Math.max(1, pageCount);
		return new UsersPage(entities, pageSize, pageNumber, total, pageCount, query.uri(1), query.uri(pageNumber),
				pageNumber < pageCount ? query.uri(pageNumber + 1) : null,
				pageNumber > 1 ? query.uri(Math.min(pageNumber - 1, lastPage)) : null, query.uri(lastPage));
	}

	static int intParam(Exchange exchange, String name, int defaultValue) {
		String value = exchange.query(name);
		if (value == null || value.isEmpty()) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException notANumber) {
			throw new BadRequest(name + " must be a number, was " + value);
		}
	}

}
