package dev.ccauth.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.ccauth.benchmarks.Clients.Ccauth;
import dev.ccauth.benchmarks.Results.ColdStart;
import dev.ccauth.benchmarks.Results.Paging;
import dev.ccauth.benchmarks.Results.Phase;
import dev.ccauth.benchmarks.Results.Renewal;
import dev.ccauth.benchmarks.Results.Stats;
import dev.ccauth.benchmarks.Results.Throughput;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.RecordedRequest;
import dev.ccauth.testkit.Sandbox;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Runs the five scenarios against one sandbox on loopback, in one JVM, and returns every
 * figure. The sandbox runs on its own event loops; the clients share Reactor Netty's.
 * Scenarios that compare clients interleave them (the order rotates from round to round)
 * so that noise on the machine hits all of them alike.
 */
public final class Benchmark {

	/**
	 * Latencies kept per closed-loop run; more calls than this are counted but not timed.
	 */
	private static final int RUN_CAPACITY = 1 << 20;

	/** Warm-up runs in chunks of this length, the clients taking turns. */
	private static final Duration WARMUP_CHUNK = Duration.ofSeconds(2);

	private final Settings settings;

	private final PrintStream progress;

	public Benchmark(Settings settings, PrintStream progress) {
		this.settings = settings;
		this.progress = progress;
	}

	public Results run() {
		long start = System.nanoTime();
		String loadBefore = loadAverage();
		try (Sandbox sandbox = Sandbox.builder().users(this.settings.users()).start()) {
			List<ColdStart> coldStarts = coldStarts(sandbox);
			List<Throughput> throughputs = throughputs(sandbox);
			Renewal renewal = renewal(sandbox);
			BridgeScenarios.BridgeResults bridge = new BridgeScenarios(this.settings, this.progress).run(sandbox);
			Paging paging = paging(sandbox);
			Results.SampleApp sampleApp = new SampleAppRun(this.settings.sampleJar(), this.settings.sampleRuns(),
					this.progress)
				.run();
			return new Results(this.settings, coldStarts, throughputs, renewal, paging, sampleApp,
					Duration.ofNanos(System.nanoTime() - start), loadBefore, loadAverage(), bridge);
		}
	}

