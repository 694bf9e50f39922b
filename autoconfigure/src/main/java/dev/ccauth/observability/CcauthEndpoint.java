package dev.ccauth.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.ccauth.config.Registration;
import dev.ccauth.token.TokenSource;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/ccauth}: every registration with what its health shows, plus its
 * effective settings (client id, scopes, token, retry and HTTP settings) and its token
 * source's counts; {@code /actuator/ccauth/genesys-prod} one of them. Read-only, without
 * any network call, and never a secret or a token (a handed-over token shows as
 * {@code handedOverToken: true}).
 */
@Endpoint(id = "ccauth")
final class CcauthEndpoint {

	private final ContactCenterClients clients;

	private final Clock clock;

	CcauthEndpoint(ContactCenterClients clients, Clock clock) {
		this.clients = clients;
		this.clock = clock;
	}

	@ReadOperation
	public Map<String, Object> registrations() {
		Map<String, Object> registrations = new LinkedHashMap<>();
		for (Registration registration : this.clients.registrations()) {
			registrations.put(RegistrationView.key(registration.id()), describe(registration));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("registrations", registrations);
		return OperationResponseBody.of(body);
	}

	/** One registration, or nothing (404) when there is no such one. */
	@ReadOperation
	public Map<String, Object> registration(@Selector String name) {
		for (Registration registration : this.clients.registrations()) {
			if (RegistrationView.key(registration.id()).equals(name)) {
				return OperationResponseBody.of(describe(registration));
			}
		}
		return null;
	}

	private Map<String, Object> describe(Registration registration) {
		TokenSource tokens = this.clients.tokenSource(registration.id());
		TokenSource.State state = tokens.state();
		RegistrationView.Verdict verdict = RegistrationView.verdict(state);
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("status", verdict.up() ? "UP" : "DOWN");
		if (verdict.reason() != null) {
			described.put("reason", verdict.reason());
		}
		described.put("name", registration.id().name());
		described.putAll(RegistrationView.details(registration, state, this.clock.instant()));
		described.put("grant", registration.details().grant());
		described.put("clientId", registration.hasCredentials() ? registration.client().clientId() : null);
		described.put("clientAuthentication", registration.hasCredentials()
				? registration.client().authentication().name().toLowerCase(Locale.ROOT) : null);
		described.put("scopes", registration.scopes());
		described.put("handedOverToken", registration.accessToken() != null);
		described.put("sslBundle", registration.sslBundle());
		Map<String, Object> token = new LinkedHashMap<>();
		token.put("refreshSkew", duration(registration.token().refreshSkew()));
		token.put("defaultLifetime", duration(registration.token().defaultLifetime()));
		token.put("store", registration.token().store().name().toLowerCase(Locale.ROOT));
		described.put("token", token);
		Map<String, Object> retry = new LinkedHashMap<>();
		retry.put("maxAttempts", registration.retry().maxAttempts());
		retry.put("initialDelay", duration(registration.retry().initialDelay()));
		retry.put("multiplier", registration.retry().multiplier());
		retry.put("maxDelay", duration(registration.retry().maxDelay()));
		retry.put("jitter", registration.retry().jitter());
		retry.put("maxRetryAfter", duration(registration.retry().maxRetryAfter()));
		described.put("retry", retry);
		Map<String, Object> http = new LinkedHashMap<>();
		http.put("connectTimeout", duration(registration.http().connectTimeout()));
		http.put("responseTimeout", duration(registration.http().responseTimeout()));
		http.put("tokenRequestTimeout", duration(registration.http().tokenRequestTimeout()));
		described.put("http", http);
		TokenSource.Statistics statistics = tokens.statistics();
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("tokenRequests", statistics.requests());
		counts.put("renewals", statistics.renewals());
		counts.put("invalidations", statistics.invalidations());
		described.put("statistics", counts);
		return described;
	}

	private static String duration(Duration duration) {
		return (duration != null) ? duration.toString() : null;
	}

}
