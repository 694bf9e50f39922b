package dev.ccauth.sample;

import dev.ccauth.config.Platform;

/** Texts that name what to set. */
final class Messages {

	private static final String GENESYS = "set GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET (and GENESYS_REGION, default"
			+ " us-east-1; GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION work too),"
			+ " or GENESYS_ACCESS_TOKEN with a token minted by an earlier step, or configure ccauth.genesys.<name>.* in"
			+ " application.yml";

	private static final String CXONE = "set CXONE_CLIENT_ID, CXONE_CLIENT_SECRET, CXONE_ACCESS_KEY_ID and"
			+ " CXONE_ACCESS_KEY_SECRET (access-key login; CXONE_ISSUER for FedRAMP), or CXONE_CLIENT_ID,"
			+ " CXONE_CLIENT_SECRET and CXONE_REGION for a client-credentials gateway, or CXONE_ACCESS_TOKEN with a"
			+ " token minted by an earlier step, or configure ccauth.cxone.<name>.* in application.yml";

	private static final String SANDBOX = "To try the tool without an org, add --sandbox.";

	private Messages() {
	}

	static String noCredentials(Platform platform) {
		return switch (platform) {
			case GENESYS -> "No Genesys Cloud credentials: " + GENESYS + ". " + SANDBOX;
			case CXONE -> "No NICE CXone credentials: " + CXONE + ". " + SANDBOX;
		};
	}

	static String noRegistrations() {
		return "No credentials for Genesys Cloud or NICE CXone. For Genesys Cloud " + GENESYS + ". For NICE CXone "
				+ CXONE + ". " + SANDBOX;
	}

}
