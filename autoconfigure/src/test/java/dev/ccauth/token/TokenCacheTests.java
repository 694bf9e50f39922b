package dev.ccauth.token;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.OAuthClient;
import dev.ccauth.config.HttpSettings;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.RetrySettings;
import dev.ccauth.config.Secret;
import dev.ccauth.config.TokenSettings;
import dev.ccauth.config.TestDetails;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Malformation;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The token engine against the sandbox's real token endpoint, with a clock moved by hand.
 */
@ExtendWith(SandboxExtension.class)
class TokenCacheTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private Sandbox sandbox;

	@BeforeEach
	void setUp(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Test
	void thousandConcurrentCallsOnAColdCacheMakeOneTokenRequest() {
		TokenSource cache = cache(TokenSettings.DEFAULTS, null);
		List<AccessToken> tokens = Flux.range(0, 1000)
			.flatMap((i) -> cache.token(), 1000)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(tokens).hasSize(1000);
		assertThat(Set.copyOf(tokens.stream().map(AccessToken::value).toList())).hasSize(1);
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
	}

	@Test
	void concurrentCallsAcrossARenewalMakeExactlyOneMoreRequestAndNeverWait() {
		this.sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofMillis(300));
		TokenSource cache = cache(TokenSettings.DEFAULTS, null);
		AccessToken first = cache.token().block(Duration.ofSeconds(10));
		this.clock.advance(Duration.ofMinutes(56)); // past expiresAt - 5m, before expiry
		Set<AccessToken> seen = ConcurrentHashMap.newKeySet();
		// every call returns at once with the current token while the renewal takes 300
		// ms
		Flux.range(0, 500).flatMap((i) -> cache.token(), 500).doOnNext(seen::add).blockLast(Duration.ofMillis(250));
		assertThat(seen).containsExactly(first);
		await().atMost(Duration.ofSeconds(5)).until(() -> cache.currentToken() != first);
		Flux.range(0, 500).flatMap((i) -> cache.token(), 500).blockLast(Duration.ofSeconds(5));
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
	}

	@Test
	void shortLivedTokenIsRenewedAtHalfLifeNotOnEveryCall() {
		this.sandbox.tokenLifetime(Duration.ofSeconds(300));
		TokenSource cache = cache(TokenSettings.DEFAULTS, null);
		AccessToken first = cache.token().block(Duration.ofSeconds(10));
		assertThat(first.lifetime()).contains(Duration.ofSeconds(300));
		for (int second = 0; second < 149; second++) {
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(cache.token().block()).isSameAs(first);
		}
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1)); // 150 s: half of 300 s, as the
													// 5-minute skew is capped
		assertThat(cache.token().block()).isSameAs(first);
		await().atMost(Duration.ofSeconds(5)).until(() -> cache.currentToken() != first);
		for (int call = 0; call < 100; call++) {
			cache.token().block();
		}
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
	}

	@Test
	void expiredTokenIsReplacedBeforeUse() {
		TokenSource cache = cache(TokenSettings.DEFAULTS, null);
		AccessToken first = cache.token().block(Duration.ofSeconds(10));
		this.clock.advance(Duration.ofHours(2));
		AccessToken second = cache.token().block(Duration.ofSeconds(10));
		assertThat(second.value()).isNotEqualTo(first.value());
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
	}

	@Test
	void missingExpiresInUsesTheDefaultLifetime() {
		this.sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1, Malformation.NO_EXPIRES_IN);
		TokenSource cache = cache(new TokenSettings(Duration.ofMinutes(5), Duration.ofMinutes(20), null), null);
		AccessToken token = cache.token().block(Duration.ofSeconds(10));
		assertThat(token.lifetime()).contains(Duration.ofMinutes(20));
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(cache.token().block()).isSameAs(token);
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
	}

	@Test
	void handedOverTokenIsUsedWithoutAnyTokenRequest() {
		TokenSource cache = cache(TokenSettings.DEFAULTS, "minted-earlier");
		assertThat(cache.token().block().value()).isEqualTo("minted-earlier");
		this.clock.advance(Duration.ofDays(3));
		assertThat(cache.token().block().value()).isEqualTo("minted-earlier");
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isZero();
	}

	@Test
	void invalidateDropsOnlyTheCurrentTokenOnce() {
		TokenSource cache = cache(TokenSettings.DEFAULTS, null);
		AccessToken first = cache.token().block(Duration.ofSeconds(10));
		assertThat(cache.invalidate(first)).isTrue();
		assertThat(cache.invalidate(first)).isFalse();
		List<AccessToken> next = Flux.range(0, 64).flatMap((i) -> Mono.defer(() -> {
			cache.invalidate(first);
			return cache.token();
		}), 64).collectList().block(Duration.ofSeconds(10));
		assertThat(Set.copyOf(next)).hasSize(1);
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
	}

	@Test
	void bodyWithoutAccessTokenIsAnErrorThatSaysSo() {
		this.sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1, Malformation.NO_ACCESS_TOKEN);
		TokenSource cache = cache(TokenSettings.DEFAULTS, null);
		assertThatThrownBy(() -> cache.token().block(Duration.ofSeconds(10)))
			.isInstanceOfSatisfying(TokenRequestException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.MALFORMED_RESPONSE))
			.hasMessageContaining("without an access_token");
		// no token is kept from it: once the cool-down has passed, the next call asks
		// again
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(cache.token().block(Duration.ofSeconds(10))).isNotNull();
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
	}

	@Test
	void badSecretIsBadCredentialsAndNamesWhatToCheck() {
		Registration registration = registration(TokenSettings.DEFAULTS, null, "not-the-secret");
		TokenSource cache = source(registration);
		assertThatThrownBy(() -> cache.token().block(Duration.ofSeconds(10)))
			.isInstanceOfSatisfying(TokenRequestException.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.BAD_CREDENTIALS);
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.errorCode()).contains("invalid_client");
				assertThat(ex.registration()).isEqualTo(RegistrationId.genesys("test"));
			})
			.hasMessageContaining("client-secret")
			.hasMessageNotContaining("not-the-secret");
	}

	@Test
	void coolDownGrowsWithEachFailureInARowAndASuccessEndsIt() {
		this.sandbox.malformNext(Endpoint.GENESYS_TOKEN, 3, Malformation.NOT_JSON);
		RetrySettings retry = new RetrySettings(1, Duration.ofSeconds(2), 3.0, Duration.ofSeconds(10), 0.0,
				Duration.ofSeconds(180));
		Registration registration = registration(TokenSettings.DEFAULTS, null,
				this.sandbox.genesysClient().clientSecret(), retry);
		TokenSource cache = source(registration);
		// failures 1, 2 and 3 leave the endpoint alone for 2 s, 6 s, then 10 s
		// (max-delay)
		int requests = 0;
		for (Duration coolDown : List.of(Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(10))) {
			assertThatThrownBy(() -> cache.token().block(Duration.ofSeconds(10)))
				.isInstanceOf(TokenRequestException.class);
			assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(++requests);
			this.clock.advance(coolDown.minusMillis(1));
			assertThatThrownBy(() -> cache.token().block(Duration.ofSeconds(10)))
				.isInstanceOf(TokenRequestException.class)
				.hasMessageContaining("not asked again for 1s");
			assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(requests);
			this.clock.advance(Duration.ofMillis(1));
		}
		AccessToken token = cache.token().block(Duration.ofSeconds(10));
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(4);
		// a success resets the schedule: the next failure waits the initial delay again
		this.sandbox.malformNext(Endpoint.GENESYS_TOKEN, 1, Malformation.NOT_JSON);
		cache.invalidate(token);
		assertThatThrownBy(() -> cache.token().block(Duration.ofSeconds(10))).isInstanceOf(TokenRequestException.class);
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(cache.token().block(Duration.ofSeconds(10))).isNotNull();
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(6);
	}

	@Test
	void coolDownIsAtLeastTheRetryAfterOfTheEndpoint() {
		this.sandbox.failNext(Endpoint.GENESYS_TOKEN, 1, 429, Duration.ofSeconds(20));
		RetrySettings retry = new RetrySettings(1, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), 0.0,
				Duration.ofSeconds(180));
		Registration registration = registration(TokenSettings.DEFAULTS, null,
				this.sandbox.genesysClient().clientSecret(), retry);
		TokenSource cache = source(registration);
		assertThatThrownBy(() -> cache.token().block(Duration.ofSeconds(10))).isInstanceOfSatisfying(
				TokenRequestException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.RATE_LIMITED));
		this.clock.advance(Duration.ofSeconds(19));
		assertThatThrownBy(() -> cache.token().block(Duration.ofSeconds(10))).hasMessageContaining("not asked again");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(cache.token().block(Duration.ofSeconds(10))).isNotNull();
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
	}

	@Test
	void backgroundRenewalFollowsTheSameCoolDownWhileTheTokenStaysInUse() {
		RetrySettings retry = new RetrySettings(1, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(40), 0.0,
				Duration.ofSeconds(180));
		Registration registration = registration(TokenSettings.DEFAULTS, null,
				this.sandbox.genesysClient().clientSecret(), retry);
		TokenSource cache = source(registration);
		AccessToken first = cache.token().block(Duration.ofSeconds(10));
		this.sandbox.malformNext(Endpoint.GENESYS_TOKEN, 2, Malformation.NOT_JSON);
		this.clock.advance(Duration.ofMinutes(55)); // renewal due, 5 minutes left
		assertThat(cache.token().block()).isSameAs(first);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.requestCount(Endpoint.GENESYS_TOKEN) == 2);
		// calls go on with the valid token, and no renewal is tried before the cool-down
		// has passed
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(cache.token().block()).isSameAs(first);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(cache.token().block()).isSameAs(first);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sandbox.requestCount(Endpoint.GENESYS_TOKEN) == 3);
		this.clock.advance(Duration.ofSeconds(19));
		assertThat(cache.token().block()).isSameAs(first);
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(cache.token().block()).isSameAs(first);
		await().atMost(Duration.ofSeconds(5)).until(() -> cache.currentToken() != first);
		assertThat(this.sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(4);
	}

	private TokenSource cache(TokenSettings settings, String handedOver) {
		return source(registration(settings, handedOver, this.sandbox.genesysClient().clientSecret()));
	}

	private TokenSource source(Registration registration) {
		TokenGrant clientCredentials = () -> Map.of("grant_type", "client_credentials");
		return TokenSource
			.builder(registration,
					PlatformEndpoints.known(clientCredentials, registration.tokenUri(), registration.baseUrl()))
			.clock(this.clock)
			.build();
	}

	private Registration registration(TokenSettings settings, String handedOver, String secret) {
		return registration(settings, handedOver, secret, RetrySettings.DEFAULTS);
	}

	private Registration registration(TokenSettings settings, String handedOver, String secret, RetrySettings retry) {
		return Registration.builder(RegistrationId.genesys("test"), TestDetails.INSTANCE)
			.client(new OAuthClient(this.sandbox.genesysClient().clientId(), Secret.of(secret),
					ClientAuthentication.BASIC))
			.accessToken(Secret.ofNullable(handedOver))
			.tokenUri(URI.create(this.sandbox.genesysTokenUri()))
			.baseUrl(URI.create(this.sandbox.genesysBaseUrl()))
			.settings(settings, retry, HttpSettings.DEFAULTS)
			.build();
	}

}
