package dev.ccauth.benchmarks;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.ccauth.benchmarks.MetricsOverhead.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics-overhead harness end to end, CI-sized: three applications, only one of them
 * with ccauth's meters. It asserts what is deterministic (the meters were on in that one,
 * one token request each, no call failed), never a timing.
 */
class MetricsOverheadSmokeTests {

	@Test
	void measuresThreeApplicationsOnlyOneOfThemMetered() {
		Outcome outcome = new MetricsOverhead(MetricsOverhead.Settings.smoke(), null).run();
		assertThat(outcome.tokenRequests()).isEqualTo(1.0);
		assertThat(outcome.updatesDuringLoad()).as("calls with a token record nothing").isZero();
		assertThat(outcome.meters()).anyMatch((meter) -> meter.startsWith("ccauth.token.requests"))
			.anyMatch((meter) -> meter.startsWith("ccauth.token.expires.in"))
			.noneMatch((meter) -> meter.startsWith("ccauth.http.retries"));
		assertThat(outcome.rows()).hasSize(2).allSatisfy((row) -> {
			assertThat(row.stats()).containsOnlyKeys(MetricsOverhead.VARIANTS);
			row.stats().values().forEach((stats) -> {
				assertThat(stats.calls()).isPositive();
				assertThat(stats.errors()).isZero();
			});
			assertThat(row.metricsRatios()).hasSize(1);
		});
		String markdown = MetricsOverheadReport.markdown(outcome, "smoke", OffsetDateTime.now());
		assertThat(markdown).contains("## Metrics on the hot path (issue 14)", "| 1 | metrics |", "| 4 | control |",
				"`ccauth.token.requests` = 1");
	}

}
