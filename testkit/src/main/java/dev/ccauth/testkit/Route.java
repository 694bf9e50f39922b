package dev.ccauth.testkit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which handler a path belongs to, the one method it accepts, and the endpoint it counts
 * as.
 */
enum Route {

	SHARED_TOKEN("POST"), GENESYS_TUTORIAL_TOKEN("POST"), CXONE_TOKEN("POST"), GENESYS_USERS("GET"),
	CXONE_DISCOVERY("GET"), CXONE_TENANT_CONFIGURATION("GET"), CXONE_AGENTS("GET"), CXONE_JWKS("GET"), UNKNOWN(null);

	/**
	 * CXone paths are case-insensitive ({@code /inContactAPI/...}) and several API
	 * versions are live.
	 */
	private static final Pattern AGENTS = Pattern.compile("/incontactapi/services/v\\d+\\.0/agents",
			Pattern.CASE_INSENSITIVE);

	private final String method;

	Route(String method) {
		this.method = method;
	}

	String method() {
		return method;
	}

	static Route of(String path) {
		return switch (path) {
			case "/oauth/token" -> SHARED_TOKEN;
			case "/api/v2/oauth/token" -> GENESYS_TUTORIAL_TOKEN;
			case "/auth/token" -> CXONE_TOKEN;
			case "/api/v2/users" -> GENESYS_USERS;
			case "/.well-known/openid-configuration" -> CXONE_DISCOVERY;
			case "/.well-known/cxone-configuration" -> CXONE_TENANT_CONFIGURATION;
			case "/auth/jwks" -> CXONE_JWKS;
			default -> AGENTS.matcher(path).matches() ? CXONE_AGENTS : UNKNOWN;
		};
	}

	/**
	 * The endpoint of a request: on the shared {@code /oauth/token}, the platform of the
	 * client id it uses.
	 */
	Endpoint endpoint(Exchange exchange, Org org) {
		return switch (this) {
			case SHARED_TOKEN -> org.cxoneClient().clientId().equals(exchange.claimedClientId()) ? Endpoint.CXONE_TOKEN
					: Endpoint.GENESYS_TOKEN;
			case GENESYS_TUTORIAL_TOKEN -> Endpoint.GENESYS_TOKEN;
			case CXONE_TOKEN -> Endpoint.CXONE_TOKEN;
			case GENESYS_USERS -> Endpoint.GENESYS_USERS;
			case CXONE_DISCOVERY -> Endpoint.CXONE_DISCOVERY;
			case CXONE_TENANT_CONFIGURATION -> Endpoint.CXONE_TENANT_CONFIGURATION;
			case CXONE_AGENTS -> Endpoint.CXONE_AGENTS;
			case CXONE_JWKS -> Endpoint.CXONE_JWKS;
			case UNKNOWN -> Endpoint.OTHER;
		};
	}

	/**
	 * The error shape for this request: unknown paths under CXone's prefixes get CXone's,
	 * the rest Genesys'.
	 */
	static ErrorStyle errorStyle(Endpoint endpoint, String path) {
		if (endpoint != Endpoint.OTHER) {
			return ErrorStyle.of(endpoint.platform(), endpoint.isToken());
		}
		String lower = path.toLowerCase(Locale.ROOT);
		boolean cxone = lower.startsWith("/incontactapi/") || lower.startsWith("/auth/")
				|| lower.startsWith("/.well-known/");
		return cxone ? ErrorStyle.CXONE_API : ErrorStyle.GENESYS_API;
	}

}
