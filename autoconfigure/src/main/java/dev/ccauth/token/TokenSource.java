package dev.ccauth.token;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.retry.ContactCenterRetryPolicies;
import dev.ccauth.retry.RetryObserver;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One registration's token, shared by every client of the registration (its WebClient,
 * its RestClient, a Spring Security bridge, a token export): fetched once however many
 * calls need it, renewed in the background before it expires, dropped when the API
 * refuses it, and left alone for a growing cool-down when the token endpoint fails.
 */
public interface TokenSource {

	/** The registration whose token this is. */
	RegistrationId registration();

	/** The current token, or a new one when there is none or it has expired. */
	Mono<AccessToken> token();

	/**
	 * The current token if it is valid, starting its renewal in the background when due;
	 * or {@code null} when the caller must wait for {@link #token()}. The allocation-free
	 * path of every call once a token exists.
	 */
	AccessToken usableToken();

	/** The current token if there is a valid one, without any request. */
	AccessToken currentToken();

	/**
	 * Drops the token if it is still the current one (compare-and-invalidate, by value),
	 * so that many calls refused with the same token cause one new request.
	 * @return whether it was dropped by this call
	 */
	boolean invalidate(AccessToken refused);

	/** What this source has done so far. */
	Statistics statistics();

	/** Where this source stands now, without any request: for health checks and tools. */
	State state();

	/**
	 * A token source for a registration: a single-flight cache in front of the
	 * registration's token endpoint.
	 * @param registration the registration
	 * @param endpoints where its token endpoint is and how its tokens are asked for (from
	 * its platform)
	 */
	static Builder builder(Registration registration, PlatformEndpoints endpoints) {
		return new Builder(registration, endpoints);
	}

	/**
	 * Counts of a token source.
	 *
	 * @param requests token requests started (each may be retried inside)
	 * @param renewals of which background renewals before expiry
	 * @param invalidations tokens dropped after the API refused them
	 */
	record Statistics(long requests, long renewals, long invalidations) {
	}

	/**
	 * Where a token source stands: never the token itself.
	 *
	 * @param holdsValidToken whether it holds a token that has not expired
	 * @param expiresAt when that token expires, or {@code null} (none held, or a
	 * handed-over token of unknown expiry)
	 * @param obtainedAt when the request for that token was sent (the last renewal), or
	 * {@code null}
	 * @param lastFailure the last failure to get a token, or {@code null} since the last
	 * success
	 * @param lastFailureAt when it happened, or {@code null}
	 * @param coolDownUntil until when the token endpoint is left alone after that
	 * failure, or {@code null} when it is not
	 * @param canRenew whether it has credentials to get tokens (not a handed-over token
	 * only)
	 */
	record State(boolean holdsValidToken, java.time.Instant expiresAt, java.time.Instant obtainedAt,
			dev.ccauth.ContactCenterException lastFailure, java.time.Instant lastFailureAt,
			java.time.Instant coolDownUntil, boolean canRenew) {

		/** Whether the token endpoint is being left alone after a failure. */
		public boolean coolingDown() {
			return this.coolDownUntil != null;
		}

	}

	/** Builds a {@link TokenSource}. */
	final class Builder {

		private final Registration registration;

		private final PlatformEndpoints endpoints;

		private WebClient webClient;

		private RetryPolicy retryPolicy;

		private Clock clock = Clock.systemUTC();

		private Scheduler scheduler = Schedulers.parallel();

		private final List<TokenClient.Decorator> decorators = new ArrayList<>();

		private RetryObserver retryObserver = RetryObserver.NONE;

		private Builder(Registration registration, PlatformEndpoints endpoints) {
			this.registration = Objects.requireNonNull(registration, "registration");
			this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
		}

		/**
		 * The WebClient token requests go through: plain, without the application's
		 * filters, so that they never see credentials (default: one without timeouts).
		 */
		public Builder webClient(WebClient webClient) {
			this.webClient = webClient;
			return this;
		}

		/**
		 * Retries of rate-limited, failed or unreachable token requests (default: from
		 * the registration's settings).
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * The clock that decides expiry, renewal and cool-down (default: the system's).
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Where retry delays run (default: Reactor's parallel scheduler; virtual time in
		 * tests).
		 */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = scheduler;
			return this;
		}

		/** Told of every retry of a token request. */
		public Builder retryObserver(RetryObserver retryObserver) {
			this.retryObserver = retryObserver;
			return this;
		}

		/**
		 * Wraps the client that requests tokens: a shared store, metrics or traces; the
		 * first added is innermost.
		 */
		public Builder decorator(TokenClient.Decorator decorator) {
			this.decorators.add(decorator);
			return this;
		}

		public TokenSource build() {
			TokenClient client = null;
			if (this.registration.hasCredentials()) {
				WebClient webClient = (this.webClient != null) ? this.webClient : WebClient.create();
				RetryPolicy policy = (this.retryPolicy != null) ? this.retryPolicy
						: ContactCenterRetryPolicies.fromSettings().retryPolicy(this.registration);
				client = new OAuthTokenClient(this.registration, this.endpoints, webClient,
						new OAuthTokenClient.Timing(this.clock, policy, this.scheduler, this.retryObserver));
				for (TokenClient.Decorator decorator : this.decorators) {
					client = decorator.decorate(this.registration, client);
				}
			}
			return new TokenCache(this.registration, client, this.clock);
		}

	}

}
