package dev.ccauth.benchmarks;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.ccauth.benchmarks.Results.ColdStart;
import dev.ccauth.benchmarks.Results.Paging;
import dev.ccauth.benchmarks.Results.Stats;
import dev.ccauth.benchmarks.Results.Throughput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI-sized run: every scenario end to end with tiny sizes (seconds). It checks that
 * the harness works and asserts only what is deterministic (counts), never a timing: the
 * full run's figures are in {@code RESULTS.md}.
 */
class BenchmarkSmokeTests {

	@Test
	void everyScenarioRunsEndToEndAndCountsHold() {
		Settings settings = Settings.smoke();
		Results results = new Benchmark(settings, null).run();

		// 1. ccauth: one token request however many concurrent first calls; the stock
		// filter: at least one
		assertThat(results.coldStarts()).extracting(ColdStart::calls).containsExactlyElementsOf(settings.coldCalls());
		for (ColdStart cold : results.coldStarts()) {
			assertThat(cold.ccauthTokenRequests()).as("ccauth token requests for %d first calls", cold.calls())
				.isEqualTo(1);
			assertThat(cold.ccauthFailed()).isZero();
			assertThat(cold.stockTokenRequests()).isBetween(1L, (long) cold.calls());
			assertThat(cold.stockFailed()).isZero();
		}

		// 1 and 3 for Spring Security + ccauth-spring-security: one token request per N,
		// no call fails
		assertThat(results.bridge().coldStarts()).extracting(BridgeScenarios.ColdStart::calls)
			.containsExactlyElementsOf(settings.coldCalls());
		assertThat(results.bridge().coldStarts()).allSatisfy((cold) -> {
			assertThat(cold.tokenRequests()).as("bridge token requests for %d first calls", cold.calls()).isEqualTo(1);
			assertThat(cold.failed()).isZero();
		});
		assertThat(results.bridge().steady().tokenRequests()).isZero();
		assertThat(results.bridge().renewing().stats().errors()).isZero();
		assertThat(results.bridge().renewing().stats().calls()).isPositive();

		// 2. every client made calls at every concurrency, none failed
		assertThat(results.throughputs()).extracting(Throughput::concurrency)
			.containsExactlyElementsOf(settings.concurrencies());
		for (Throughput throughput : results.throughputs()) {
			for (Stats stats : new Stats[] { throughput.ccauth(), throughput.stock(), throughput.plain() }) {
				assertThat(stats.calls()).isPositive();
				assertThat(stats.errors()).isZero();
			}
			assertThat(throughput.roundRatios()).hasSize(settings.rounds());
		}

		// 3. with hour-long tokens nobody asks for a token during the load; no call fails
		// either way
		assertThat(results.renewal().ccauthSteady().tokenRequests()).isZero();
		assertThat(results.renewal().stockSteady().tokenRequests()).isZero();
		assertThat(results.renewal().ccauthSteady().stats().errors()).isZero();
		assertThat(results.renewal().ccauthRenewing().stats().errors()).isZero();
		assertThat(results.renewal().ccauthRenewing().stats().calls()).isPositive();

		// 4. every user, every page; each request beyond a page was a 429, at most one
		// per window change
		Paging paging = results.paging();
		int pages = settings.users() / settings.pageSize();
		int windows = (pages + settings.rateLimit() - 1) / settings.rateLimit();
		assertThat(paging.pages()).isEqualTo(pages);
		assertThat(paging.usersSeen()).isEqualTo(settings.users());
		assertThat(paging.requests()).isEqualTo(pages + paging.tooManyRequests());
		assertThat(paging.tooManyRequests()).isBetween(0, windows - 1);
		assertThat(paging.boundSeconds()).isPositive();

		// 5. not run at this size
		assertThat(results.sampleApp().skipped()).isNotNull();

		String markdown = Report.markdown(results, "smoke", OffsetDateTime.now());
		assertThat(markdown).contains("| # | Scenario | Figure | ccauth | stock filter | plain | Target | Verdict |")
			.contains("| 1 | N = 1 concurrent first calls")
			.contains("| 2 | GET")
			.contains("| 3 |")
			.contains("| 4 |")
			.contains("| 5 |")
			.contains("Targets met:")
			.contains("| Spring Security + ccauth-spring-security | stock filter |");
	}

	@Test
	void sampleAppRowIsSkippedWithTheReasonWhenTheJarIsMissing() {
		Results.SampleApp result = new SampleAppRun(Path.of("target/no-such-sample-app.jar"), 1, null).run();

		assertThat(result.skipped()).contains("no-such-sample-app.jar not found");
		assertThat(result.wallSeconds()).isEmpty();
	}

}
