package dev.ccauth.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The few Redis commands the store needs, each bounded by the operation timeout and
 * reported to {@link StoreAvailability}; any failure becomes a
 * {@link StoreUnavailableException}, which the token clients answer by using their own
 * engine.
 */
final class RedisCommands {

	/** Deletes the lock only if it is still the caller's. */
	private static final RedisScript<Long> UNLOCK = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0""", Long.class);

	/** Extends the lock only if it is still the caller's. */
	private static final RedisScript<Long> EXTEND = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return 0""", Long.class);

	/**
	 * Deletes the token entry only if it still holds the given token (its fingerprint
	 * prefix).
	 */
	private static final RedisScript<Long> COMPARE_AND_DELETE = RedisScript.of("""
			local entry = redis.call('GET', KEYS[1])
			if entry and string.sub(entry, 1, string.len(ARGV[1])) == ARGV[1] then
				return redis.call('DEL', KEYS[1])
			end
			return 0""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final Duration timeout;

	private final Duration connectTimeout;

	private final StoreAvailability availability;

	/**
	 * Whether a command has succeeded yet: until then the connection may still be being
	 * made.
	 */
	private volatile boolean connected;

	RedisCommands(ReactiveStringRedisTemplate redis, Duration timeout, Duration connectTimeout,
			StoreAvailability availability) {
		this.redis = redis;
		this.timeout = timeout;
		this.connectTimeout = connectTimeout;
		this.availability = availability;
	}

	/** Makes the connection, so that the first token request does not wait for it. */
	Mono<String> ping() {
		return bounded(this.redis.execute((connection) -> connection.ping()).next());
	}

	Mono<String> get(String key) {
		return bounded(this.redis.opsForValue().get(key));
	}

	Mono<Boolean> set(String key, String value, Duration ttl) {
		return bounded(this.redis.opsForValue().set(key, value, ttl));
	}

	/** {@code SET key owner NX PX ttl}: whether the caller now holds the lock. */
	Mono<Boolean> lock(String key, String owner, Duration ttl) {
		return bounded(this.redis.opsForValue().setIfAbsent(key, owner, ttl)).defaultIfEmpty(false);
	}

	Mono<Boolean> extendLock(String key, String owner, Duration ttl) {
		return script(EXTEND, key, owner, Long.toString(ttl.toMillis()));
	}

	Mono<Boolean> unlock(String key, String owner) {
		return script(UNLOCK, key, owner);
	}

	Mono<Boolean> compareAndDelete(String key, String prefix) {
		return script(COMPARE_AND_DELETE, key, prefix);
	}

	private Mono<Boolean> script(RedisScript<Long> script, String key, String... args) {
		return bounded(this.redis.execute(script, List.of(key), List.of((Object[]) args)).next())
			.map((result) -> result == 1L)
			.defaultIfEmpty(false);
	}

	/**
	 * Runs the command on a worker thread (a connection that has to be made is made by
	 * the subscribing thread, which may be an event loop) and waits for it no longer than
	 * the timeout (the connect timeout until a first command has succeeded). A command
	 * waited for no longer is not cancelled but finishes on its own: its outcome still
	 * tells whether Redis answers (a slow first connection ends an outage as soon as it
	 * is made), and is never a dropped error. The caller undoes what it may still do (a
	 * lock).
	 */
	private <T> Mono<T> bounded(Mono<T> command) {
		Duration timeout = this.connected ? this.timeout : this.connectTimeout;
		Mono<T> detached = command.subscribeOn(Schedulers.boundedElastic()).doOnSuccess((result) -> {
			this.connected = true;
			this.availability.succeeded();
		}).doOnError(this.availability::failed);
		return Mono.defer(() -> Mono.fromFuture(detached.toFuture(), true))
			.timeout(timeout)
			.doOnError(TimeoutException.class, this.availability::failed)
			.onErrorMap(StoreUnavailableException::new);
	}

	/** Redis did not answer in time or failed: the caller uses its own token engine. */
	static final class StoreUnavailableException extends RuntimeException {

		StoreUnavailableException(Throwable cause) {
			super("Redis token store unavailable", cause, false, false);
		}

	}

}
