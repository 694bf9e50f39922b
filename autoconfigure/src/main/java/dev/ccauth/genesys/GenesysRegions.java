package dev.ccauth.genesys;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Genesys Cloud regions: AWS region name to domain, from the official Terraform
 * provider's map. Any other domain is accepted as it is, since new regions appear every
 * year.
 */
final class GenesysRegions {

	static final String DEFAULT_REGION = "us-east-1";

	private static final Map<String, String> DOMAINS = new LinkedHashMap<>();

	static {
		DOMAINS.put("us-east-1", "mypurecloud.com");
		DOMAINS.put("us-east-2", "use2.us-gov-pure.cloud");
		DOMAINS.put("us-west-2", "usw2.pure.cloud");
		DOMAINS.put("ca-central-1", "cac1.pure.cloud");
		DOMAINS.put("sa-east-1", "sae1.pure.cloud");
		DOMAINS.put("mx-central-1", "mxc1.pure.cloud");
		DOMAINS.put("eu-west-1", "mypurecloud.ie");
		DOMAINS.put("eu-west-2", "euw2.pure.cloud");
		DOMAINS.put("eu-central-1", "mypurecloud.de");
		DOMAINS.put("eu-central-2", "euc2.pure.cloud");
		DOMAINS.put("eusc-de-east-1", "edee1.eusc-pure.cloud");
		DOMAINS.put("me-central-1", "mec1.pure.cloud");
		DOMAINS.put("ap-south-1", "aps1.pure.cloud");
		DOMAINS.put("ap-southeast-1", "apse1.pure.cloud");
		DOMAINS.put("ap-southeast-2", "mypurecloud.com.au");
		DOMAINS.put("ap-northeast-1", "mypurecloud.jp");
		DOMAINS.put("ap-northeast-2", "apne2.pure.cloud");
		DOMAINS.put("ap-northeast-3", "apne3.pure.cloud");
	}

	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

	private GenesysRegions() {
	}

	/** Known AWS region names and their domains, in the platform's order. */
	static Map<String, String> known() {
		return Map.copyOf(DOMAINS);
	}

	/**
	 * The domain for an AWS region name or a domain ({@code mypurecloud.ie}; a leading
	 * {@code api.} or {@code login.} is dropped), or {@code null} when it is neither.
	 */
	static String domainOf(String regionOrDomain) {
		if (regionOrDomain == null) {
			return null;
		}
		String value = regionOrDomain.trim().toLowerCase(Locale.ROOT);
		String known = DOMAINS.get(value);
		if (known != null) {
			return known;
		}
		if (value.startsWith("api.") || value.startsWith("login.")) {
			value = value.substring(value.indexOf('.') + 1);
		}
		return DOMAIN.matcher(value).matches() ? value : null;
	}

	/** The region names, for error messages. */
	static String knownNames() {
		return String.join(", ", DOMAINS.keySet());
	}

}
