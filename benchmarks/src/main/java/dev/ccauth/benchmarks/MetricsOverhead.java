package dev.ccauth.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;

import dev.ccauth.benchmarks.Clients.Ccauth;
import dev.ccauth.benchmarks.Results.Stats;
import dev.ccauth.testkit.Sandbox;

/**
 * Issue 14: what ccauth's meters cost a call that has its token. Scenario 2's
 * authenticated GET, closed loop, with three ccauth applications side by side on one
 * sandbox: the <b>baseline</b> (no {@link MeterRegistry}: no meters), a <b>control</b>
 * identical to it (how far two identical clients differ from round to round on this
 * machine: the noise), and one with a {@link SimpleMeterRegistry} bean, so that ccauth's
 * metrics auto-configuration puts its meters in (<b>metrics</b>). Warm-up and rounds as
 * in scenario 2, the order rotated each round; the figure is the median of the per-round
 * ratios to the baseline, set beside the control's.
 */
final class MetricsOverhead {

	static final List<String> VARIANTS = List.of("baseline", "control", "metrics");

	/** Warm-up runs in chunks of this length, the clients taking turns. */
	private static final Duration WARMUP_CHUNK = Duration.ofSeconds(2);

	private static final int RUN_CAPACITY = 1 << 20;

	/**
	 * @param concurrencies closed-loop concurrencies
	 * @param warmup warm-up per client at the highest concurrency, in chunks with the
	 * clients taking turns
	 * @param run one measured run of one client at one concurrency
	 * @param rounds measured rounds per concurrency, after one unmeasured round
	 */
	record Settings(List<Integer> concurrencies, Duration warmup, Duration run, int rounds) {

		static Settings full() {
			return new Settings(List.of(1, 64), Duration.ofSeconds(10), Duration.ofMillis(1_500), 8);
		}

		/** CI-sized: checks the harness, not a speed. */
		static Settings smoke() {
			return new Settings(List.of(1, 4), Duration.ofMillis(300), Duration.ofMillis(200), 1);
		}

	}

	/**
	 * One concurrency.
	 *
	 * @param stats each variant's figures over all rounds
	 * @param metricsRatios metrics / baseline throughput of each round
	 * @param controlRatios control / baseline throughput of each round
	 */
	record Row(int concurrency, Map<String, Stats> stats, List<Double> metricsRatios, List<Double> controlRatios) {

		double metricsRatio() {
			return Results.Throughput.median(this.metricsRatios);
		}

		double controlRatio() {
			return Results.Throughput.median(this.controlRatios);
		}

		/**
		 * Whether the metrics' median ratio lies within the range of the control's
		 * per-round ratios.
		 */
		boolean withinNoise() {
			double low = this.controlRatios.stream().mapToDouble(Double::doubleValue).min().orElse(1);
			double high = this.controlRatios.stream().mapToDouble(Double::doubleValue).max().orElse(1);
			return Math.min(low, 1) <= metricsRatio() && metricsRatio() <= Math.max(high, 1);
		}

	}

	/**
	 * @param meters the ccauth meters the metrics application's registry held after the
	 * run (name and tags), proof that they were on
	 * @param tokenRequests its {@code ccauth.token.requests} count
	 * @param updatesDuringLoad how many times a ccauth counter or timer was updated from
	 * the end of the first calls to the end of the run: what the calls themselves
	 * recorded
	 */
	record Outcome(List<Row> rows, List<String> meters, double tokenRequests, long updatesDuringLoad, Settings settings,
			Duration took, String loadBefore, String loadAfter) {
	}

	private final Settings settings;

	private final PrintStream progress;

	MetricsOverhead(Settings settings, PrintStream progress) {
		this.settings = settings;
		this.progress = progress;
	}

