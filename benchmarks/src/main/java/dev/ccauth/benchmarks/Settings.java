package dev.ccauth.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The sizes of one benchmark run. {@link #full()} is the documented run (a few minutes on
 * two cores); {@link #smoke()} is the CI-sized one the unit test runs (seconds), which
 * checks that the harness works, not how fast anything is.
 *
 * @param coldCalls scenario 1: numbers of concurrent first calls, each on a fresh client
 * @param coldTokenLatency scenario 1: latency added to the token endpoint, so that every
 * first call is surely in flight before the first token comes back
 * @param concurrencies scenario 2: closed-loop concurrencies
 * @param warmup scenario 2: warm-up per client at the highest concurrency, in 2 s chunks
 * with the clients taking turns; not measured
 * @param run scenario 2: one measured run of one client at one concurrency
 * @param rounds scenario 2: measured rounds per concurrency (after one unmeasured round);
 * in each, every client runs once, in an order rotated from round to round
 * @param renewalPhase scenario 3: one measured phase of one client
 * @param renewalRounds scenario 3: rounds of the four phases, in rotated order
 * @param renewalRate scenario 3: fixed request rate (requests per second, open loop)
 * @param renewalTokenLifetime scenario 3: token lifetime of the renewing phases (whole
 * seconds)
 * @param renewalTokenLatency scenario 3: latency added to the token endpoint, so a call
 * that waited for it shows
 * @param users users in the sandbox (scenario 4 pages through all of them)
 * @param pageSize scenario 4: users per page
 * @param rateLimit scenario 4: API requests per window per token
 * @param rateWindow scenario 4: the window (whole seconds)
 * @param sampleJar scenario 5: the sample app's jar; skipped when absent
 * @param sampleRuns scenario 5: runs of the sample app (median wall time, highest peak
 * RSS)
 */
public record Settings(List<Integer> coldCalls, Duration coldTokenLatency, List<Integer> concurrencies, Duration warmup,
		Duration run, int rounds, Duration renewalPhase, int renewalRounds, int renewalRate,
		Duration renewalTokenLifetime, Duration renewalTokenLatency, int users, int pageSize, int rateLimit,
		Duration rateWindow, Path sampleJar, int sampleRuns) {

	/** Where the sample app's build puts its jar, relative to the repository root. */
	public static final Path DEFAULT_SAMPLE_JAR = Path.of("sample-app/target/ccauth-sample-app.jar");

	/** The documented full run. */
	public static Settings full() {
		return new Settings(List.of(1, 10, 100, 1_000), Duration.ofSeconds(2), List.of(1, 64), Duration.ofSeconds(10),
				Duration.ofMillis(1_500), 8, Duration.ofSeconds(5), 3, 250, Duration.ofSeconds(4),
				Duration.ofMillis(200), 10_000, 100, 20, Duration.ofSeconds(2), DEFAULT_SAMPLE_JAR, 3);
	}

	/** CI-sized: every scenario end to end with tiny sizes; the sample app is not run. */
	public static Settings smoke() {
		return new Settings(List.of(1, 10, 50), Duration.ofMillis(100), List.of(1, 4), Duration.ofMillis(300),
				Duration.ofMillis(200), 1, Duration.ofMillis(1_200), 1, 100, Duration.ofSeconds(1),
				Duration.ofMillis(50), 300, 10, 10, Duration.ofSeconds(1), null, 0);
	}

	public Settings withSampleJar(Path jar, int runs) {
		return new Settings(coldCalls, coldTokenLatency, concurrencies, warmup, run, rounds, renewalPhase,
				renewalRounds, renewalRate, renewalTokenLifetime, renewalTokenLatency, users, pageSize, rateLimit,
				rateWindow, jar, runs);
	}

}
