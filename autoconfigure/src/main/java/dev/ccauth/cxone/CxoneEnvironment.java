package dev.ccauth.cxone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ccauth.config.EnvironmentVariables;

/** The {@code CXONE_*} variables a CXone pipeline step is configured with. */
public final class CxoneEnvironment {

	public static final EnvironmentVariables VARIABLES;

	static {
		Map<String, List<String>> variables = new LinkedHashMap<>();
		variables.put("client-id", List.of("CXONE_CLIENT_ID"));
		variables.put("client-secret", List.of("CXONE_CLIENT_SECRET"));
		variables.put("access-token", List.of("CXONE_ACCESS_TOKEN"));
		variables.put("access-key-id", List.of("CXONE_ACCESS_KEY_ID"));
		variables.put("access-key-secret", List.of("CXONE_ACCESS_KEY_SECRET"));
		variables.put("region", List.of("CXONE_REGION"));
		variables.put("issuer", List.of("CXONE_ISSUER"));
		variables.put("base-url", List.of("CXONE_BASE_URL"));
		variables.put("token-uri", List.of("CXONE_TOKEN_URI"));
		VARIABLES = new EnvironmentVariables(variables);
	}

	private CxoneEnvironment() {
	}

}