	/** {@code /proc/loadavg}'s 1, 5 and 15 minute load averages, or "unknown". */
	static String loadAverage() {
		try {
			String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
				.trim()
				.split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	// ---- 1. token requests made by N concurrent first calls

	List<ColdStart> coldStarts(Sandbox sandbox) {
		sandbox.reset();
		sandbox.latency(Endpoint.GENESYS_TOKEN, this.settings.coldTokenLatency());
		List<ColdStart> results = new ArrayList<>();
		for (int calls : this.settings.coldCalls()) {
			Load.Burst ccauth;
			long ccauthTokens;
			try (Ccauth app = Ccauth.start(sandbox)) {
				int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
				ccauth = Load.burst(() -> Clients.smallGet(app.webClient()), calls);
				ccauthTokens = sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before;
			}
			WebClient stock = Clients.stock(sandbox);
			int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
			Load.Burst stocked = Load.burst(() -> Clients.smallGet(stock), calls);
			long stockTokens = sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before;
			Throwable error = (ccauth.firstError() != null) ? ccauth.firstError() : stocked.firstError();
			ColdStart result = new ColdStart(calls, ccauthTokens, ccauth.failed(), ccauth.issueNanos() / 1e6,
					stockTokens, stocked.failed(), stocked.issueNanos() / 1e6,
					(error != null) ? String.valueOf(error) : null);
			say("1. %,d concurrent first calls: token requests ccauth %d (%d failed, issued in %.0f ms),"
					+ " stock filter %d (%d failed, issued in %.0f ms)", calls, ccauthTokens, ccauth.failed(),
					result.ccauthIssueMillis(), stockTokens, stocked.failed(), result.stockIssueMillis());
			results.add(result);
		}
		sandbox.reset();
		return results;
	}

	// ---- 2. throughput and latency of authenticated GETs

	List<Throughput> throughputs(Sandbox sandbox) {
		sandbox.reset();
		List<Throughput> results = new ArrayList<>();
		try (Ccauth app = Ccauth.start(sandbox)) {
			WebClient stock = Clients.stock(sandbox);
			WebClient plain = Clients.plain(sandbox);
			Map<String, Supplier<Mono<?>>> clients = new LinkedHashMap<>();
			clients.put("ccauth", () -> Clients.smallGet(app.webClient()));
			clients.put("stock", () -> Clients.smallGet(stock));
			clients.put("plain", () -> Clients.smallGet(plain));
			List<String> names = List.copyOf(clients.keySet());
			int highest = this.settings.concurrencies().stream().mapToInt(Integer::intValue).max().orElse(1);
			// the JIT needs tens of seconds of load on two busy cores before calls cost
			// what they will cost:
			// warm up in chunks, clients taking turns, so that all reach their steady
			// state together
			Duration chunk = (this.settings.warmup().compareTo(WARMUP_CHUNK) < 0) ? this.settings.warmup()
					: WARMUP_CHUNK;
			long chunks = Math.max(1, this.settings.warmup().toMillis() / chunk.toMillis());
			for (long i = 0; i < chunks; i++) {
				for (int k = 0; k < names.size(); k++) {
					String name = names.get((int) ((k + i) % names.size()));
					Load.Run run = Load.closedLoop(clients.get(name), highest, chunk, RUN_CAPACITY);
					if (i == chunks - 1) {
						say("2. warm-up, last chunk: %s %.0f calls/s, %.1f us CPU per call", name, run.perSecond(),
								run.cpuNanos() / 1e3 / Math.max(1, run.calls()));
					}
				}
			}
			for (String name : names) {
				Load.closedLoop(clients.get(name), 1, chunk.dividedBy(2), RUN_CAPACITY);
			}
			say("2. warmed up");
			for (int concurrency : this.settings.concurrencies()) {
				Map<String, List<Load.Run>> runs = new LinkedHashMap<>();
				names.forEach((name) -> runs.put(name, new ArrayList<>()));
				List<Double> ratios = new ArrayList<>();
				List<Double> stockRatios = new ArrayList<>();
				// round 0 is one more warm-up at this concurrency, not counted
				for (int round = 0; round <= this.settings.rounds(); round++) {
					Map<String, Load.Run> thisRound = new LinkedHashMap<>();
					for (int k = 0; k < names.size(); k++) {
						String name = names.get((k + round) % names.size());
						System.gc();
						thisRound.put(name,
								Load.closedLoop(clients.get(name), concurrency, this.settings.run(), RUN_CAPACITY));
					}
					if (round == 0) {
						continue;
					}
					thisRound.forEach((name, run) -> runs.get(name).add(run));
					double plainRate = thisRound.get("plain").perSecond();
					ratios.add(thisRound.get("ccauth").perSecond() / plainRate);
					stockRatios.add(thisRound.get("stock").perSecond() / plainRate);
					say("2. concurrency %d, round %d: ccauth %.0f/s, stock %.0f/s, plain %.0f/s", concurrency, round,
							thisRound.get("ccauth").perSecond(), thisRound.get("stock").perSecond(), plainRate);
				}
				Throughput result = new Throughput(concurrency, Stats.of(runs.get("ccauth")),
						Stats.of(runs.get("stock")), Stats.of(runs.get("plain")), ratios, stockRatios);
				say("2. concurrency %d: ccauth / plain throughput, median of rounds %.3f (all rounds %.3f);"
						+ " CPU per call ccauth %.1f us, stock %.1f us, plain %.1f us", concurrency, result.ratio(),
						result.totalRatio(), result.ccauth().cpuMicrosPerCall(), result.stock().cpuMicrosPerCall(),
						result.plain().cpuMicrosPerCall());
				results.add(result);
			}
		}
		sandbox.reset();
		return results;
	}

	// ---- 3. calls that cross a token renewal

	Renewal renewal(Sandbox sandbox) {
		sandbox.reset();
		sandbox.latency(Endpoint.GENESYS_TOKEN, this.settings.renewalTokenLatency());
		Duration lifetime = this.settings.renewalTokenLifetime();
		// the stock filter renews when now > expiresAt - clockSkew: give it the skew
		// ccauth uses here,
		// min(refresh-skew 5m, lifetime / 2), rather than its 60 s default (which would
		// fetch on every call)
		Duration skew = lifetime.dividedBy(2);
		try (Ccauth steady = Ccauth.start(sandbox); Ccauth renewing = Ccauth.start(sandbox)) {
			// tokens live an hour (the builder's setting) until the steady clients have
			// theirs
			WebClient stockSteady = Clients.stock(sandbox, skew);
			Clients.smallGet(steady.webClient()).block();
			Clients.smallGet(stockSteady).block();
			sandbox.tokenLifetime(lifetime); // every token from now on is short-lived
			WebClient stockRenewing = Clients.stock(sandbox, skew);
			Clients.smallGet(renewing.webClient()).block();
			Clients.smallGet(stockRenewing).block();

			List<String> names = List.of("ccauth-steady", "ccauth-renewing", "stock-steady", "stock-renewing");
			Map<String, Supplier<Mono<?>>> clients = Map.of("ccauth-steady", () -> Clients.smallGet(steady.webClient()),
					"ccauth-renewing", () -> Clients.smallGet(renewing.webClient()), "stock-steady",
					() -> Clients.smallGet(stockSteady), "stock-renewing", () -> Clients.smallGet(stockRenewing));
			Map<String, Ccauth> apps = Map.of("ccauth-steady", steady, "ccauth-renewing", renewing);
			Map<String, List<Load.Run>> runs = new LinkedHashMap<>();
			Map<String, long[]> counts = new LinkedHashMap<>();
			names.forEach((name) -> {
				runs.put(name, new ArrayList<>());
				counts.put(name, new long[2]);
			});
			for (int round = 0; round < this.settings.renewalRounds(); round++) {
				for (int k = 0; k < names.size(); k++) {
					String name = names.get((k + round) % names.size());
					// one call first, not measured: a client idle through the other
					// phases may hold an
					// expired token, and fetching it at the start is not what this
					// scenario is about
					clients.get(name).get().block();
					System.gc();
					int tokensBefore = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
					long renewalsBefore = apps.containsKey(name) ? apps.get(name).statistics().renewals() : 0;
					Load.Run run = Load.fixedRate(clients.get(name), this.settings.renewalRate(),
							this.settings.renewalPhase());
					long tokens = sandbox.requestCount(Endpoint.GENESYS_TOKEN) - tokensBefore;
					long renewals = apps.containsKey(name) ? apps.get(name).statistics().renewals() - renewalsBefore
							: 0;
					runs.get(name).add(run);
					counts.get(name)[0] += tokens;
					counts.get(name)[1] += renewals;
					Load.Percentiles percentiles = Load.Percentiles.of(run.latencies());
					say("3. %s, round %d: %d calls (%d failed), p99 %.2f ms, max %.2f ms, %d token requests", name,
							round + 1, run.calls(), run.errors(), percentiles.p99(), percentiles.max(), tokens);
				}
			}
			long slow = this.settings.renewalTokenLatency().toNanos();
			Renewal result = new Renewal(phase(runs, counts, "ccauth-steady", slow),
					phase(runs, counts, "ccauth-renewing", slow), phase(runs, counts, "stock-steady", slow),
					phase(runs, counts, "stock-renewing", slow));
			say("3. p99 with renewals / without: ccauth %.3f, stock filter %.3f", result.ccauthP99Ratio(),
					result.stockP99Ratio());
			return result;
		}
		finally {
			sandbox.reset();
		}
	}

	static Phase phase(Map<String, List<Load.Run>> runs, Map<String, long[]> counts, String name, long slowNanos) {
		long slowCalls = java.util.Arrays.stream(Load.concat(runs.get(name)))
			.filter((nanos) -> nanos >= slowNanos)
			.count();
		List<Double> roundP99s = runs.get(name)
			.stream()
			.map((run) -> Load.Percentiles.of(run.latencies()).p99())
			.toList();
		return new Phase(Stats.of(runs.get(name)), counts.get(name)[0], counts.get(name)[1], slowCalls, roundP99s);
	}

	// ---- 4. paging every user under the per-token rate limit

	Paging paging(Sandbox sandbox) {
		sandbox.reset();
		int limit = this.settings.rateLimit();
		Duration window = this.settings.rateWindow();
		try (Ccauth app = Ccauth.start(sandbox)) {
			pageAll(app.webClient()); // warm-up, and the token
			long start = System.nanoTime();
			Pages free = pageAll(app.webClient());
			double unthrottled = (System.nanoTime() - start) / 1e9;

			sandbox.apiRateLimit(limit, window); // fresh windows, counted per token from
													// its first request
			int before = sandbox.requestCount(Endpoint.GENESYS_USERS);
			start = System.nanoTime();
			Pages limited = pageAll(app.webClient());
			double wall = (System.nanoTime() - start) / 1e9;
			int requests = sandbox.requestCount(Endpoint.GENESYS_USERS) - before;
			int tooMany = tooManyRequests(sandbox, requests);

			int pages = free.pages();
			int windows = (pages + limit - 1) / limit;
			int lastWindowPages = pages - (windows - 1) * limit;
			double bound = (windows - 1) * (window.toNanos() / 1e9) + unthrottled * lastWindowPages / pages;

			sandbox.apiRateLimit(limit, window);
			WebClient stock = Clients.stock(sandbox);
			int stockBefore = sandbox.requestCount(Endpoint.GENESYS_USERS);
			Pages stocked = pageAll(stock);
			int stockRequests = sandbox.requestCount(Endpoint.GENESYS_USERS) - stockBefore;
			int stockTooMany = tooManyRequests(sandbox, stockRequests);
			String stockOutcome = (stocked.failure() == null) ? String.format("%d pages", stocked.pages())
					: String.format("failed after %d pages: %s", stocked.pages(), stocked.failure());

			Paging result = new Paging(free.users(), this.settings.pageSize(), pages, limit, window, unthrottled, bound,
					wall, requests, tooMany, limited.users(), stockOutcome, stockTooMany);
			if (limited.failure() != null) {
				throw new IllegalStateException("ccauth failed to page under the rate limit after " + limited.pages()
						+ " pages: " + limited.failure());
			}
			say("4. paging %d users (%d pages): %.2f s unthrottled, %.2f s limited, bound %.2f s (ratio %.3f), %d x 429;"
					+ " stock filter: %s", free.users(), pages, unthrottled, wall, bound, result.ratio(), tooMany,
					stockOutcome);
			return result;
		}
		finally {
			sandbox.reset();
		}
	}

	/** 429s among the last {@code requests} API requests the sandbox answered. */
	private static int tooManyRequests(Sandbox sandbox, int requests) {
		List<RecordedRequest> recent = sandbox.recentRequests();
		List<RecordedRequest> api = recent.stream().filter((r) -> r.endpoint() == Endpoint.GENESYS_USERS).toList();
		return (int) api.subList(Math.max(0, api.size() - requests), api.size())
			.stream()
			.filter((r) -> r.status() == 429)
			.count();
	}

	record Pages(int pages, int users, String failure) {
	}

	/**
	 * Follows {@code nextUri} from page 1 to the last page, one page at a time, as a
	 * pipeline does.
	 */
	Pages pageAll(WebClient client) {
		String next = "/api/v2/users?pageSize=" + this.settings.pageSize() + "&pageNumber=1";
		int pages = 0;
		int users = 0;
		try {
			while (next != null) {
				JsonNode page = client.get()
					.uri(next)
					.retrieve()
					.bodyToMono(JsonNode.class)
					.block(Duration.ofMinutes(5));
				pages++;
				users += page.path("entities").size();
				JsonNode nextUri = page.get("nextUri");
				next = (nextUri != null && !nextUri.isNull()) ? nextUri.asString() : null;
			}
			return new Pages(pages, users, null);
		}
		catch (WebClientResponseException ex) {
			return new Pages(pages, users, "HTTP " + ex.getStatusCode().value() + ", not retried");
		}
		catch (RuntimeException ex) {
			return new Pages(pages, users, oneLine(ex));
		}
	}

	private static String oneLine(Throwable ex) {
		String message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

	private void say(String format, Object... args) {
		if (this.progress != null) {
			this.progress.println(String.format(format, args));
			this.progress.flush();
		}
	}

}
