package dev.ccauth.observability;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.ccauth.config.Registration;
import dev.ccauth.token.TokenSource;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * {@code ccauth.token.expires.in}: seconds the token of each registration has left, read
 * from its token source when the registry is read (NaN while none is held or its expiry
 * is unknown). Registered once every singleton exists, on the same registry as the other
 * meters, since the clients are built with the token request meters in them.
 */
final class TokenExpiryGauges implements SmartInitializingSingleton {

	static final String EXPIRES_IN = "ccauth.token.expires.in";

	private final MeterRegistry registry;

	private final ObjectProvider<ContactCenterClients> clients;

	private final Clock clock;

	TokenExpiryGauges(MeterRegistry registry, ObjectProvider<ContactCenterClients> clients, Clock clock) {
		this.registry = registry;
		this.clients = clients;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ContactCenterClients clients = this.clients.getIfUnique();
		if (clients == null) {
			return;
		}
		for (Registration registration : clients.registrations()) {
			Gauge.builder(EXPIRES_IN, clients.tokenSource(registration.id()), this::expiresIn)
				.description("Seconds until the registration's token expires (NaN while none is held)")
				.baseUnit("seconds")
				.tag("registration", RegistrationView.key(registration.id()))
				.tag("platform", registration.id().platform().key())
				.register(this.registry);
		}
	}

	private double expiresIn(TokenSource tokens) {
		TokenSource.State state = tokens.state();
		if (state.expiresAt() == null) {
			return Double.NaN;
		}
		return Math.max(0, Duration.between(this.clock.instant(), state.expiresAt()).toMillis() / 1000.0);
	}

}
