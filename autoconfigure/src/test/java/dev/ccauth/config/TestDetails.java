package dev.ccauth.config;

import java.util.Map;

/** Platform details for tests of the generic layers, which know no platform. */
public enum TestDetails implements PlatformDetails {

	INSTANCE;

	@Override
	public String grant() {
		return "client-credentials";
	}

	@Override
	public Map<String, String> location() {
		return Map.of("region", "sandbox");
	}

}
