package dev.ccauth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.RetrySettings;
import dev.ccauth.config.Secret;
import dev.ccauth.token.TokenRequestException.Reason;

/**
 * One registration's token: fetched once, shared by every call, renewed in the background
 * before it expires.
 * <ul>
 * <li>Single flight: however many calls find the cache cold, expired or due for renewal,
 * one token request is in flight at a time, and every waiting call gets its result. The
 * request runs on its own, so a caller that gives up does not cancel it for the
 * others.</li>
 * <li>Renewal starts at {@code expiresAt - min(refreshSkew, lifetime / 2)}; until the
 * token has really expired, calls go on with it and never wait for the token
 * endpoint.</li>
 * <li>{@link #invalidate(AccessToken)} drops a token only if it is still the current one,
 * so that many calls refused with the same token cause one new request.</li>
 * <li>Cool-down: once a token request has failed (after its own retries), the endpoint is
 * left alone for a while that grows with each failure in a row (from
 * {@code retry.initial-delay}, at least one second, by {@code retry.multiplier}, up to
 * {@code retry.max-delay}, and at least the server's {@code Retry-After}); calls that
 * need a new token meanwhile get that failure at once. A success ends it. Background
 * renewals follow the same schedule.</li>
 * </ul>
 * The lock guards a few fields only: no I/O, wait or logging happens while it is held,
 * and it is a {@link ReentrantLock}, so a virtual thread never pins its carrier here.
 */
final class TokenCache implements TokenSource {

	private static final Logger logger = LoggerFactory.getLogger(TokenCache.class);

	static final Duration MIN_COOL_DOWN = Duration.ofSeconds(1);

	private final RegistrationId registration;

	private final TokenClient client;

	private final Clock clock;

	private final Duration refreshSkew;

	private final RetrySettings retry;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile Cached current;

	/** The token request in flight, shared by every caller; guarded by {@link #lock}. */
	private Mono<AccessToken> inFlight;

	/**
	 * The last failure of a token request and when it happened; guarded by {@link #lock}.
	 */
	private volatile Failure lastFailure;

	/** Failed token requests in a row; guarded by {@link #lock}. */
	private int failuresInARow;

	/** No token request before this instant; guarded by {@link #lock}. */
	private volatile Instant coolDownUntil = Instant.MIN;

	/**
	 * The token the API refused, until a new one is obtained; guarded by {@link #lock}.
	 */
	private AccessToken refused;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong renewals = new AtomicLong();

	private final AtomicLong invalidations = new AtomicLong();

	/**
	 * @param registration the registration, for its handed-over token and settings
	 * @param client the token client, or {@code null} when the registration has no
	 * credentials
	 * @param clock the clock that decides expiry, renewal and cool-down
	 */
	TokenCache(Registration registration, TokenClient client, Clock clock) {
		this.registration = registration.id();
		this.client = client;
		this.clock = clock;
		this.refreshSkew = registration.token().refreshSkew();
		this.retry = registration.retry();
		Secret handedOver = registration.accessToken();
		if (handedOver != null) {
			this.current = new Cached(AccessToken.handedOver(handedOver, clock.instant()), null);
		}
	}

	@Override
	public RegistrationId registration() {
		return this.registration;
	}

	@Override
	public Mono<AccessToken> token() {
		return Mono.deferContextual((caller) -> {
			AccessToken usable = usableToken();
			return (usable != null) ? Mono.just(usable) : fetch(caller);
		});
	}

	@Override
	public AccessToken usableToken() {
		Cached cached = this.current;
		Instant now = this.clock.instant();
		if (cached == null || cached.token.isExpiredAt(now)) {
			return null;
		}
		if (cached.renewAt != null && !now.isBefore(cached.renewAt) && !now.isBefore(this.coolDownUntil)) {
			renewInBackground(cached.token);
		}
		return cached.token;
	}

	@Override
	public AccessToken currentToken() {
		Cached cached = this.current;
		return (cached != null && !cached.token.isExpiredAt(this.clock.instant())) ? cached.token : null;
	}

	@Override
	public boolean invalidate(AccessToken refused) {
		this.lock.lock();
		try {
			Cached cached = this.current;
			if (cached == null || !cached.token.sameValueAs(refused)) {
				return false;
			}
			this.current = null;
			this.refused = cached.token;
			this.invalidations.incrementAndGet();
		}
		finally {
			this.lock.unlock();
		}
		logger.debug("{}: token dropped after the API refused it", this.registration);
		if (this.client != null) {
			this.client.invalidated(refused);
		}
		return true;
	}

	@Override
	public Statistics statistics() {
		return new Statistics(this.requests.get(), this.renewals.get(), this.invalidations.get());
	}

	@Override
	public State state() {
		Cached cached = this.current;
		Failure failure = this.lastFailure;
		Instant now = this.clock.instant();
		Instant coolDown = this.coolDownUntil;
		AccessToken token = (cached != null && !cached.token.isExpiredAt(now)) ? cached.token : null;
		return new State(token != null, (token != null) ? token.expiresAt().orElse(null) : null,
				(token != null) ? token.obtainedAt() : null, (failure != null) ? failure.exception : null,
				(failure != null) ? failure.at : null, now.isBefore(coolDown) ? coolDown : null, this.client != null);
	}

