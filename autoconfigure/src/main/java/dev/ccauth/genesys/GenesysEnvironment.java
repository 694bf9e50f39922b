package dev.ccauth.genesys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ccauth.config.EnvironmentVariables;

/**
 * The variables Genesys Cloud pipelines already have: the tutorial's {@code GENESYS_*}, the
 * Terraform provider's and {@code gc} CLI's {@code GENESYSCLOUD_*}, and endpoint overrides for
 * gateways and the sandbox.
 */
public final class GenesysEnvironment {

	public static final EnvironmentVariables VARIABLES;

	static {
		Map<String, List<String>> variables = new LinkedHashMap<>();
		variables.put("client-id", List.of("GENESYS_CLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_ID"));
		variables.put("client-secret", List.of("GENESYS_CLIENT_SECRET", "GENESYSCLOUD_OAUTHCLIENT_SECRET"));
		variables.put("access-token", List.of("GENESYS_ACCESS_TOKEN", "GENESYSCLOUD_ACCESS_TOKEN"));
		variables.put("region", List.of("GENESYS_REGION", "GENESYSCLOUD_REGION"));
		variables.put("base-url", List.of("GENESYS_BASE_URL"));
		variables.put("token-uri", List.of("GENESYS_TOKEN_URI"));
		VARIABLES = new EnvironmentVariables(variables);
	}

	private GenesysEnvironment() {
	}

}
