package dev.ccauth.sample;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.ccauth.config.Registration;
import dev.ccauth.token.AccessToken;
import dev.ccauth.web.ContactCenterClients;

/**
 * {@code check}: a preflight of every registration. Fetches each one's token and reports platform,
 * region, endpoints, token lifetime and granted scope; never a secret or a token.
 */
@Command(name = "check", sortOptions = false,
		description = { "Preflight every registration: platform, region, endpoints, token lifetime and granted scope, OK or FAILED.",
				"Fetches one token per registration and prints no secret and no token. Exits non-zero when any registration fails." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { "0:every registration OK", "1:a registration failed (network, server, malformed answer)",
				"2:no registration, or an invalid configuration", "3:a registration's credentials or token were refused" },
		footer = Cli.FOOTER)
final class CheckCommand implements ToolCommand {

	@Mixin
	CommonOptions common;

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
		PrintWriter out = session.out();
		int failed = 0;
		int code = ExitCode.OK;
		for (Registration registration : registrations) {
			AccessToken token = null;
			Throwable failure = null;
			try {
				token = clients.accessToken(registration.id()).block();
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			out.print(registration.id() + "  " + registration.id().platform().displayName() + "  "
					+ ((failure == null) ? "OK" : "FAILED") + "\n");
			registration.describe().forEach((label, value) -> line(out, label, value));
			if (token != null) {
				Object tenant = token.claims().get("tenantId");
				if (tenant != null) {
					line(out, "tenant", tenant.toString());
				}
				line(out, "token", lifetime(token));
				line(out, "granted scope", token.scopes().isEmpty() ? "(not reported)"
						: String.join(" ", token.scopes().stream().sorted().toList()));
			}
			else {
				failed++;
				code = Math.max(code, Failures.exitCode(failure)); // 3 refused > 2 configuration > 1 failure
				List<String> lines = Failures.describe(failure);
				line(out, "error", session.redactor().redact(lines.get(0).replaceFirst("^ccauth: ", "")));
				lines.stream().skip(1).forEach((text) -> out.print("  " + session.redactor().redact(text) + "\n"));
			}
			out.flush();
		}
		out.print(registrations.size() + " registration" + ((registrations.size() == 1) ? "" : "s") + " checked: "
				+ ((failed == 0) ? "all OK" : failed + " FAILED") + "\n");
		return code;
	}

	private static String lifetime(AccessToken token) {
		if (token.expiresAt().isEmpty()) {
			return "handed-over token, expiry unknown (it is checked by the first API call)";
		}
		Duration lifetime = token.lifetime().orElseThrow();
		return "valid for " + lifetime.toSeconds() + " s, until " + token.expiresAt().get().truncatedTo(ChronoUnit.SECONDS);
	}

	private static void line(PrintWriter out, String label, String value) {
		out.print("  " + String.format("%-16s", label) + value + "\n");
	}

}
