package dev.ccauth.genesys;

import java.util.Locale;
import java.util.Map;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.token.TokenGrant;
import dev.ccauth.token.TokenRequestException.Reason;

/**
 * Genesys Cloud's client-credentials grant and what its token endpoint's refusals mean.
 */
final class GenesysGrant implements TokenGrant {

	private final RegistrationId id;

	GenesysGrant(RegistrationId id) {
		this.id = id;
	}

	@Override
	public Map<String, String> parameters() {
		return Map.of("grant_type", "client_credentials");
	}

	/**
	 * Genesys rate-limits token requests with
	 * {@code 400 invalid_request "rate limit exceeded"}.
	 */
	@Override
	public Reason classify(int status, String errorCode, String description) {
		boolean rateLimit = description != null && description.toLowerCase(Locale.ROOT).contains("rate limit");
		return (status == 400 && rateLimit) ? Reason.RATE_LIMITED : null;
	}

	@Override
	public String hint(Reason reason, int status, String errorCode) {
		if (reason == Reason.BAD_CREDENTIALS) {
			return "Check " + this.id.propertyPrefix()
					+ ".client-id and client-secret, and that the OAuth client exists in this region's org, is enabled and has the Client Credentials grant (Admin > Security > OAuth)";
		}
		if ("unsupported_grant_type".equals(errorCode)) {
			return "The OAuth client does not allow the Client Credentials grant: enable it on the client, or check "
					+ this.id.propertyPrefix() + ".token-uri";
		}
		return null;
	}

}
