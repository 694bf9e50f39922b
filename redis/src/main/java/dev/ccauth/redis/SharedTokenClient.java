package dev.ccauth.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.redis.RedisCommands.StoreUnavailableException;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenClient;

/**
 * One registration's token client with the fleet in front: the token source (single
 * flight in this process) calls it once per token it needs, and it asks Redis before the
 * token endpoint.
 * <ol>
 * <li>A stored token that this process can open and that answers the need is taken: one
 * not yet due for renewal (by this registration's refresh skew) for a first token, a
 * newer one for a renewal, another one after a refusal.</li>
 * <li>Else the process tries to become the one fetcher of the fleet:
 * {@code SET lock owner NX PX}. The owner looks once more (a previous owner may just have
 * stored one), asks the token endpoint through the registration's own client, hands the
 * token on at once and, in the background, stores it sealed with an expiry equal to its
 * own, then releases the lock (compare-and-delete by owner). While the request runs the
 * owner renews the lock, so a slow but live owner keeps it and a crashed one loses it
 * after the lock timeout.</li>
 * <li>The others poll with jitter until the token is there or the lock is gone, then
 * start over: waiting is bounded by the owner's request or, if the owner died, by the
 * lock's expiry.</li>
 * </ol>
 * Redis failing or slow at any step never fails the request: the registration's own
 * client answers instead (a token already fetched is returned even if storing it failed).
 */
final class SharedTokenClient implements TokenClient {

	private static final Logger logger = LoggerFactory.getLogger(SharedTokenClient.class);

	private final RegistrationId registration;

	private final TokenClient local;

	private final FleetIdentity identity;

	private final TokenSeal seal;

	private final RedisCommands redis;

	private final StoreAvailability availability;

	private final RedisTokenStoreProperties properties;

	private final Clock clock;

	private final Duration refreshSkew;

	private final AtomicBoolean unreadableReported = new AtomicBoolean();

