package dev.ccauth.config;

/** Checks and trims the credential properties of one registration. */
public final class Credentials {

	private Credentials() {
	}

	/** The value trimmed, or {@code null} when absent or blank. */
	public static String trimmed(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/**
	 * Requires each named value unless the registration has a handed-over access token only.
	 * @param pairs alternating property suffix and value, e.g. {@code "client-id", clientId}
	 */
	public static void require(RegistrationId id, boolean accessTokenOnly, Problems problems, String... pairs) {
		boolean anyGiven = false;
		for (int i = 1; i < pairs.length; i += 2) {
			anyGiven |= pairs[i] != null;
		}
		if (accessTokenOnly && !anyGiven) {
			return;
		}
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] == null) {
				String property = id.propertyPrefix() + "." + pairs[i];
				problems.add(property, "is missing.", "Set " + property + environmentHint(id, pairs[i])
						+ (anyGiven ? "." : ", or hand over a token with " + id.propertyPrefix() + ".access-token."));
			}
		}
	}

	private static String environmentHint(RegistrationId id, String suffix) {
		if (!"default".equals(id.name())) {
			return "";
		}
		String variable = switch (id.platform()) {
			case GENESYS -> switch (suffix) {
				case "client-id" -> "GENESYS_CLIENT_ID (or GENESYSCLOUD_OAUTHCLIENT_ID)";
				case "client-secret" -> "GENESYS_CLIENT_SECRET (or GENESYSCLOUD_OAUTHCLIENT_SECRET)";
				default -> null;
			};
			case CXONE -> switch (suffix) {
				case "client-id" -> "CXONE_CLIENT_ID";
				case "client-secret" -> "CXONE_CLIENT_SECRET";
				case "access-key-id" -> "CXONE_ACCESS_KEY_ID";
				case "access-key-secret" -> "CXONE_ACCESS_KEY_SECRET";
				default -> null;
			};
		};
		return (variable != null) ? " (from the environment: " + variable + ")" : "";
	}

}
