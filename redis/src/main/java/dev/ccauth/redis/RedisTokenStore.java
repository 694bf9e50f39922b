package dev.ccauth.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ccauth.config.Registration;
import dev.ccauth.config.TokenSettings;
import dev.ccauth.token.TokenClient;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A token store shared by processes, on Redis: as a {@link TokenClient.Decorator} it puts
 * the fleet between each registration's token source and its token endpoint, so that
 * processes whose registrations share a token identity share one token, fetched and
 * renewed by one process at a time. Registrations with {@code ccauth.token.store=local}
 * are left alone. {@link #status()} says whether Redis answers, for health checks and
 * metrics.
 */
public final class RedisTokenStore implements TokenClient.Decorator {

	private static final Logger logger = LoggerFactory.getLogger(RedisTokenStore.class);

	private final RedisTokenStoreProperties properties;

	private final Clock clock;

	private final StoreAvailability availability;

	private final RedisCommands redis;

	private final java.util.concurrent.atomic.AtomicBoolean warmedUp = new java.util.concurrent.atomic.AtomicBoolean();

	private RedisTokenStore(ReactiveRedisConnectionFactory connectionFactory, RedisTokenStoreProperties properties,
			Clock clock) {
		this.properties = Objects.requireNonNull(properties, "properties");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.availability = new StoreAvailability(clock, properties.retryInterval());
		this.redis = new RedisCommands(new ReactiveStringRedisTemplate(connectionFactory),
				properties.operationTimeout(), properties.connectTimeout(), this.availability);
	}

	/**
	 * A store on the given Redis, for registrations built without Boot's
	 * auto-configuration ({@code TokenSource.builder(...).decorator(store)}).
	 */
	public static RedisTokenStore create(ReactiveRedisConnectionFactory connectionFactory,
			RedisTokenStoreProperties properties) {
		return new RedisTokenStore(connectionFactory, properties, Clock.systemUTC());
	}

	@Override
	public TokenClient decorate(Registration registration, TokenClient client) {
		if (registration.token().store() == TokenSettings.Store.LOCAL || !registration.hasCredentials()) {
			return client;
		}
		FleetIdentity identity = FleetIdentity.of(registration, this.properties.keyPrefix());
		TokenSeal seal = new TokenSeal(identity.hash(), FleetIdentity.credentialSecrets(registration),
				identity.tokenKey());
		logger.debug("{}: tokens shared through Redis", registration.id());
		if (this.warmedUp.compareAndSet(false, true)) {
			// at startup, so that a process's first token request (a fleet starting
			// together) finds the
			// connection made: in a cold, busy JVM making it can take seconds
			this.redis.ping().subscribe((pong) -> {
			}, (error) -> {
			});
		}
		return new SharedTokenClient(registration, client, identity, seal, this.redis, this.availability,
				this.properties, this.clock);
	}

	/**
	 * Whether Redis answers now, since when, and how often a process used its own engine
	 * instead.
	 */
	public Status status() {
		return this.availability.status();
	}

	/**
	 * Where the store stands; never a token or a secret.
	 *
	 * @param available whether Redis answered the last command (or none has been sent
	 * yet)
	 * @param since when it started to answer, or to fail
	 * @param lastFailure what the failure was while it is unavailable, else {@code null}
	 * @param fallbacks token requests this process made with its own engine because Redis
	 * was unavailable
	 */
	public record Status(boolean available, Instant since, String lastFailure, long fallbacks) {
	}

}
