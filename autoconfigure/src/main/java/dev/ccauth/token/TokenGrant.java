package dev.ccauth.token;

import java.util.Map;

import dev.ccauth.token.TokenRequestException.Reason;

/**
 * How a platform asks for its tokens and reads their refusals: the grant's form
 * parameters, and what the generic OAuth rules cannot know of a platform's errors.
 */
public interface TokenGrant {

	/**
	 * The form parameters of the grant ({@code grant_type=client_credentials}, or the
	 * password grant with CXone's access key). Scope and client credentials are added by
	 * the token client.
	 */
	Map<String, String> parameters();

	/**
	 * The platform's reading of a refusal, or {@code null} to apply the OAuth rules (429
	 * rate limited, 401 and {@code invalid_client} bad credentials, 5xx server error).
	 * Genesys answers {@code 400 invalid_request "rate limit exceeded"} when it rate
	 * limits token requests.
	 */
	default Reason classify(int status, String errorCode, String description) {
		return null;
	}

	/**
	 * How to fix a refusal, in one line, naming the platform's settings; or {@code null}
	 * for the generic hint.
	 */
	default String hint(Reason reason, int status, String errorCode) {
		return null;
	}

}
