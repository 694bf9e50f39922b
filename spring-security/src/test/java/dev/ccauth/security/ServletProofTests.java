package dev.ccauth.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP against the sandbox: a servlet application's own RestClient with Spring
 * Security's {@code OAuth2ClientHttpRequestInterceptor}, without the module and with it.
 * Each call runs on a thread of its own, as calls made from request threads do.
 */
@ExtendWith(SandboxExtension.class)
class ServletProofTests {

	private static final String USERS = "/api/v2/users?pageSize=1";

	/** Below the 10 s read timeout of Spring Security's token client. */
	private static final Duration TOKEN_LATENCY = Duration.ofSeconds(8);

	@Test
	void thousandConcurrentColdCallsMakeOneTokenRequestWithTheModuleAndAThousandWithout(Sandbox sandbox)
			throws Exception {
		// slow enough that every call is in flight before the first token comes back
		sandbox.latency(Endpoint.GENESYS_TOKEN, TOKEN_LATENCY);
		int without = coldCalls(sandbox, false, 1000);
		int with = coldCalls(sandbox, true, 1000);
		assertThat(without).as("token requests of the stock interceptor").isEqualTo(1000);
		assertThat(with).as("token requests with ccauth-spring-security").isEqualTo(1);
	}

	private int coldCalls(Sandbox sandbox, boolean withModule, int calls) {
		AtomicInteger tokenRequests = new AtomicInteger();
		HostApplications.servlet(withModule).withPropertyValues(HostApplications.genesys(sandbox)).run((context) -> {
			RestClient api = context.getBean("apiRestClient", RestClient.class);
			int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
			long start = System.nanoTime();
			AtomicLong lastStart = new AtomicLong();
			List<String> bodies = concurrently(calls, () -> {
				lastStart.accumulateAndGet(System.nanoTime(), Math::max);
				return api.get().uri(USERS).retrieve().body(String.class);
			});
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
		assertThat(without).as("new token requests of the stock interceptor").isEqualTo(64);
		assertThat(with).as("new token requests with ccauth-spring-security").isEqualTo(1);
	}

	/**
	 * As {@code WebFluxProofTests.afterRevocation}: 64 refused calls, then 64 that must
	 * work.
	 */
	private int afterRevocation(Sandbox sandbox, boolean withModule) {
		AtomicInteger tokenRequests = new AtomicInteger();
		HostApplications.servlet(withModule).withPropertyValues(HostApplications.genesys(sandbox)).run((context) -> {
			RestClient api = context.getBean("apiRestClient", RestClient.class);
			api.get().uri(USERS).retrieve().body(String.class);
			sandbox.revokeAllTokens();
			int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
			sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofSeconds(3));
			List<String> refused = concurrently(64, () -> {
				try {
					return api.get().uri(USERS).retrieve().body(String.class);
				}
				catch (HttpClientErrorException.Unauthorized ex) {
					return "refused";
				}
			});
			assertThat(refused).as("calls refused with the revoked token").containsOnly("refused");
			sandbox.latency(Endpoint.GENESYS_USERS, Duration.ZERO);
			sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofSeconds(3));
			List<String> after = concurrently(64, () -> api.get().uri(USERS).retrieve().body(String.class));
			assertThat(after).hasSize(64).allSatisfy((body) -> assertThat(body).contains("\"entities\""));
			tokenRequests.set(sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before);
			sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ZERO);
		});
		return tokenRequests.get();
	}

	@Test
	void aCxoneAccessKeyRegistrationListsAgents(Sandbox sandbox) {
		HostApplications.servlet(true).withPropertyValues(HostApplications.cxone(sandbox)).run((context) -> {
			String agents = context.getBean("apiRestClient", RestClient.class)
				.get()
				.uri("/incontactapi/services/v34.0/agents")
				.retrieve()
				.body(String.class);
			assertThat(agents).contains("\"agents\"").contains("\"agentId\"");
		});
	}

	/** Runs the call on that many threads at once and returns every result. */
	static List<String> concurrently(int calls, java.util.concurrent.Callable<String> call) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(calls);
		try {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				futures.add(threads.submit(call));
			}
			List<String> results = new ArrayList<>();
			for (Future<String> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
