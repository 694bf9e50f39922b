package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox must not be the bottleneck of a benchmark: many connections, many requests,
 * all answered.
 */
@ExtendWith(SandboxExtension.class)
class ConcurrencyTest {

	private static final int CONCURRENT = 1_000;

	@Test
	void aThousandConcurrentRequestsAllSucceed(Sandbox sandbox) {
		Http http = new Http(sandbox);
		String genesys = http.genesysToken();
		String cxone = http.cxoneToken();
		// every request waits a little so that all of them are in flight at once, each on
		// its own connection
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofMillis(200));
		sandbox.latency(Endpoint.CXONE_AGENTS, Duration.ofMillis(200));
		ExecutorService executor = Executors.newFixedThreadPool(4);
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
		try {
			long start = System.nanoTime();
			List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
			for (int i = 0; i < CONCURRENT; i++) {
				HttpRequest request = i % 2 == 0
						? http.request("/api/v2/users?pageSize=10&pageNumber=" + (i % 14 + 1))
							.header("Authorization", "Bearer " + genesys)
							.build()
						: http.request(CxoneTest.AGENTS + "?top=10").header("Authorization", "Bearer " + cxone).build();
				responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
			}
			CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
			long millis = (System.nanoTime() - start) / 1_000_000;

			assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
			assertThat(sandbox.requestCountForToken(genesys) + sandbox.requestCountForToken(cxone))
				.isEqualTo(CONCURRENT);
			// with 200 ms of latency each, serial handling would take 200 s
			assertThat(millis).isLessThan(15_000);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void manyTokenRequestsAtOnce(Sandbox sandbox) {
		Http http = new Http(sandbox);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			HttpRequest request = http.request("/oauth/token")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization",
						Http.basic(sandbox.genesysClient().clientId(), sandbox.genesysClient().clientSecret()))
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build();
			responses.add(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();

		assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isEqualTo(200);
	}

}
