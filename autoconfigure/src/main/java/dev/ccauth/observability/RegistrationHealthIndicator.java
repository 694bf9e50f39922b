package dev.ccauth.observability;

import java.time.Clock;
import java.time.Duration;

import dev.ccauth.config.Registration;
import dev.ccauth.token.TokenSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One registration's health, read from its token source's state: no network call, unless
 * {@code ccauth.health.fetch-token} asks for a token when none is held (and the token
 * endpoint is not being left alone after a failure).
 */
final class RegistrationHealthIndicator implements HealthIndicator {

	private final Registration registration;

	private final TokenSource tokens;

	private final CcauthHealthProperties properties;

	private final Clock clock;

	RegistrationHealthIndicator(Registration registration, TokenSource tokens, CcauthHealthProperties properties,
			Clock clock) {
		this.registration = registration;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Health health() {
		TokenSource.State state = this.tokens.state();
		if (this.properties.fetchToken() && !state.holdsValidToken() && state.canRenew() && !state.coolingDown()) {
			state = fetched(this.properties.fetchTimeout());
		}
		RegistrationView.Verdict verdict = RegistrationView.verdict(state);
		Health.Builder health = verdict.up() ? Health.up() : Health.down();
		if (verdict.reason() != null) {
			health.withDetail("reason", verdict.reason());
		}
		return health.withDetails(RegistrationView.details(this.registration, state, this.clock.instant())).build();
	}

	/** The state after a token request; its failure, if any, is in the state. */
	private TokenSource.State fetched(Duration timeout) {
		try {
			this.tokens.token().block(timeout);
		}
		catch (RuntimeException ex) {
			// a failed request is in the state; one still running after the timeout goes
			// on by itself
		}
		return this.tokens.state();
	}

}
