package dev.ccauth.testkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Map;

/** The OAuth token response of both platforms; absent fields are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(String accessToken, String tokenType, Long expiresIn, String refreshToken, String idToken,
		String scope) {

	/** Token responses must not be cached (RFC 6749 section 5.1). */
	static final Map<String, String> NO_STORE = Map.of(Reply.CACHE_CONTROL, "no-store", Reply.PRAGMA, "no-cache");

	Reply reply() {
		return Reply.json(200, this).withHeaders(NO_STORE);
	}
}
