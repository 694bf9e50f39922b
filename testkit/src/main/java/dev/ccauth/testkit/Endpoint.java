package dev.ccauth.testkit;

/**
 * What the sandbox serves, for counters and fault injection.
 *
 * <p>
 * {@code /oauth/token} is shared by both platforms: a request there belongs to
 * {@link #CXONE_TOKEN} when it authenticates with the CXone client id, else to
 * {@link #GENESYS_TOKEN}.
 */
public enum Endpoint {

	/**
	 * {@code POST /oauth/token} (Genesys clients) and {@code POST /api/v2/oauth/token}.
	 */
	GENESYS_TOKEN(Platform.GENESYS),
	/** {@code GET /api/v2/users}. */
	GENESYS_USERS(Platform.GENESYS),
	/** {@code GET /.well-known/openid-configuration}. */
	CXONE_DISCOVERY(Platform.CXONE),
	/**
	 * {@code POST /auth/token} and {@code POST /oauth/token} (CXone clients, the
	 * tutorial's client credentials).
	 */
	CXONE_TOKEN(Platform.CXONE),
	/** {@code GET /.well-known/cxone-configuration?tenantId=}. */
	CXONE_TENANT_CONFIGURATION(Platform.CXONE),
	/** {@code GET /incontactapi/services/v34.0/agents}. */
	CXONE_AGENTS(Platform.CXONE),
	/**
	 * {@code GET /auth/jwks}: the key that signs {@code id_token}s, the discovery
	 * document's {@code jwks_uri}.
	 */
	CXONE_JWKS(Platform.CXONE),
	/** Any other path. */
	OTHER(null);

	private final Platform platform;

	Endpoint(Platform platform) {
		this.platform = platform;
	}

	/**
	 * The platform whose error shapes this endpoint uses; {@code null} for
	 * {@link #OTHER}.
	 */
	public Platform platform() {
		return platform;
	}

	/** Whether this is one of the token endpoints. */
	public boolean isToken() {
		return this == GENESYS_TOKEN || this == CXONE_TOKEN;
	}

	/** Whether this endpoint needs a bearer token. */
	public boolean isApi() {
		return this == GENESYS_USERS || this == CXONE_AGENTS;
	}

}
