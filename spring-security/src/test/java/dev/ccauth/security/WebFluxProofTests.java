package dev.ccauth.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP against the sandbox: a WebFlux application's own WebClient with Spring
 * Security's {@code ServerOAuth2AuthorizedClientExchangeFilterFunction}, without the
 * module and with it.
 */
@ExtendWith(SandboxExtension.class)
class WebFluxProofTests {

	private static final String USERS = "/api/v2/users?pageSize=1";

	private static final Duration TOKEN_LATENCY = Duration.ofSeconds(15);

	@Test
	void thousandConcurrentColdCallsMakeOneTokenRequestWithTheModuleAndAThousandWithout(Sandbox sandbox) {
		// slow enough that every call is in flight before the first token comes back:
		// starting 1,000
		// calls through the stock filter took 4 s on the 2-core build machine at a load
		// of 11
		sandbox.latency(Endpoint.GENESYS_TOKEN, TOKEN_LATENCY);
		int without = coldCalls(sandbox, false, 1000);
		int with = coldCalls(sandbox, true, 1000);
		assertThat(without).as("token requests of the stock filter").isEqualTo(1000);
		assertThat(with).as("token requests with ccauth-spring-security").isEqualTo(1);
	}

	private int coldCalls(Sandbox sandbox, boolean withModule, int calls) {
		AtomicInteger tokenRequests = new AtomicInteger();
		HostApplications.webFlux(withModule).withPropertyValues(HostApplications.genesys(sandbox)).run((context) -> {
			WebClient api = context.getBean("apiWebClient", WebClient.class);
			int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
			long start = System.nanoTime();
			AtomicLong lastStart = new AtomicLong();
			List<String> bodies = Flux.range(0, calls).flatMap((call) -> Mono.defer(() -> {
				lastStart.set(System.nanoTime());
				return api.get().uri(USERS).retrieve().bodyToMono(String.class);
			}), calls).collectList().block(Duration.ofSeconds(60));
			assertThat(Duration.ofNanos(lastStart.get() - start)).as("time to start every call")
				.isLessThan(TOKEN_LATENCY);
			assertThat(bodies).hasSize(calls).allSatisfy((body) -> assertThat(body).contains("\"entities\""));
			tokenRequests.set(sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before);
		});
		return tokenRequests.get();
	}

	@Test
	void aRevokedTokenMakesOneNewTokenRequestFor64ConcurrentCallsWithTheModule(Sandbox sandbox) {
		int without = afterRevocation(sandbox, false);
		int with = afterRevocation(sandbox, true);
		assertThat(without).as("new token requests of the stock filter").isEqualTo(64);
		assertThat(with).as("new token requests with ccauth-spring-security").isEqualTo(1);
	}

	/**
	 * One call for a token, then the token revoked and 64 concurrent calls, all sent with
	 * it before the first answer (the API is slowed): all refused, none replayed (Spring
	 * never replays). Then 64 concurrent calls that must all work, sent before the first
	 * new token comes back (the token endpoint is slowed).
	 * @return the token requests made after the revocation
	 */
	private int afterRevocation(Sandbox sandbox, boolean withModule) {
		AtomicInteger tokenRequests = new AtomicInteger();
		HostApplications.webFlux(withModule).withPropertyValues(HostApplications.genesys(sandbox)).run((context) -> {
			WebClient api = context.getBean("apiWebClient", WebClient.class);
			api.get().uri(USERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
			sandbox.revokeAllTokens();
			int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
			sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofSeconds(3));
			AtomicInteger refused = new AtomicInteger();
			Flux.range(0, 64)
				.flatMap((call) -> api.get()
					.uri(USERS)
					.retrieve()
					.bodyToMono(String.class)
					.onErrorResume(WebClientResponseException.Unauthorized.class, (ex) -> {
						refused.incrementAndGet();
						return Mono.empty();
					}), 64)
				.blockLast(Duration.ofSeconds(30));
			assertThat(refused).as("calls refused with the revoked token").hasValue(64);
			sandbox.latency(Endpoint.GENESYS_USERS, Duration.ZERO);
			sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofSeconds(3));
			List<String> after = Flux.range(0, 64)
				.flatMap((call) -> api.get().uri(USERS).retrieve().bodyToMono(String.class), 64)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(after).hasSize(64);
			tokenRequests.set(sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before);
			sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ZERO);
		});
		return tokenRequests.get();
	}

	@Test
	void theTokenIsRenewedInTheBackgroundHalfWayThroughAShortLifetime(Sandbox sandbox) {
		sandbox.tokenLifetime(Duration.ofSeconds(4)); // renewed at expires_at - min(5m,
														// 4s / 2)
		HostApplications.webFlux(true).withPropertyValues(HostApplications.genesys(sandbox)).run((context) -> {
			WebClient api = context.getBean("apiWebClient", WebClient.class);
			TokenSource tokens = context.getBean(SpringSecurityBridge.class).tokenSource("genesys").orElseThrow();
			api.get().uri(USERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
			AccessToken first = tokens.currentToken();
			sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofSeconds(1));
			Thread.sleep(first.expiresAt().orElseThrow().toEpochMilli() - System.currentTimeMillis() - 1_800);
			long start = System.nanoTime();
			api.get().uri(USERS).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
			long waitedMillis = (System.nanoTime() - start) / 1_000_000;
			assertThat(waitedMillis).as("the call went on with the valid token").isLessThan(900);
			assertThat(tokens.statistics().renewals()).isEqualTo(1);
			Thread.sleep(1_500);
			assertThat(tokens.currentToken().sameValueAs(first)).as("renewed meanwhile").isFalse();
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(2);
		});
	}

	@Test
	void aCxoneAccessKeyRegistrationListsAgentsWithTheModuleOnly(Sandbox sandbox) {
		HostApplications.webFlux(true).withPropertyValues(HostApplications.cxone(sandbox)).run((context) -> {
			String agents = context.getBean("apiWebClient", WebClient.class)
				.get()
				.uri("/incontactapi/services/v34.0/agents")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(agents).contains("\"agents\"").contains("\"agentId\"");
			assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(1);
		});
		// Spring Security 7 has no password grant: the call goes out without a token
		HostApplications.webFlux(false).withPropertyValues(HostApplications.cxone(sandbox)).run((context) -> {
			Mono<String> call = context.getBean("apiWebClient", WebClient.class)
				.get()
				.uri("/incontactapi/services/v34.0/agents")
				.retrieve()
				.bodyToMono(String.class);
			assertThat(call.map((body) -> "listed")
				.onErrorResume((ex) -> Mono.just(ex.getClass().getSimpleName()))
				.block(Duration.ofSeconds(10))).isNotEqualTo("listed");
		});
	}

}
