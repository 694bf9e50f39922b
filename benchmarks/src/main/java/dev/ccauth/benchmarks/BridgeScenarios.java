package dev.ccauth.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ccauth.benchmarks.Results.Phase;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;

/**
 * Scenarios 1 and 3 for "Spring Security + ccauth-spring-security"
 * ({@link BridgeClient}): the stock filter's own setup with the bridge module added,
 * measured the way {@link Benchmark} measures ccauth and the stock filter, so that its
 * rows sit next to theirs.
 */
final class BridgeScenarios {

	private final Settings settings;

	private final PrintStream progress;

	BridgeScenarios(Settings settings, PrintStream progress) {
		this.settings = settings;
		this.progress = progress;
	}

	/**
	 * The bridge's figures.
	 *
	 * @param coldStarts scenario 1: token requests (and failed calls) for each number of
	 * concurrent first calls
	 * @param steady scenario 3 with hour-long tokens
	 * @param renewing scenario 3 with tokens renewed during the load
	 */
	record BridgeResults(List<ColdStart> coldStarts, Phase steady, Phase renewing) {

		double p99Ratio() {
			return this.renewing.stats().p99Ms() / this.steady.stats().p99Ms();
		}

		BridgeResults withRenewal(Phase[] phases) {
			return new BridgeResults(this.coldStarts, phases[0], phases[1]);
		}

	}

	/** Scenario 1 for the bridge: a fresh application per N. */
	record ColdStart(int calls, long tokenRequests, long failed, double issueMillis) {
	}

	BridgeResults run(Sandbox sandbox) {
		return new BridgeResults(coldStarts(sandbox), null, null).withRenewal(renewal(sandbox));
	}

	List<ColdStart> coldStarts(Sandbox sandbox) {
		sandbox.reset();
		sandbox.latency(Endpoint.GENESYS_TOKEN, this.settings.coldTokenLatency());
		List<ColdStart> results = new ArrayList<>();
		for (int calls : this.settings.coldCalls()) {
			try (BridgeClient app = BridgeClient.start(sandbox)) {
				int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
				Load.Burst burst = Load.burst(() -> Clients.smallGet(app.webClient()), calls);
				ColdStart result = new ColdStart(calls, sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before,
						burst.failed(), burst.issueNanos() / 1e6);
				say("1. %,d concurrent first calls: token requests Spring Security + ccauth-spring-security %d"
						+ " (%d failed, issued in %.0f ms)", calls, result.tokenRequests(), result.failed(),
						result.issueMillis());
				results.add(result);
			}
		}
		sandbox.reset();
		return results;
	}

	/**
	 * Scenario 3 for the bridge: a steady and a renewing application, phases alternating.
	 */
	Phase[] renewal(Sandbox sandbox) {
		sandbox.reset();
		sandbox.latency(Endpoint.GENESYS_TOKEN, this.settings.renewalTokenLatency());
		try (BridgeClient steady = BridgeClient.start(sandbox); BridgeClient renewing = BridgeClient.start(sandbox)) {
			Clients.smallGet(steady.webClient()).block();
			sandbox.tokenLifetime(this.settings.renewalTokenLifetime());
			Clients.smallGet(renewing.webClient()).block();
			Map<String, BridgeClient> apps = new LinkedHashMap<>();
			apps.put("steady", steady);
			apps.put("renewing", renewing);
			Map<String, List<Load.Run>> runs = new LinkedHashMap<>();
			Map<String, long[]> counts = new LinkedHashMap<>();
			apps.keySet().forEach((name) -> {
				runs.put(name, new ArrayList<>());
				counts.put(name, new long[2]);
			});
			List<String> names = new ArrayList<>(apps.keySet());
			for (int round = 0; round < this.settings.renewalRounds(); round++) {
				for (int k = 0; k < names.size(); k++) {
					String name = names.get((k + round) % names.size());
					BridgeClient app = apps.get(name);
					Clients.smallGet(app.webClient()).block(); // not measured, as in
																// Benchmark.renewal
					System.gc();
					int tokensBefore = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
					long renewalsBefore = app.statistics().renewals();
					Load.Run run = Load.fixedRate(() -> Clients.smallGet(app.webClient()), this.settings.renewalRate(),
							this.settings.renewalPhase());
					counts.get(name)[0] += sandbox.requestCount(Endpoint.GENESYS_TOKEN) - tokensBefore;
					counts.get(name)[1] += app.statistics().renewals() - renewalsBefore;
					runs.get(name).add(run);
					say("3. Spring Security + ccauth-spring-security, %s, round %d: %d calls (%d failed), p99 %.2f ms",
							name, round + 1, run.calls(), run.errors(), Load.Percentiles.of(run.latencies()).p99());
				}
			}
			long slow = this.settings.renewalTokenLatency().toNanos();
			return new Phase[] { Benchmark.phase(runs, counts, "steady", slow),
					Benchmark.phase(runs, counts, "renewing", slow) };
		}
		finally {
			sandbox.reset();
		}
	}

	private void say(String format, Object... args) {
		if (this.progress != null) {
			this.progress.println(String.format(Locale.ROOT, format, args));
		}
	}

}