	SharedTokenClient(Registration registration, TokenClient local, FleetIdentity identity, TokenSeal seal,
			RedisCommands redis, StoreAvailability availability, RedisTokenStoreProperties properties, Clock clock) {
		this.registration = registration.id();
		this.refreshSkew = registration.token().refreshSkew();
		this.local = local;
		this.identity = identity;
		this.seal = seal;
		this.redis = redis;
		this.availability = availability;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<AccessToken> requestToken(Trigger trigger, AccessToken current) {
		return Mono.defer(() -> {
			if (!this.availability.worthTrying()) {
				return locally(trigger, current);
			}
			return attempt(trigger, current, 0).onErrorResume(StoreUnavailableException.class,
					(error) -> locally(trigger, current));
		});
	}

	@Override
	public void invalidated(AccessToken refused) {
		this.local.invalidated(refused);
		if (this.availability.worthTrying()) {
			// fleet-wide only if Redis still holds the refused token; fire and forget:
			// the caller is
			// an API call's thread, and the next token request treats the refused token
			// as absent anyway
			this.redis.compareAndDelete(this.identity.tokenKey(), this.seal.prefixOf(refused)).subscribe((deleted) -> {
				if (deleted) {
					logger.debug("{}: refused token dropped from the shared store", this.registration);
				}
			}, (error) -> {
			});
		}
	}

	private Mono<AccessToken> locally(Trigger trigger, AccessToken current) {
		this.availability.fellBack();
		return this.local.requestToken(trigger, current);
	}

	private Mono<AccessToken> attempt(Trigger trigger, AccessToken current, int polls) {
		return stored(trigger, current).switchIfEmpty(Mono.defer(() -> {
			String owner = UUID.randomUUID().toString();
			return this.redis.lock(this.identity.lockKey(), owner, this.properties.lockTimeout())
				.doOnError(StoreUnavailableException.class, (error) -> unlockLater(owner)) // it
																							// may
																							// still
																							// be
																							// set
				.flatMap((locked) -> locked ? fetchForTheFleet(trigger, current, owner)
						: Mono.delay(pollDelay(polls)).then(Mono.defer(() -> attempt(trigger, current, polls + 1))));
		}));
	}

	/** The stored token if it answers the need, else empty. */
	private Mono<AccessToken> stored(Trigger trigger, AccessToken current) {
		return this.redis.get(this.identity.tokenKey()).flatMap((entry) -> {
			AccessToken token = this.seal.open(entry).orElse(null);
			if (token == null) {
				if (this.unreadableReported.compareAndSet(false, true)) {
					logger.warn("{}: a token stored for the same client does not open with this registration's "
							+ "credentials (do the processes have different client secrets?); this process asks "
							+ "for its own", this.registration);
				}
				return Mono.empty();
			}
			if (!answers(trigger, current, token)) {
				return Mono.empty();
			}
			logger.debug("{}: token taken from the shared store ({})", this.registration, trigger.tag());
			return Mono.just(token);
		});
	}

	private boolean answers(Trigger trigger, AccessToken current, AccessToken stored) {
		// one due for renewal (or about to expire) would be renewed right away: the lock
		// decides who
		if (stored.expiresAt().isEmpty() || !this.clock.instant().isBefore(renewAt(stored))) {
			return false;
		}
		if (current == null) {
			return true;
		}
		if (stored.sameValueAs(current)) {
			return false; // the token due for renewal, refused, or expired
		}
		if (trigger == Trigger.RENEWAL) {
			// renewed by another process: newer than the one due
			return current.expiresAt().map((due) -> stored.expiresAt().get().isAfter(due)).orElse(true);
		}
		return true;
	}

	/**
	 * When the token source will renew the token:
	 * {@code expiresAt - min(refresh-skew, lifetime / 2)}.
	 */
	private Instant renewAt(AccessToken token) {
		Duration half = token.lifetime().get().dividedBy(2);
		return token.expiresAt().get().minus((this.refreshSkew.compareTo(half) < 0) ? this.refreshSkew : half);
	}

	private Mono<AccessToken> fetchForTheFleet(Trigger trigger, AccessToken current, String owner) {
		Duration period = this.properties.lockTimeout().dividedBy(3);
		Disposable keepAlive = Flux.interval(period, period)
			.concatMap((tick) -> this.redis.extendLock(this.identity.lockKey(), owner, this.properties.lockTimeout())
				.onErrorResume((error) -> Mono.empty()))
			.subscribe();
		// a previous owner may have stored a token between our look and our lock
		return stored(trigger, current).doOnNext((found) -> release(owner, keepAlive, null))
			.switchIfEmpty(Mono.defer(() -> {
				logger.debug("{}: asking the token endpoint for the fleet ({})", this.registration, trigger.tag());
				return this.local.requestToken(trigger, current).doOnNext((token) -> release(owner, keepAlive, token));
			}))
			.doOnError((error) -> release(owner, keepAlive, null))
			.doOnCancel(() -> release(owner, keepAlive, null));
	}

	/**
	 * Stores the token (if any), then releases the lock, so that the waiters' next look
	 * finds it; in the background, so that the token reaches this process's calls at once
	 * however slow Redis is.
	 */
	private void release(String owner, Disposable keepAlive, AccessToken token) {
		keepAlive.dispose();
		Mono<AccessToken> store = (token != null) ? store(token) : Mono.empty();
		store.then(this.redis.unlock(this.identity.lockKey(), owner)).subscribe((released) -> {
		}, (error) -> {
		});
	}

	private void unlockLater(String owner) {
		this.redis.unlock(this.identity.lockKey(), owner).subscribe((released) -> {
		}, (error) -> {
		});
	}

	/**
	 * Stores the token for the fleet, with its own expiry; a failure to store keeps the
	 * token.
	 */
	private Mono<AccessToken> store(AccessToken token) {
		Duration ttl = token.expiresAt().map((expiry) -> Duration.between(this.clock.instant(), expiry)).orElse(null);
		if (ttl == null || ttl.toMillis() <= 0) {
			return Mono.just(token);
		}
		return this.redis.set(this.identity.tokenKey(), this.seal.seal(token), ttl)
			.onErrorResume(StoreUnavailableException.class, (error) -> Mono.empty())
			.thenReturn(token);
	}

	/**
	 * Jittered, from the poll interval up to four times it: waiters do not poll in step.
	 */
	private Duration pollDelay(int polls) {
		long base = this.properties.pollInterval().toMillis();
		long ceiling = base * Math.min(4, 1L << Math.min(polls / 4, 2));
		return Duration.ofMillis(Math.max(1, ThreadLocalRandom.current().nextLong(base / 2, ceiling + 1)));
	}

}
