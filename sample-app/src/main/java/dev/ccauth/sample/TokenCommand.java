package dev.ccauth.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.token.AccessToken;

/**
 * {@code token}: mints an access token and hands it to later pipeline steps, which then
 * make no token request (ccauth uses a handed-over {@code GENESYS_ACCESS_TOKEN} or
 * {@code CXONE_ACCESS_TOKEN} as it is). The only command that prints a token, and only in
 * the form asked for.
 */
@Command(name = "token", sortOptions = false, description = {
		"Mint an access token for later pipeline steps, with its expiry.", "  raw     the token alone on stdout",
		"  env     export lines for sh: eval \"$(... token --platform genesys --format env)\"",
		"  github  ::add-mask:: on stdout, then GENESYS_ACCESS_TOKEN (or CXONE_ACCESS_TOKEN) and ..._EXPIRES_AT appended to $GITHUB_ENV",
		"  gitlab  a dotenv file (--output, default ccauth.env) for artifacts:reports:dotenv",
		"  json    token, platform, registration, expires_at, scope" }, exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FAILURE, Cli.EXIT_USAGE, Cli.EXIT_REFUSED }, footer = Cli.FOOTER)
final class TokenCommand implements ToolCommand {

	enum PlatformOption {

		genesys(Platform.GENESYS), cxone(Platform.CXONE);

		private final Platform platform;

		PlatformOption(Platform platform) {
			this.platform = platform;
		}

	}

	enum TokenFormat {

		raw, env, github, gitlab, json

	}

	static final String DEFAULT_DOTENV = "ccauth.env";

	@Spec
	CommandSpec spec;

	@Option(names = "--platform", required = true, paramLabel = "PLATFORM", description = "genesys or cxone.")
	PlatformOption platform;

	@Option(names = "--registration", paramLabel = "NAME",
			description = "Registration of that platform (default: 'default', or the only one).")
	String registration;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "raw",
			description = "raw, env, github, gitlab or json (default: ${DEFAULT-VALUE}).")
	TokenFormat format;

	@Option(names = "--variable", paramLabel = "NAME",
			description = "Name of the variable to set (default: GENESYS_ACCESS_TOKEN or CXONE_ACCESS_TOKEN, which ccauth reads back).")
	String variable;

	@Option(names = "--output", paramLabel = "FILE",
			description = "The dotenv file of --format gitlab (default: " + DEFAULT_DOTENV + ").")
	Path output;

	@Mixin
	CommonOptions common;

	@Override
	public CommonOptions common() {
		return this.common;
	}

	@Override
	public void validate() {
		if (this.output != null && this.format != TokenFormat.gitlab) {
			throw new ParameterException(this.spec.commandLine(), "--output applies to --format gitlab only.");
		}
		if (this.variable != null && !this.variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			throw new ParameterException(this.spec.commandLine(),
					"--variable must be a variable name (letters, digits, underscores), was '" + this.variable + "'.");
		}
		if (this.format == TokenFormat.github && githubEnv() == null) {
			throw new ToolException(ExitCode.USAGE, "--format github appends to the file named by $GITHUB_ENV, which is"
					+ " not set: run it in a GitHub Actions step, or use --format env.");
		}
	}

	@Override
	public int run(Session session) throws IOException {
		Registration registration = session.registration(this.platform.platform, this.registration);
		AccessToken token = session.clients().accessToken(registration.id()).block();
		String value = token.value();
		if (value.isBlank() || value.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new ToolException(ExitCode.FAILURE, registration.id()
					+ ": the token endpoint returned a token with blanks or control characters; it is not handed on.");
		}
		String name = (this.variable != null) ? this.variable
				: this.platform.platform.key().toUpperCase(java.util.Locale.ROOT) + "_ACCESS_TOKEN";
		String expiresAt = token.expiresAt()
			.map((instant) -> instant.truncatedTo(ChronoUnit.SECONDS).toString())
			.orElse(null);
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put(name, value);
		if (expiresAt != null) {
			variables.put(name + "_EXPIRES_AT", expiresAt);
		}
		String validity = (expiresAt != null) ? "valid until " + expiresAt : "expiry unknown";
		switch (this.format) {
			case raw -> session.out().print(value + "\n");
			case env ->
				variables.forEach((key, text) -> session.out().print("export " + key + "=" + shellQuote(text) + "\n"));
			case json -> session.out().print(json(registration, token, value, expiresAt) + "\n");
			case github -> {
				// GitHub masks the value in every later log line of the job; the command
				// line itself is not shown
				session.out().print("::add-mask::" + value + "\n");
				appendLines(Path.of(githubEnv()), variables);
				session.err().println("ccauth: " + name + " (" + validity + ") is set for the next steps of this job.");
			}
			case gitlab -> {
				Path file = (this.output != null) ? this.output : Path.of(DEFAULT_DOTENV);
				writeDotenv(file, variables);
				session.err()
					.println("ccauth: " + name + " (" + validity + ") written to " + file
							+ "; publish it with artifacts:reports:dotenv.");
			}
		}
		return ExitCode.OK;
	}

	private String json(Registration registration, AccessToken token, String value, String expiresAt) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("token", value);
		json.put("platform", registration.id().platform().key());
		json.put("registration", registration.id().name());
		json.put("expires_at", expiresAt);
		json.put("scope",
				token.scopes().isEmpty() ? null : String.join(" ", token.scopes().stream().sorted().toList()));
		return JsonMapper.shared().writeValueAsString(json);
	}

	private static String githubEnv() {
		String file = System.getenv("GITHUB_ENV");
		return (file == null || file.isBlank()) ? null : file;
	}

	private static void appendLines(Path file, Map<String, String> variables) throws IOException {
		StringBuilder text = new StringBuilder();
		variables.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/**
	 * Writes the variables into a dotenv file, keeping other variables already there
	 * (both platforms can share one).
	 */
	private static void writeDotenv(Path file, Map<String, String> variables) throws IOException {
		List<String> lines = new ArrayList<>();
		if (Files.exists(file)) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				int eq = line.indexOf('=');
				if (eq < 0 || !variables.containsKey(line.substring(0, eq).trim())) {
					lines.add(line);
				}
			}
		}
		else if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		variables.forEach((key, value) -> lines.add(key + "=" + value));
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	/**
	 * Single quotes keep every character literal in sh; a quote itself is closed, escaped
	 * and reopened.
	 */
	static String shellQuote(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

}