	/**
	 * @param caller the Reactor context of the call that needs the token: the request it
	 * starts runs in it, so that a trace shows the token request inside the call that
	 * waited for it
	 */
	private Mono<AccessToken> fetch(ContextView caller) {
		Start start;
		this.lock.lock();
		try {
			Instant now = this.clock.instant();
			Cached cached = this.current;
			if (cached != null && !cached.token.isExpiredAt(now)) {
				return Mono.just(cached.token); // another caller's request completed
												// meanwhile
			}
			Failure failure = this.lastFailure;
			if (this.inFlight == null && failure != null && now.isBefore(this.coolDownUntil)) {
				return Mono.error(failure.exception.repeated(coolDownNote(Duration.between(now, this.coolDownUntil))));
			}
			start = (this.refused != null) ? claim(TokenClient.Trigger.INVALIDATED, this.refused)
					: claim(TokenClient.Trigger.FIRST, (cached != null) ? cached.token : null);
		}
		finally {
			this.lock.unlock();
		}
		return start.run(caller);
	}

	private void renewInBackground(AccessToken due) {
		Start start;
		this.lock.lock();
		try {
			if (this.inFlight != null || this.clock.instant().isBefore(this.coolDownUntil)) {
				return;
			}
			start = claim(TokenClient.Trigger.RENEWAL, due);
		}
		finally {
			this.lock.unlock();
		}
		this.renewals.incrementAndGet();
		logger.debug("{}: renewing the token in the background", this.registration);
		start.run(Context.empty()).subscribe((token) -> {
		}, (error) -> logger.warn(
				"{}: background token renewal failed, the current token stays in use until it expires: {}",
				this.registration, error.getMessage()));
	}

	/**
	 * Joins the request in flight, or claims the right to start one; called with
	 * {@link #lock} held. The request itself starts in {@link Start#run()}, after the
	 * lock is released.
	 */
	private Start claim(TokenClient.Trigger trigger, AccessToken previous) {
		if (this.inFlight != null) {
			return new Start(this.inFlight, null, trigger, previous);
		}
		if (this.client == null) {
			return new Start(Mono.error(handedOverTokenRefused()), null, trigger, previous);
		}
		Sinks.One<AccessToken> result = Sinks.one();
		this.inFlight = result.asMono();
		return new Start(this.inFlight, result, trigger, previous);
	}

	private void succeeded(AccessToken token, Sinks.One<AccessToken> result) {
		this.lock.lock();
		try {
			this.current = new Cached(token, renewAt(token));
			this.inFlight = null;
			this.refused = null;
			this.lastFailure = null;
			this.failuresInARow = 0;
			this.coolDownUntil = Instant.MIN;
		}
		finally {
			this.lock.unlock();
		}
		result.tryEmitValue(token);
	}

	private void failed(Throwable error, Sinks.One<AccessToken> result) {
		ContactCenterException failure = asContactCenterException(error);
		Duration wait;
		int failures;
		this.lock.lock();
		try {
			Instant now = this.clock.instant();
			this.inFlight = null;
			this.lastFailure = new Failure(failure, now);
			failures = ++this.failuresInARow;
			wait = coolDown(failures, failure);
			this.coolDownUntil = now.plus(wait);
		}
		finally {
			this.lock.unlock();
		}
		logger.debug("{}: token request failed ({} in a row); next request in {} ms at the earliest", this.registration,
				failures, wait.toMillis());
		result.tryEmitError(failure);
	}

	private String coolDownNote(Duration left) {
		long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
		return " ("
				+ ((this.failuresInARow == 1) ? "1 failed attempt to get a token"
						: this.failuresInARow + " failed attempts in a row to get a token")
				+ "; not asked again for " + seconds + "s)";
	}

	private Duration coolDown(int failures, ContactCenterException failure) {
		double base = Math.max(MIN_COOL_DOWN.toMillis(), this.retry.initialDelay().toMillis());
		double max = Math.max(base, this.retry.maxDelay().toMillis());
		double millis = Math.min(max, base * Math.pow(this.retry.multiplier(), Math.min(failures - 1, 64)));
		millis *= 1 + this.retry.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		Duration wait = Duration.ofMillis(Math.max(MIN_COOL_DOWN.toMillis(), (long) millis));
		Duration asked = failure.retryAfter().orElse(Duration.ZERO);
		return (asked.compareTo(wait) > 0) ? asked : wait;
	}

	private ContactCenterException asContactCenterException(Throwable error) {
		if (error instanceof ContactCenterException failure) {
			return failure;
		}
		return new TokenRequestException(this.registration, null, Reason.MALFORMED_RESPONSE, 0, null, null, null,
				"the token request failed unexpectedly (" + error.getClass().getSimpleName() + ")",
				"Run with debug logging of dev.ccauth for details", null);
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
				"Mint a new token in an earlier step, or configure client credentials so that ccauth can renew it",
				null);
	}

	private record Cached(AccessToken token, Instant renewAt) {
	}

	private record Failure(ContactCenterException exception, Instant at) {
	}

	/**
	 * A caller's part in a token request: the result to wait for and, for the one caller
	 * that claimed the request, the sink it completes.
	 */
	private final class Start {

		private final Mono<AccessToken> result;

		private final Sinks.One<AccessToken> sink;

		private final TokenClient.Trigger trigger;

		private final AccessToken previous;

		Start(Mono<AccessToken> result, Sinks.One<AccessToken> sink, TokenClient.Trigger trigger,
				AccessToken previous) {
			this.result = result;
			this.sink = sink;
			this.trigger = trigger;
			this.previous = previous;
		}

		Mono<AccessToken> run(ContextView caller) {
			if (this.sink != null) {
				TokenCache.this.requests.incrementAndGet();
				TokenCache.this.client.requestToken(this.trigger, this.previous)
					.switchIfEmpty(
							Mono.error(() -> new IllegalStateException("token client completed without a token")))
					.contextWrite(caller)
					.subscribe((token) -> succeeded(token, this.sink), (error) -> failed(error, this.sink));
			}
			return this.result;
		}

	}

}
