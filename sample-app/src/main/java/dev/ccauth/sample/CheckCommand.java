package dev.ccauth.sample;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ccauth.config.Registration;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import dev.ccauth.web.ContactCenterClients;

/**
 * {@code check}: a preflight of every registration. Fetches each one's token and reports
 * platform, region, endpoints, token lifetime and granted scope, as text or as JSON;
 * never a secret or a token.
 */
@Command(name = "check", sortOptions = false, description = {
		"Preflight every registration: platform, region, endpoints, token lifetime and granted scope, OK or FAILED.",
		"Fetches one token per registration and prints no secret and no token. Exits non-zero when any registration fails." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { "0:every registration OK", "1:a registration failed (network, server, malformed answer)",
				"2:no registration, or an invalid configuration",
				"3:a registration's credentials or token were refused" },
		footer = Cli.FOOTER)
final class CheckCommand implements ToolCommand {

	enum CheckFormat {

		table, json

	}

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table (for people) or json (one document, for scripts; default: ${DEFAULT-VALUE}).")
	CheckFormat format;

	@Mixin
	CommonOptions common;

	/**
	 * What was found out about one registration; every text in it is redacted.
	 * {@code state} is the token source's own account after the check, the one Actuator's
	 * health reads too.
	 */
	record Outcome(Registration registration, AccessToken token, TokenSource.State state, int exitCode,
			List<String> error) {

		boolean ok() {
			return this.token != null;
		}

	}

	@Override
	public CommonOptions common() {
		return this.common;
	}

	@Override
	public int run(Session session) {
		ContactCenterClients clients = session.clients();
		List<Registration> registrations = clients.registrations();
		if (registrations.isEmpty()) {
			throw new ToolException(ExitCode.USAGE, Messages.noRegistrations());
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (Registration registration : registrations) {
			Outcome outcome = check(session, registration);
			outcomes.add(outcome);
			if (this.format == CheckFormat.table) {
				table(session.out(), outcome); // as each one is done: a slow registration
												// shows which
			}
		}
		long failed = outcomes.stream().filter((outcome) -> !outcome.ok()).count();
		if (this.format == CheckFormat.json) {
			json(session.out(), outcomes, failed);
		}
		else {
			session.out()
				.print(registrations.size() + " registration" + ((registrations.size() == 1) ? "" : "s") + " checked: "
						+ ((failed == 0) ? "all OK" : failed + " FAILED") + "\n");
		}
		// 3 refused > 2 configuration > 1 failure
		return outcomes.stream().mapToInt(Outcome::exitCode).max().orElse(ExitCode.OK);
	}

	private static Outcome check(Session session, Registration registration) {
		TokenSource tokens = session.clients().tokenSource(registration.id());
		try {
			AccessToken token = tokens.token().block();
			return new Outcome(registration, token, tokens.state(), ExitCode.OK, List.of());
		}
		catch (RuntimeException ex) {
			List<String> lines = Failures.describe(ex).stream().map(session.redactor()::redact).toList();
			List<String> error = new ArrayList<>(lines);
			error.set(0, lines.get(0).replaceFirst("^ccauth: ", ""));
			return new Outcome(registration, null, tokens.state(), Failures.exitCode(ex), error);
		}
	}

	private static void table(PrintWriter out, Outcome outcome) {
		Registration registration = outcome.registration();
		out.print(registration.id() + "  " + registration.id().platform().displayName() + "  "
				+ (outcome.ok() ? "OK" : "FAILED") + "\n");
		registration.describe().forEach((label, value) -> line(out, label, value));
		if (outcome.ok()) {
			AccessToken token = outcome.token();
			Object tenant = token.claims().get("tenantId");
			if (tenant != null) {
				line(out, "tenant", tenant.toString());
			}
			line(out, "token", token.expiresAt().isEmpty()
					? "handed-over token, expiry unknown (it is checked by the first API call)"
					: "valid for " + token.lifetime().orElseThrow().toSeconds() + " s, until " + expiresAt(token));
			line(out, "granted scope", token.scopes().isEmpty() ? "(not reported)" : String.join(" ", scopes(token)));
		}
		else {
			line(out, "error", outcome.error().get(0));
			outcome.error().stream().skip(1).forEach((text) -> out.print("  " + text + "\n"));
			if (outcome.state().coolingDown()) {
				line(out, "next request", "not before " + instant(outcome.state().coolDownUntil())
						+ " (the token endpoint is left alone after a failure)");
			}
		}
		out.flush();
	}

	/**
	 * One JSON document: {@code ok}, counts, and per registration what the table shows
	 * and what its token source's state says, with {@code null} for what is unknown.
	 * Field names are a contract for scripts: add, never rename.
	 */
	private static void json(PrintWriter out, List<Outcome> outcomes, long failed) {
		JsonMapper json = JsonMapper.shared();
		ObjectNode document = json.createObjectNode();
		document.put("ok", failed == 0);
		document.put("checked", outcomes.size());
		document.put("failed", failed);
		ArrayNode registrations = document.putArray("registrations");
		for (Outcome outcome : outcomes) {
			Registration registration = outcome.registration();
			ObjectNode node = registrations.addObject();
			node.put("registration", registration.id().toString());
			node.put("platform", registration.id().platform().key());
			node.put("name", registration.id().name());
			node.put("ok", outcome.ok());
			Map<String, String> location = registration.details().location();
			Map<String, String> described = registration.describe();
			node.put("region", location.get("region"));
			node.put("issuer", location.get("issuer"));
			node.put("grant", registration.details().grant());
			node.put("clientId", registration.hasCredentials() ? registration.client().clientId() : null);
			node.put("handedOverToken", registration.accessToken() != null);
			node.put("tokenEndpoint", described.get("token endpoint"));
			node.put("apiBaseUrl", described.get("API base URL"));
			AccessToken token = outcome.token();
			Object tenant = (token != null) ? token.claims().get("tenantId") : null;
			node.put("tenant", (tenant != null) ? tenant.toString() : null);
			node.put("tokenLifetimeSeconds",
					(token != null) ? token.lifetime().map((d) -> d.toSeconds()).orElse(null) : null);
			node.put("tokenExpiresAt", (token != null) ? expiresAt(token) : null);
			ArrayNode scope = node.putArray("grantedScope");
			if (token != null) {
				scopes(token).forEach(scope::add);
			}
			// from the token source's state, as Actuator's health shows it
			TokenSource.State state = outcome.state();
			node.put("validToken", state.holdsValidToken());
			node.put("canRenew", state.canRenew());
			node.put("tokenObtainedAt", instant(state.obtainedAt()));
			node.put("tokenExpiresInSeconds", (state.expiresAt() != null)
					? Math.max(0, Duration.between(Instant.now(), state.expiresAt()).toSeconds()) : null);
			node.put("lastFailureAt", instant(state.lastFailureAt()));
			node.put("coolDownUntil", instant(state.coolDownUntil()));
			if (outcome.ok()) {
				node.putNull("error");
			}
			else {
				ObjectNode error = node.putObject("error");
				error.put("exitCode", outcome.exitCode());
				error.put("message", String.join("\n", outcome.error()));
			}
		}
		out.print(json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n");
		out.flush();
	}

	private static String expiresAt(AccessToken token) {
		return token.expiresAt().map(CheckCommand::instant).orElse(null);
	}

	private static String instant(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

	private static List<String> scopes(AccessToken token) {
		return token.scopes().stream().sorted().toList();
	}

	private static void line(PrintWriter out, String label, String value) {
		out.print("  " + String.format("%-16s", label) + value + "\n");
	}

}
