package dev.ccauth.genesys;

import java.util.Map;

import dev.ccauth.config.PlatformDetails;

/**
 * A Genesys Cloud registration's own part: the region as configured and the domain it
 * stands for.
 *
 * @param region the AWS region name or domain as configured (or the default)
 * @param domain the org's domain ({@code mypurecloud.ie}), or {@code null} when both
 * endpoints are configured
 */
record GenesysDetails(String region, String domain) implements PlatformDetails {

	@Override
	public String grant() {
		return "client-credentials";
	}

	@Override
	public Map<String, String> location() {
		return Map.of("region", this.region);
	}

}
