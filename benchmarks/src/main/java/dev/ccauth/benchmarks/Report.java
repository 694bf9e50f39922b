package dev.ccauth.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.ccauth.benchmarks.Results.ColdStart;
import dev.ccauth.benchmarks.Results.Paging;
import dev.ccauth.benchmarks.Results.Phase;
import dev.ccauth.benchmarks.Results.Renewal;
import dev.ccauth.benchmarks.Results.SampleApp;
import dev.ccauth.benchmarks.Results.Stats;
import dev.ccauth.benchmarks.Results.Throughput;

/**
 * Renders {@link Results} as markdown: the machine, the command, one table, and the
 * details behind it.
 */
public final class Report {

	static final String NONE = "—";

	private Report() {
	}

	/** The verdicts, for the table and the summary line. */
	record Verdict(String target, boolean met, String how) {

		String cell() {
			return (this.met ? "**met**" : "**missed**") + ": " + this.how;
		}

	}

	public static String markdown(Results results, String command, OffsetDateTime when) {
		Settings settings = results.settings();
		StringBuilder out = new StringBuilder();
		out.append("# ccauth benchmark results\n\n");
		out.append("- Date: ")
			.append(when.withOffsetSameInstant(ZoneOffset.UTC)
				.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append('\n');
		out.append("- Machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores")
			.append(cpuModel())
			.append(", ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.arch"))
			.append('\n');
		out.append("- JDK: ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(", max heap ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
			.append(" MiB\n");
		out.append("- Command: `")
			.append(command)
			.append("`, the jar built with `")
			.append(BenchmarkMain.BUILD)
			.append("`\n");
		out.append("- Load average (1/5/15 min) before / after the run: ")
			.append(results.loadBefore())
			.append(" / ")
			.append(results.loadAfter())
			.append(" (other work on the machine shares its cores)\n");
		out.append("- Whole run: ")
			.append(String.format(Locale.ROOT, "%.0f s", results.took().toMillis() / 1000.0))
			.append(", one JVM; sandbox (ccauth-testkit) on 127.0.0.1 over HTTP, on its own event loops in the same JVM\n");
		out.append("- Clients: **ccauth** = the starter's `genesysBenchWebClient` from a non-web Spring Boot context; ")
			.append("**stock filter** = Spring Security's `ServerOAuth2AuthorizedClientExchangeFilterFunction` + ")
			.append("`AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager` (client credentials); ")
			.append("**plain** = `WebClient` with a fixed `Authorization: Bearer` header minted once.\n\n");

		List<Verdict> verdicts = new ArrayList<>();
		out.append("| # | Scenario | Figure | ccauth | stock filter | plain | Target | Verdict |\n");
		out.append("|---|---|---|---:|---:|---:|---|---|\n");

		for (ColdStart cold : results.coldStarts()) {
			Verdict verdict = new Verdict("ccauth: 1", cold.ccauthTokenRequests() == 1 && cold.ccauthFailed() == 0,
					cold.ccauthTokenRequests() + " token request" + (cold.ccauthTokenRequests() == 1 ? "" : "s")
							+ ((cold.ccauthFailed() > 0) ? ", " + cold.ccauthFailed() + " calls failed" : ""));
			verdicts.add(verdict);
			row(out, "1", String.format(Locale.ROOT, "N = %,d concurrent first calls, cold cache", cold.calls()),
					"token requests" + failedNote(cold), count(cold.ccauthTokenRequests(), cold.ccauthFailed()),
					count(cold.stockTokenRequests(), cold.stockFailed()), NONE, verdict.target(), verdict.cell());
		}

		for (Throughput t : results.throughputs()) {
			String scenario = "GET `" + Clients.SMALL_GET + "`, concurrency " + t.concurrency();
			Verdict verdict = new Verdict("ccauth ≥ 0.95 × plain", t.ratio() >= 0.95,
					String.format(Locale.ROOT, "ccauth/plain %.3f%s", t.ratio(), (t.ratio() >= 0.95) ? ""
							: String.format(Locale.ROOT, ", %.1f points short", (0.95 - t.ratio()) * 100)));
			verdicts.add(verdict);
			row(out, "2", scenario, "throughput (calls/s); ratio = median of per-round ratios to plain",
					rate(t.ccauth()) + ratio(t.ratio()), rate(t.stock()) + ratio(t.stockRatio()), rate(t.plain()),
					verdict.target(), verdict.cell());
			row(out, "2", scenario, "latency p50 / p99 (ms)", p50p99(t.ccauth()), p50p99(t.stock()), p50p99(t.plain()),
					NONE, NONE);
			row(out, "2", scenario, "whole-process CPU (µs) / bytes allocated per call (client + sandbox)",
					cost(t.ccauth()), cost(t.stock()), cost(t.plain()), NONE,
					String.format(Locale.ROOT, "ccauth/plain CPU %.2f, bytes %.2f",
							t.ccauth().cpuMicrosPerCall() / t.plain().cpuMicrosPerCall(),
							t.ccauth().bytesPerCall() / t.plain().bytesPerCall()));
		}

		Renewal r = results.renewal();
		String renewalScenario = String.format(Locale.ROOT, "%d calls/s open loop, token endpoint +%d ms",
				settings.renewalRate(), settings.renewalTokenLatency().toMillis());
		row(out, "3", renewalScenario, "p99 / max (ms), no renewal (1 h tokens)", p99max(r.ccauthSteady()),
				p99max(r.stockSteady()), NONE, NONE, NONE);
		Verdict renewalVerdict = new Verdict("p99 within 10%", r.ccauthP99Ratio() <= 1.10,
				String.format(Locale.ROOT, "ccauth p99 ratio %.3f%s", r.ccauthP99Ratio(), (r.ccauthP99Ratio() <= 1.10)
						? ""
						: String.format(Locale.ROOT, " (%.0f%% over the 10%%)", (r.ccauthP99Ratio() - 1.10) * 100)));
		verdicts.add(renewalVerdict);
		row(out, "3", renewalScenario,
				String.format(Locale.ROOT, "p99 / max (ms), %d s tokens renewed during the load",
						settings.renewalTokenLifetime().toSeconds()),
				p99max(r.ccauthRenewing()), p99max(r.stockRenewing()), NONE, renewalVerdict.target(),
				renewalVerdict.cell() + String.format(Locale.ROOT, "; stock %.2f", r.stockP99Ratio()));
		row(out, "3", renewalScenario, "token requests during the renewing load (ccauth: background renewals)",
				r.ccauthRenewing().tokenRequests() + " (" + r.ccauthRenewing().renewals() + ")",
				Long.toString(r.stockRenewing().tokenRequests()), NONE, NONE, NONE);
		row(out, "3", renewalScenario,
				String.format(Locale.ROOT, "calls ≥ %d ms (waited for a token), renewing / steady",
						settings.renewalTokenLatency().toMillis()),
				r.ccauthRenewing().slowCalls() + " / " + r.ccauthSteady().slowCalls() + " of "
						+ String.format(Locale.ROOT, "%,d", r.ccauthRenewing().stats().calls()),
				r.stockRenewing().slowCalls() + " / " + r.stockSteady().slowCalls() + " of "
						+ String.format(Locale.ROOT, "%,d", r.stockRenewing().stats().calls()),
				NONE, "no call waits", (r.ccauthRenewing().slowCalls() == 0) ? "ccauth: none waited"
						: "ccauth: " + r.ccauthRenewing().slowCalls() + " calls waited");

		Paging p = results.paging();
		String pagingScenario = String.format(Locale.ROOT,
				"page %,d users by %d (%d pages), limit %d per %d s per token", p.users(), p.pageSize(), p.pages(),
				p.limit(), p.window().toSeconds());
		Verdict pagingVerdict = new Verdict("≤ 1.10 × bound", p.ratio() <= 1.10,
				String.format(Locale.ROOT, "%.3f × bound%s", p.ratio(), (p.ratio() <= 1.10) ? ""
						: String.format(Locale.ROOT, " (%.0f%% over the 10%%)", (p.ratio() - 1.10) * 100)));
		verdicts.add(pagingVerdict);
		row(out, "4", pagingScenario,
				String.format(Locale.ROOT, "wall time (s); bound %.2f s, unthrottled %.2f s", p.boundSeconds(),
						p.unthrottledSeconds()),
				String.format(Locale.ROOT, "%.2f", p.wallSeconds()), p.stockOutcome(), NONE, pagingVerdict.target(),
				pagingVerdict.cell());
		row(out, "4", pagingScenario, "429 responses received", Integer.toString(p.tooManyRequests()),
				Integer.toString(p.stockTooManyRequests()), NONE, NONE, String.format(Locale.ROOT,
						"ccauth: %d requests for %d pages, %,d users", p.requests(), p.pages(), p.usersSeen()));

		SampleApp s = results.sampleApp();
		if (s.skipped() != null) {
			row(out, "5", "`" + s.command() + "`", "wall time, peak RSS", "skipped: " + s.skipped(), NONE, NONE, NONE,
					NONE);
		}
		else {
			boolean allOk = s.exitCodes().stream().allMatch((code) -> code == 0);
			row(out, "5", "`" + s.command() + "`, whole process",
					"wall time (s, median of " + s.wallSeconds().size() + "), peak RSS (MiB)",
					String.format(Locale.ROOT, "%.2f s, %s", s.medianWallSeconds(),
							(s.peakRssKiB() < 0) ? "unknown" : (s.peakRssKiB() / 1024) + " MiB"),
					NONE, NONE, NONE, allOk ? "exit 0" : "exit codes " + s.exitCodes());
		}

		BridgeReport.append(out, results, verdicts);

		long met = verdicts.stream().filter(Verdict::met).count();
		out.append("\nTargets met: ").append(met).append(" of ").append(verdicts.size());
		List<String> missed = verdicts.stream()
			.filter((v) -> !v.met())
			.map((v) -> v.target() + " (" + v.how() + ")")
			.collect(Collectors.toList());
		if (!missed.isEmpty()) {
			out.append("; missed: ").append(String.join("; ", missed));
		}
		out.append(".\n\n");
		details(out, results);
		return out.toString();
	}

	private static void details(StringBuilder out, Results results) {
		Settings settings = results.settings();
		out.append("## Details\n\n");
		out.append(String.format(Locale.ROOT,
				"- 1: every N on a fresh client (a new Spring context for ccauth, a new manager for the stock filter); "
						+ "token endpoint slowed by %d ms so that all N calls are in flight before the first token "
						+ "comes back (time from the first call's start to the last one's, ccauth / stock: %s ms); "
						+ "counts are the sandbox's own counter of token requests.%n",
				settings.coldTokenLatency().toMillis(),
				results.coldStarts()
					.stream()
					.map((c) -> String.format(Locale.ROOT, "N=%d %.0f / %.0f", c.calls(), c.ccauthIssueMillis(),
							c.stockIssueMillis()))
					.collect(Collectors.joining(", "))));
		results.coldStarts()
			.stream()
			.filter((c) -> c.firstError() != null)
			.findFirst()
			.ifPresent((c) -> out.append("  - first failure: `").append(oneLine(c.firstError())).append("`\n"));
		for (Throughput t : results.throughputs()) {
			out.append(String.format(Locale.ROOT,
					"- 2, concurrency %d: %d rounds of %.1f s per client (closed loop), order rotated each round, "
							+ "after %.1f s warm-up per client (2 s turns) and one unmeasured round; calls ccauth %,d / stock %,d / "
							+ "plain %,d, failed %d / %d / %d; ccauth/plain per round %s (all rounds pooled: %.3f); "
							+ "stock/plain per round %s; max latency (ms) %.1f / %.1f / %.1f.%n",
					t.concurrency(), settings.rounds(), settings.run().toMillis() / 1000.0,
					settings.warmup().toMillis() / 1000.0, t.ccauth().calls(), t.stock().calls(), t.plain().calls(),
					t.ccauth().errors(), t.stock().errors(), t.plain().errors(), list(t.roundRatios()), t.totalRatio(),
					list(t.stockRoundRatios()), t.ccauth().maxMs(), t.stock().maxMs(), t.plain().maxMs()));
			errors(out, "ccauth", t.ccauth());
			errors(out, "stock filter", t.stock());
			errors(out, "plain", t.plain());
		}
		Renewal r = results.renewal();
		out.append(String.format(Locale.ROOT,
				"- 3: %d rounds of four %.1f s phases (ccauth and stock filter, each with 1 h tokens and with %d s "
						+ "tokens), order rotated; one unmeasured call starts each phase. Renewal at "
						+ "expiresAt - min(refresh-skew, lifetime/2) for ccauth; the stock filter gets the same skew "
						+ "(clockSkew %d ms instead of its 60 s default, which would fetch a token on every call). "
						+ "Calls ccauth %,d + %,d, stock %,d + %,d; failed %d + %d, %d + %d; p50 (ms) ccauth %.2f / %.2f, "
						+ "stock %.2f / %.2f; token requests in the steady phases ccauth %d, stock %d.%n",
				settings.renewalRounds(), settings.renewalPhase().toMillis() / 1000.0,
				settings.renewalTokenLifetime().toSeconds(), settings.renewalTokenLifetime().toMillis() / 2,
				r.ccauthSteady().stats().calls(), r.ccauthRenewing().stats().calls(), r.stockSteady().stats().calls(),
				r.stockRenewing().stats().calls(), r.ccauthSteady().stats().errors(),
				r.ccauthRenewing().stats().errors(), r.stockSteady().stats().errors(),
				r.stockRenewing().stats().errors(), r.ccauthSteady().stats().p50Ms(),
				r.ccauthRenewing().stats().p50Ms(), r.stockSteady().stats().p50Ms(), r.stockRenewing().stats().p50Ms(),
				r.ccauthSteady().tokenRequests(), r.stockSteady().tokenRequests()));
		out.append(String.format(Locale.ROOT,
				"  - p99 (ms) of each round's phase: ccauth steady %s, renewing %s; stock steady %s, renewing %s. "
						+ "At a millisecond or less, p99 moves with anything else on the machine; the count of calls "
						+ "that waited for the token endpoint does not.%n",
				list(r.ccauthSteady().roundP99s()), list(r.ccauthRenewing().roundP99s()),
				list(r.stockSteady().roundP99s()), list(r.stockRenewing().roundP99s())));
		errors(out, "ccauth (renewing)", r.ccauthRenewing().stats());
		errors(out, "stock filter (renewing)", r.stockRenewing().stats());
		Paging p = results.paging();
		int windows = (p.pages() + p.limit() - 1) / p.limit();
		out.append(String.format(Locale.ROOT,
				"- 4: sequential paging following `nextUri`. Bound = (windows - 1) × window + the unthrottled time "
						+ "of the last window's pages = (%d - 1) × %d s + %.2f s × %d/%d = %.2f s (the sandbox's "
						+ "windows are fixed, per token, starting at the token's first request). The sandbox's "
						+ "Retry-After is whole seconds rounded up (the only pacing hint Genesys sends), so each wait can "
						+ "overshoot the window's end by up to the time the window's burst took.%n",
				windows, p.window().toSeconds(), p.unthrottledSeconds(), p.pages() - (windows - 1) * p.limit(),
				p.pages(), p.boundSeconds()));
		SampleApp s = results.sampleApp();
		if (s.skipped() == null) {
			out.append("- 5: wall times (s) ")
				.append(s.wallSeconds()
					.stream()
					.map((w) -> String.format(Locale.ROOT, "%.2f", w))
					.collect(Collectors.joining(", ")))
				.append("; peak RSS is the highest VmHWM of the runs (polled every 2 ms); default JVM options; jar ")
				.append(s.jar())
				.append(".\n");
			if (s.lastErrorOutput() != null) {
				out.append("  - last failing run's stderr: `")
					.append(s.lastErrorOutput().replace('\n', ' '))
					.append("`\n");
			}
		}
		else {
			out.append("- 5: skipped: ").append(s.skipped()).append(".\n");
		}
	}

	private static String list(List<Double> values) {
		return values.stream().map((v) -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(", "));
	}

	private static void errors(StringBuilder out, String who, Stats stats) {
		if (stats.errors() > 0) {
			out.append("  - ")
				.append(who)
				.append(": ")
				.append(stats.errors())
				.append(" calls failed, first: `")
				.append(oneLine(stats.firstError()))
				.append("`\n");
		}
	}

	static String oneLine(String text) {
		if (text == null) {
			return "";
		}
		String line = text.replace('\n', ' ').replace('|', '/');
		return (line.length() > 300) ? line.substring(0, 300) + "..." : line;
	}

	private static String failedNote(ColdStart cold) {
		return (cold.ccauthFailed() > 0 || cold.stockFailed() > 0) ? " (failed calls)" : "";
	}

	static String count(long requests, long failed) {
		return (failed > 0) ? String.format(Locale.ROOT, "%,d (%,d)", requests, failed)
				: String.format(Locale.ROOT, "%,d", requests);
	}

	private static String rate(Stats stats) {
		return String.format(Locale.ROOT, "%,.0f", stats.perSecond());
	}

	private static String ratio(double ratio) {
		return String.format(Locale.ROOT, " (%.2f)", ratio);
	}

	private static String cost(Stats stats) {
		return String.format(Locale.ROOT, "%.0f µs / %,.0f B", stats.cpuMicrosPerCall(), stats.bytesPerCall());
	}

	private static String p50p99(Stats stats) {
		return String.format(Locale.ROOT, "%.2f / %.2f", stats.p50Ms(), stats.p99Ms());
	}

	static String p99max(Phase phase) {
		return String.format(Locale.ROOT, "%.2f / %.1f", phase.stats().p99Ms(), phase.stats().maxMs());
	}

	static void row(StringBuilder out, String... cells) {
		out.append('|');
		for (String cell : cells) {
			out.append(' ').append(cell.replace('|', '/')).append(" |");
		}
		out.append('\n');
	}

	static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
				.orElse("");
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/**
	 * The text with the named section (between {@code <!-- name:start -->} and
	 * {@code <!-- name:end -->}) replaced by {@code section}, or with it appended: the
	 * full run and the whole-process run each rewrite their own part of
	 * {@code RESULTS.md}.
	 */
	static String withSection(String text, String name, String section) {
		String start = "<!-- " + name + ":start -->";
		String end = "<!-- " + name + ":end -->";
		String block = start + "\n" + section.strip() + "\n" + end + "\n";
		int from = text.indexOf(start);
		int to = text.indexOf(end);
		if (from >= 0 && to > from) {
			return text.substring(0, from) + block + text.substring(to + end.length()).replaceFirst("^\n", "");
		}
		return text.isEmpty() ? block : text.stripTrailing() + "\n\n" + block;
	}

	/** The named section of the text, markers included, or an empty string. */
	static String section(String text, String name) {
		String start = "<!-- " + name + ":start -->";
		String end = "<!-- " + name + ":end -->";
		int from = text.indexOf(start);
		int to = text.indexOf(end);
		return (from >= 0 && to > from) ? text.substring(from, to + end.length()) + "\n" : "";
	}

}
