package dev.ccauth.benchmarks;

import java.util.List;
import java.util.Locale;

import dev.ccauth.benchmarks.BridgeScenarios.BridgeResults;
import dev.ccauth.benchmarks.Report.Verdict;
import dev.ccauth.benchmarks.Results.ColdStart;
import dev.ccauth.benchmarks.Results.Renewal;

/**
 * The rows of "Spring Security + ccauth-spring-security" (scenarios 1 and 3), in a table
 * of their own beside the stock filter's figures of the same run; their targets count in
 * the summary.
 */
final class BridgeReport {

	static final String CLIENT = "Spring Security + ccauth-spring-security";

	private BridgeReport() {
	}

	static void append(StringBuilder out, Results results, List<Verdict> verdicts) {
		BridgeResults bridge = results.bridge();
		if (bridge == null) {
			return;
		}
		Settings settings = results.settings();
		out.append("\n**")
			.append(CLIENT)
			.append("**: the stock filter's own setup (same registration, manager, ")
			.append("provider and filter, declared as beans) in a Spring Boot application that adds the ")
			.append("`ccauth-spring-security` module, and nothing else.\n\n");
		out.append("| # | Scenario | Figure | ").append(CLIENT).append(" | stock filter | Target | Verdict |\n");
		out.append("|---|---|---|---:|---:|---|---|\n");
		for (BridgeScenarios.ColdStart cold : bridge.coldStarts()) {
			ColdStart stock = results.coldStarts()
				.stream()
				.filter((c) -> c.calls() == cold.calls())
				.findFirst()
				.orElse(null);
			Verdict verdict = new Verdict("bridge: 1", cold.tokenRequests() == 1 && cold.failed() == 0,
					cold.tokenRequests() + " token request" + ((cold.tokenRequests() == 1) ? "" : "s")
							+ ((cold.failed() > 0) ? ", " + cold.failed() + " calls failed" : ""));
			verdicts.add(verdict);
			Report.row(out, "1", String.format(Locale.ROOT, "N = %,d concurrent first calls, cold cache", cold.calls()),
					"token requests", Report.count(cold.tokenRequests(), cold.failed()),
					(stock != null) ? Report.count(stock.stockTokenRequests(), stock.stockFailed()) : Report.NONE,
					verdict.target(), verdict.cell());
		}
		if (bridge.steady() == null) {
			return;
		}
		Renewal r = results.renewal();
		String scenario = String.format(Locale.ROOT, "%d calls/s open loop, token endpoint +%d ms",
				settings.renewalRate(), settings.renewalTokenLatency().toMillis());
		Report.row(out, "3", scenario, "p99 / max (ms), no renewal / renewing",
				Report.p99max(bridge.steady()) + " / " + Report.p99max(bridge.renewing()),
				Report.p99max(r.stockSteady()) + " / " + Report.p99max(r.stockRenewing()), Report.NONE,
				String.format(Locale.ROOT, "bridge p99 ratio %.3f", bridge.p99Ratio()));
		Report.row(out, "3", scenario, "token requests during the renewing load (bridge: background renewals)",
				bridge.renewing().tokenRequests() + " (" + bridge.renewing().renewals() + ")",
				Long.toString(r.stockRenewing().tokenRequests()), Report.NONE, Report.NONE);
		Verdict waited = new Verdict("bridge: no call waits", bridge.renewing().slowCalls() == 0,
				(bridge.renewing().slowCalls() == 0) ? "none waited" : bridge.renewing().slowCalls() + " calls waited");
		verdicts.add(waited);
		Report.row(out, "3", scenario,
				String.format(Locale.ROOT, "calls ≥ %d ms (waited for a token), renewing / steady",
						settings.renewalTokenLatency().toMillis()),
				bridge.renewing().slowCalls() + " / " + bridge.steady().slowCalls() + " of "
						+ String.format(Locale.ROOT, "%,d", bridge.renewing().stats().calls()),
				r.stockRenewing().slowCalls() + " / " + r.stockSteady().slowCalls() + " of "
						+ String.format(Locale.ROOT, "%,d", r.stockRenewing().stats().calls()),
				waited.target(), waited.cell());
	}

}
