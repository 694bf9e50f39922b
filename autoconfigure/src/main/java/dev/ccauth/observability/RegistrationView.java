package dev.ccauth.observability;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.token.TokenSource;

/**
 * One registration as health, the endpoint and the meters show it, from its configuration
 * and its token source's {@link TokenSource.State}: where it points, whether it holds a
 * valid token, when that token expires and was obtained, and its last failure. Never a
 * secret or a token: the state holds none, the registration shows none, and failure
 * messages are masked once more.
 */
final class RegistrationView {

	/** A user name or password in a URL, should one ever reach here. */
	private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@\\s]*@");

	private RegistrationView() {
	}

	/**
	 * The registration's name in health, tags and the endpoint: {@code genesys-prod},
	 * like its HTTP service group.
	 */
	static String key(RegistrationId id) {
		return id.platform().key() + "-" + id.name();
	}

	/** Whether the registration can serve calls, and if not why. */
	record Verdict(boolean up, String reason) {
	}

	/**
	 * UP while a valid token is held or none has been needed yet; DOWN once the
	 * registration cannot get one: from a failed token request (including its cool-down)
	 * until the next success, or when a handed-over token was refused and there are no
	 * credentials to get another.
	 */
	static Verdict verdict(TokenSource.State state) {
		if (state.holdsValidToken()) {
			return new Verdict(true, null);
		}
		if (!state.canRenew()) {
			return new Verdict(false,
					"the handed-over access token was refused or has expired, and there are no credentials to get another");
		}
		if (state.lastFailure() != null) {
			return new Verdict(false, (Outcome.of(state.lastFailure()) == Outcome.REFUSED)
					? "token requests are refused" : "token requests are failing");
		}
		return new Verdict(true, null);
	}

	/**
	 * The details health shows: platform, region or issuer, token endpoint and API base
	 * URL (or where they are discovered), whether a valid token is held, its expires-in
	 * seconds, when it was obtained (the last renewal), the last failure and when, the
	 * end of the cool-down.
	 */
	static Map<String, Object> details(Registration registration, TokenSource.State state, Instant now) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("platform", registration.id().platform().key());
		registration.details().location().forEach((name, value) -> details.put(name, withoutUserInfo(value)));
		Map<String, String> described = registration.describe();
		details.put("tokenEndpoint", withoutUserInfo(described.get("token endpoint")));
		details.put("apiBaseUrl", withoutUserInfo(described.get("API base URL")));
		details.put("validToken", state.holdsValidToken());
		details.put("canRenew", state.canRenew());
		if (state.expiresAt() != null) {
			details.put("tokenExpiresIn", Math.max(0, Duration.between(now, state.expiresAt()).toSeconds()));
		}
		if (state.obtainedAt() != null) {
			details.put("lastRenewal", instant(state.obtainedAt()));
		}
		if (state.lastFailure() != null) {
			details.put("lastFailure", registration.redact(state.lastFailure().getMessage()));
			details.put("lastFailureAt", instant(state.lastFailureAt()));
		}
		if (state.coolDownUntil() != null) {
			details.put("coolDownUntil", instant(state.coolDownUntil()));
		}
		return details;
	}

	static String instant(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : null;
	}

	static String withoutUserInfo(String text) {
		return (text != null) ? USER_INFO.matcher(text).replaceAll("******@") : null;
	}

}
