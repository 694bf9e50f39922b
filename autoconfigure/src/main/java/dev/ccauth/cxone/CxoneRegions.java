package dev.ccauth.cxone;

import java.util.List;
import java.util.Locale;

/**
 * The tutorial's CXone regions for the client-credentials grant
 * ({@code https://api.<region>.cxp.nice.com}), and the issuers of the real access-key
 * flow.
 */
final class CxoneRegions {

	static final String DEFAULT_REGION = "us-east-1";

	static final List<String> TUTORIAL_REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");

	static final List<String> TUTORIAL_SCOPES = List.of("urn:nice:cxa:read", "urn:nice:cxa:write");

	static final String COMMERCIAL_ISSUER = "https://cxone.niceincontact.com";

	static final String FEDRAMP_ISSUER = "https://cxone-gov.niceincontact.com";

	private CxoneRegions() {
	}

	/** The API host URL of a tutorial region, or {@code null} for an unknown one. */
	static String tutorialApiUrl(String region) {
		String value = (region != null) ? region.trim().toLowerCase(Locale.ROOT) : null;
		return TUTORIAL_REGIONS.contains(value) ? "https://api." + value + ".cxp.nice.com" : null;
	}

}
