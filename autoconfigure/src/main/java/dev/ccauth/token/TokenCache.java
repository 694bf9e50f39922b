package dev.ccauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.Secret;
import dev.ccauth.token.TokenRequestException.Reason;

/**
 * One registration's token: fetched once, shared by every call, renewed in the background before
 * it expires.
 * <ul>
 * <li>Single flight: however many calls find the cache cold, expired or due for renewal, one
 * token request is in flight at a time, and every waiting call gets its result. The request runs
 * on its own, so a caller that gives up does not cancel it for the others.</li>
 * <li>Renewal starts at {@code expiresAt - min(refreshSkew, lifetime / 2)}; until the token has
 * really expired, calls go on with it and never wait for the token endpoint.</li>
 * <li>{@link #invalidate(AccessToken)} drops a token only if it is still the current one, so
 * that many calls refused with the same token cause one new request.</li>
 * </ul>
 */
public final class TokenCache {

	private static final Logger logger = LoggerFactory.getLogger(TokenCache.class);

	private static final Duration MIN_RENEWAL_RETRY = Duration.ofSeconds(1);

	private static final Duration MAX_RENEWAL_RETRY = Duration.ofSeconds(30);

	private final RegistrationId registration;

	private final TokenClient client;

	private final Clock clock;

	private final Duration refreshSkew;

	private final Object lock = new Object();

	private volatile Cached current;

	/** The token request in flight, shared by every caller; guarded by {@link #lock}. */
	private Mono<AccessToken> inFlight;

	/** No background renewal before this instant, after one failed; guarded by {@link #lock}. */
	private Instant nextRenewalAttempt = Instant.MIN;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong renewals = new AtomicLong();

	private final AtomicLong invalidations = new AtomicLong();

	/**
	 * @param registration the registration, for its handed-over token and settings
	 * @param client the token client, or {@code null} when the registration has no credentials
	 * @param clock the clock that decides expiry and renewal
	 */
	public TokenCache(Registration registration, TokenClient client, Clock clock) {
		this.registration = registration.id();
		this.client = client;
		this.clock = clock;
		this.refreshSkew = registration.token().refreshSkew();
		Secret handedOver = registration.accessToken();
		if (handedOver != null) {
			this.current = new Cached(AccessToken.handedOver(handedOver, clock.instant()), null);
		}
	}

	/** The current token, or a new one when there is none or it has expired. */
	public Mono<AccessToken> token() {
		return Mono.defer(() -> {
			AccessToken usable = usableToken();
			return (usable != null) ? Mono.just(usable) : fetch();
		});
	}

	/**
	 * The current token if it is still valid, starting its renewal in the background when due; or
	 * {@code null} when the caller must wait for {@link #token()}. The allocation-free path of every
	 * call once a token exists.
	 */
	public AccessToken usableToken() {
		Cached cached = this.current;
		Instant now = this.clock.instant();
		if (cached == null || cached.token.isExpiredAt(now)) {
			return null;
		}
		if (cached.renewAt != null && !now.isBefore(cached.renewAt)) {
			renewInBackground(now);
		}
		return cached.token;
	}

	/** The current token if there is a valid one, without any request. */
	public AccessToken currentToken() {
		Cached cached = this.current;
		return (cached != null && !cached.token.isExpiredAt(this.clock.instant())) ? cached.token : null;
	}

	/**
	 * Drops the token if it is still the current one (compare-and-invalidate), so that the next
	 * call fetches a new one.
	 * @return whether it was dropped by this call
	 */
	public boolean invalidate(AccessToken refused) {
		synchronized (this.lock) {
			Cached cached = this.current;
			if (cached != null && cached.token == refused) {
				this.current = null;
				this.invalidations.incrementAndGet();
				logger.debug("{}: token dropped after the API refused it", this.registration);
				return true;
			}
			return false;
		}
	}

	private Mono<AccessToken> fetch() {
		synchronized (this.lock) {
			Cached cached = this.current;
			if (cached != null && !cached.token.isExpiredAt(this.clock.instant())) {
				return Mono.just(cached.token); // another caller's request completed meanwhile
			}
			return startRequest();
		}
	}

	private void renewInBackground(Instant now) {
		synchronized (this.lock) {
			if (this.inFlight != null || now.isBefore(this.nextRenewalAttempt)) {
				return;
			}
			logger.debug("{}: renewing the token in the background", this.registration);
			this.renewals.incrementAndGet();
			startRequest().subscribe((token) -> {
			}, (error) -> renewalFailed(error));
		}
	}

	private void renewalFailed(Throwable error) {
		synchronized (this.lock) {
			Cached cached = this.current;
			Instant now = this.clock.instant();
			Duration remaining = (cached != null && cached.token.expiresAt().isPresent())
					? Duration.between(now, cached.token.expiresAt().get()) : Duration.ZERO;
			Duration wait = clamp(remaining.dividedBy(10));
			this.nextRenewalAttempt = now.plus(wait);
			logger.warn("{}: background token renewal failed, the current token stays in use; next attempt in {}s: {}",
					this.registration, wait.toSeconds(), error.getMessage());
		}
	}

	private static Duration clamp(Duration wait) {
		if (wait.compareTo(MIN_RENEWAL_RETRY) < 0) {
			return MIN_RENEWAL_RETRY;
		}
		return (wait.compareTo(MAX_RENEWAL_RETRY) > 0) ? MAX_RENEWAL_RETRY : wait;
	}

	/** Joins the request in flight or starts one; called with {@link #lock} held. */
	private Mono<AccessToken> startRequest() {
		if (this.inFlight != null) {
			return this.inFlight;
		}
		if (this.client == null) {
			return Mono.error(handedOverTokenRefused());
		}
		Sinks.One<AccessToken> result = Sinks.one();
		this.inFlight = result.asMono();
		this.requests.incrementAndGet();
		this.client.requestToken()
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("token client completed without a token")))
			.subscribe((token) -> {
				synchronized (this.lock) {
					this.current = new Cached(token, renewAt(token));
					this.inFlight = null;
					this.nextRenewalAttempt = Instant.MIN;
				}
				result.tryEmitValue(token);
			}, (error) -> {
				synchronized (this.lock) {
					this.inFlight = null;
				}
				result.tryEmitError(error);
			});
		return result.asMono();
	}

	/** What this cache has done so far, for metrics and tests. */
	public Statistics statistics() {
		return new Statistics(this.requests.get(), this.renewals.get(), this.invalidations.get());
	}

	private Instant renewAt(AccessToken token) {
		return token.lifetime().map((lifetime) -> {
			Duration skew = this.refreshSkew.compareTo(lifetime.dividedBy(2)) < 0 ? this.refreshSkew
					: lifetime.dividedBy(2);
			return token.expiresAt().get().minus(skew);
		}).orElse(null);
	}

	private TokenRequestException handedOverTokenRefused() {
		return new TokenRequestException(this.registration, null, Reason.HANDED_OVER_TOKEN_REFUSED, 401, null, null,
				null, "the handed-over access token was refused or has expired",
				"Mint a new token in an earlier step, or configure client credentials so that ccauth can renew it", null);
	}

	private record Cached(AccessToken token, Instant renewAt) {
	}

	/**
	 * Counts of a token cache.
	 *
	 * @param requests token requests started (each may be retried inside)
	 * @param renewals of which background renewals before expiry
	 * @param invalidations tokens dropped after the API refused them
	 */
	public record Statistics(long requests, long renewals, long invalidations) {
	}

}