	Outcome run() {
		long start = System.nanoTime();
		String loadBefore = Benchmark.loadAverage();
		MeterRegistry registry = new SimpleMeterRegistry();
		try (Sandbox sandbox = Sandbox.start();
				Ccauth baseline = Ccauth.start(sandbox);
				Ccauth control = Ccauth.start(sandbox);
				Ccauth metrics = Ccauth.start(sandbox,
						(context) -> context.getBeanFactory().registerSingleton("meterRegistry", registry))) {
			Map<String, Supplier<Mono<?>>> clients = new LinkedHashMap<>();
			clients.put("baseline", () -> Clients.smallGet(baseline.webClient()));
			clients.put("control", () -> Clients.smallGet(control.webClient()));
			clients.put("metrics", () -> Clients.smallGet(metrics.webClient()));
			clients.values().forEach((call) -> call.get().block(Duration.ofSeconds(10))); // the
																							// tokens
			long updatesBefore = updates(registry);
			warmUp(clients);
			List<Row> rows = new ArrayList<>();
			for (int concurrency : this.settings.concurrencies()) {
				rows.add(measure(clients, concurrency));
			}
			List<String> meters = registry.getMeters()
				.stream()
				.map(Meter::getId)
				.filter((id) -> id.getName().startsWith("ccauth."))
				.map((id) -> id.getName() + id.getTags())
				.sorted()
				.toList();
			double tokenRequests = registry.find("ccauth.token.requests")
				.counters()
				.stream()
				.mapToDouble((counter) -> counter.count())
				.sum();
			return new Outcome(rows, meters, tokenRequests, updates(registry) - updatesBefore, this.settings,
					Duration.ofNanos(System.nanoTime() - start), loadBefore, Benchmark.loadAverage());
		}
	}

	/** Increments of ccauth's counters and recordings of its timers so far. */
	private static long updates(MeterRegistry registry) {
		double counts = registry.find("ccauth.token.requests").counters().stream().mapToDouble((c) -> c.count()).sum()
				+ registry.find("ccauth.http.retries").counters().stream().mapToDouble((c) -> c.count()).sum();
		long recordings = registry.find("ccauth.token.request.duration")
			.timers()
			.stream()
			.mapToLong((t) -> t.count())
			.sum() + registry.find("ccauth.http.retry.wait").timers().stream().mapToLong((t) -> t.count()).sum();
		return (long) counts + recordings;
	}

	private void warmUp(Map<String, Supplier<Mono<?>>> clients) {
		int highest = this.settings.concurrencies().stream().mapToInt(Integer::intValue).max().orElse(1);
		Duration chunk = (this.settings.warmup().compareTo(WARMUP_CHUNK) < 0) ? this.settings.warmup() : WARMUP_CHUNK;
		long chunks = Math.max(1, this.settings.warmup().toMillis() / chunk.toMillis());
		for (long i = 0; i < chunks; i++) {
			for (int k = 0; k < VARIANTS.size(); k++) {
				Load.closedLoop(clients.get(VARIANTS.get((int) ((k + i) % VARIANTS.size()))), highest, chunk,
						RUN_CAPACITY);
			}
		}
		say("metrics overhead: warmed up");
	}

	private Row measure(Map<String, Supplier<Mono<?>>> clients, int concurrency) {
		Map<String, List<Load.Run>> runs = new LinkedHashMap<>();
		VARIANTS.forEach((name) -> runs.put(name, new ArrayList<>()));
		List<Double> metricsRatios = new ArrayList<>();
		List<Double> controlRatios = new ArrayList<>();
		// round 0 is one more warm-up at this concurrency, not counted
		for (int round = 0; round <= this.settings.rounds(); round++) {
			Map<String, Load.Run> thisRound = new LinkedHashMap<>();
			for (int k = 0; k < VARIANTS.size(); k++) {
				String name = VARIANTS.get((k + round) % VARIANTS.size());
				System.gc();
				thisRound.put(name, Load.closedLoop(clients.get(name), concurrency, this.settings.run(), RUN_CAPACITY));
			}
			if (round == 0) {
				continue;
			}
			thisRound.forEach((name, run) -> runs.get(name).add(run));
			double baseline = thisRound.get("baseline").perSecond();
			metricsRatios.add(thisRound.get("metrics").perSecond() / baseline);
			controlRatios.add(thisRound.get("control").perSecond() / baseline);
			say("metrics overhead, concurrency %d, round %d: baseline %.0f/s, control %.0f/s, metrics %.0f/s",
					concurrency, round, baseline, thisRound.get("control").perSecond(),
					thisRound.get("metrics").perSecond());
		}
		Map<String, Stats> stats = new LinkedHashMap<>();
		runs.forEach((name, list) -> stats.put(name, Stats.of(list)));
		Row row = new Row(concurrency, stats, metricsRatios, controlRatios);
		say("metrics overhead, concurrency %d: metrics / baseline %.3f, control / baseline %.3f", concurrency,
				row.metricsRatio(), row.controlRatio());
		return row;
	}

	private void say(String format, Object... args) {
		if (this.progress != null) {
			this.progress.println(String.format(format, args));
			this.progress.flush();
		}
	}

}
