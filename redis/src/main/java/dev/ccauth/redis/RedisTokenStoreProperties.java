package dev.ccauth.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Redis token store, under {@code ccauth.redis}. Which Redis is Boot's
 * {@code spring.data.redis.*}; whether a registration uses the store is
 * {@code ccauth.token.store} ({@code shared} by default, {@code local} to keep a
 * registration, or all of them, out of it).
 *
 * @param keyPrefix Prefix of every key the store writes (default "ccauth:"); the rest is
 * a hash of the token identity
 * @param operationTimeout Longest wait for one Redis command; a slower or unreachable
 * Redis makes the process use its own token engine (default 500ms)
 * @param connectTimeout Longest wait for the first command, while the connection to Redis
 * may still be being made; a cold JVM on a busy machine can take seconds to make it
 * (default 5s)
 * @param lockTimeout How long the lock of the one process fetching a token for the fleet
 * lives unless its owner renews it; a crashed owner delays the others at most this long
 * (default 10s)
 * @param pollInterval How often, on average, a process waiting for another one's token
 * looks for it (jittered; default 50ms)
 * @param retryInterval After Redis failed, how long the process uses its own token engine
 * before it tries Redis again (default 5s)
 */
@ConfigurationProperties("ccauth.redis")
public record RedisTokenStoreProperties(String keyPrefix, Duration operationTimeout, Duration connectTimeout,
		Duration lockTimeout, Duration pollInterval, Duration retryInterval) {

	/** Every default. */
	public static final RedisTokenStoreProperties DEFAULTS = new RedisTokenStoreProperties(null, null, null, null, null,
			null);

	public RedisTokenStoreProperties {
		keyPrefix = (keyPrefix != null) ? keyPrefix : "ccauth:";
		operationTimeout = positive(operationTimeout, Duration.ofMillis(500), "operation-timeout");
		connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connect-timeout");
		lockTimeout = positive(lockTimeout, Duration.ofSeconds(10), "lock-timeout");
		pollInterval = positive(pollInterval, Duration.ofMillis(50), "poll-interval");
		retryInterval = positive(retryInterval, Duration.ofSeconds(5), "retry-interval");
	}

	private static Duration positive(Duration value, Duration fallback, String name) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("ccauth.redis." + name + " must be positive, was " + value);
		}
		return value;
	}

}
