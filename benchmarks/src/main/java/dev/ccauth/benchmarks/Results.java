package dev.ccauth.benchmarks;

import java.time.Duration;
import java.util.List;

/** What one benchmark run measured, scenario by scenario (all from the same run). */
public record Results(Settings settings, List<ColdStart> coldStarts, List<Throughput> throughputs, Renewal renewal,
		Paging paging, SampleApp sampleApp, Duration took, String loadBefore, String loadAfter,
		BridgeScenarios.BridgeResults bridge) {

	/**
	 * Scenario 1: {@code calls} concurrent first calls on a fresh client.
	 *
	 * @param ccauthTokenRequests token requests the sandbox received from ccauth
	 * @param ccauthFailed calls that failed
	 * @param ccauthIssueMillis time from the first call's start to the last one's (all
	 * must start before the first token comes back for the count to mean "concurrent")
	 */
	public record ColdStart(int calls, long ccauthTokenRequests, long ccauthFailed, double ccauthIssueMillis,
			long stockTokenRequests, long stockFailed, double stockIssueMillis, String firstError) {
	}

	/**
	 * One client's figures in a latency scenario.
	 *
	 * @param cpuMicrosPerCall CPU time of the whole process (client and sandbox) per
	 * successful call
	 * @param bytesPerCall bytes allocated by the whole process per successful call
	 */
	public record Stats(long calls, long errors, double perSecond, double p50Ms, double p99Ms, double maxMs,
			double cpuMicrosPerCall, double bytesPerCall, String firstError) {

		static Stats of(List<Load.Run> runs) {
			long calls = 0;
			long errors = 0;
			long nanos = 0;
			long cpu = 0;
			long bytes = 0;
			String firstError = null;
			for (Load.Run run : runs) {
				calls += run.calls();
				errors += run.errors();
				nanos += run.elapsedNanos();
				cpu += run.cpuNanos();
				bytes += run.allocatedBytes();
				if (firstError == null && run.firstError() != null) {
					firstError = String.valueOf(run.firstError());
				}
			}
			Load.Percentiles percentiles = Load.Percentiles.of(Load.concat(runs));
			return new Stats(calls, errors, (nanos == 0) ? 0 : calls * 1e9 / nanos, percentiles.p50(),
					percentiles.p99(), percentiles.max(), (calls == 0) ? Double.NaN : cpu / 1e3 / calls,
					(calls == 0) ? Double.NaN : (double) bytes / calls, firstError);
		}

	}

	/**
	 * Scenario 2 at one concurrency.
	 *
	 * @param roundRatios ccauth / plain throughput of each round (the two ran back to
	 * back in it)
	 * @param stockRoundRatios stock filter / plain throughput of each round
	 */
	public record Throughput(int concurrency, Stats ccauth, Stats stock, Stats plain, List<Double> roundRatios,
			List<Double> stockRoundRatios) {

		/**
		 * The median of the per-round ratios: robust to a burst of load elsewhere on the
		 * machine.
		 */
		public double ratio() {
			return median(this.roundRatios);
		}

		public double stockRatio() {
			return median(this.stockRoundRatios);
		}

		/** ccauth's calls per second over all rounds / plain's over all rounds. */
		public double totalRatio() {
			return this.ccauth.perSecond() / this.plain.perSecond();
		}

		static double median(List<Double> values) {
			List<Double> sorted = values.stream().sorted().toList();
			if (sorted.isEmpty()) {
				return Double.NaN;
			}
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		}

	}

	/**
	 * One phase kind of scenario 3, over all its rounds.
	 *
	 * @param tokenRequests token requests the sandbox received during the measured phases
	 * @param renewals background renewals ccauth counted during them (0 for the stock
	 * filter)
	 * @param slowCalls calls that took at least the token endpoint's added latency: calls
	 * that (almost surely) waited for a token
	 * @param roundP99s the p99 of each round's phase, in milliseconds
	 */
	public record Phase(Stats stats, long tokenRequests, long renewals, long slowCalls, List<Double> roundP99s) {
	}

	/** Scenario 3: the same open-loop load with and without token renewals inside it. */
	public record Renewal(Phase ccauthSteady, Phase ccauthRenewing, Phase stockSteady, Phase stockRenewing) {

		public double ccauthP99Ratio() {
			return this.ccauthRenewing.stats().p99Ms() / this.ccauthSteady.stats().p99Ms();
		}

		public double stockP99Ratio() {
			return this.stockRenewing.stats().p99Ms() / this.stockSteady.stats().p99Ms();
		}

	}

	/**
	 * Scenario 4: paging every user sequentially with the per-token rate limit on.
	 *
	 * @param unthrottledSeconds the same paging with no limit (same client, just before)
	 * @param boundSeconds the least time any client can take under the limit
	 * @param wallSeconds ccauth's time, first request sent to last page received
	 * @param requests API requests ccauth made, retries included
	 * @param tooManyRequests 429 responses ccauth received
	 * @param usersSeen users ccauth received
	 * @param stockOutcome what the same paging did through the stock filter
	 * @param stockTooManyRequests 429 responses the stock filter received
	 */
	public record Paging(int users, int pageSize, int pages, int limit, Duration window, double unthrottledSeconds,
			double boundSeconds, double wallSeconds, int requests, int tooManyRequests, int usersSeen,
			String stockOutcome, int stockTooManyRequests) {

		public double ratio() {
			return this.wallSeconds / this.boundSeconds;
		}

	}

	/**
	 * Scenario 5.
	 *
	 * @param skipped why it did not run, or {@code null}
	 * @param wallSeconds each run's wall time
	 * @param peakRssKiB highest peak resident set size of a run ({@code VmHWM}), -1 when
	 * unknown
	 * @param exitCodes each run's exit code
	 * @param jar the jar's size and modification time, so that a reader knows which build
	 * was measured
	 */
	public record SampleApp(String command, String skipped, List<Double> wallSeconds, long peakRssKiB,
			List<Integer> exitCodes, String lastErrorOutput, String jar) {

		public double medianWallSeconds() {
			List<Double> sorted = this.wallSeconds.stream().sorted().toList();
			return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
		}

	}

}
