package dev.ccauth.sample;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ccauth.sample.Tool.Result;
import dev.ccauth.testkit.scripted.ScriptedServer;
import dev.ccauth.testkit.scripted.ScriptedServer.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token endpoint that echoes the request back (the Basic header, the form body with the
 * client secret or the access-key secret) at 400, 401 and 500, as JSON and as text:
 * nothing the tool prints, with --debug or with every logger at TRACE, holds any form of
 * a secret.
 */
class EchoingTokenEndpointIT {

	private static final String CLIENT_SECRET = "cl+ie/nt=se&cr%et:with space";

	private static final String KEY_SECRET = "ke+y/se=cr&et%:x y";

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({ "400, JSON, basic", "401, JSON, post", "500, JSON, basic", "400, TEXT, post", "401, TEXT, basic",
			"500, TEXT, post" })
	void noFormOfASecretInAnythingTheToolPrints(int status, Answer.Format format, String authentication) {
		try (ScriptedServer server = ScriptedServer.start()) {
			server.answer("/oauth/token", Answer.echo(status, format));
			Map<String, String> env = Tool.env(Tool.noRetries(),
					Map.of("GENESYS_CLIENT_ID", "echo-client", "GENESYS_CLIENT_SECRET", CLIENT_SECRET,
							"GENESYS_TOKEN_URI", server.url("/oauth/token"), "GENESYS_BASE_URL", server.url(""),
							"CXONE_CLIENT_ID", "echo-client", "CXONE_CLIENT_SECRET", CLIENT_SECRET,
							"CXONE_ACCESS_KEY_ID", "key-id", "CXONE_ACCESS_KEY_SECRET", KEY_SECRET, "CXONE_TOKEN_URI",
							server.url("/oauth/token"), "CXONE_BASE_URL", server.url("")));
			String auth = "--ccauth.genesys.default.client-authentication=" + authentication;
			List<String> trace = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace");
			List<Result> results = List.of(Tool.run(env, this.dir, "users", "--debug", auth),
					Tool.run(trace, env, this.dir, "check", auth),
					Tool.run(trace, env, this.dir, "token", "--platform", "genesys", "--debug", auth));
			for (Result result : results) {
				assertThat(result.exitCode()).as(result::toString).isNotZero();
				assertNoForm(result);
			}
			assertThat(results.get(1).stdout() + results.get(1).stderr()).as("TRACE output of check")
				.hasSizeGreaterThan(5_000);
			assertThat(server.requests()).as("the endpoint received the credentials it echoed")
				.anySatisfy((request) -> assertThat(request.body()).contains("password=" + encoded(KEY_SECRET)));
		}
	}

	private static void assertNoForm(Result result) {
		String printed = result.stdout() + result.stderr();
		for (String form : forms("echo-client", CLIENT_SECRET, KEY_SECRET)) {
			for (int start = 0; start + 10 <= form.length(); start++) {
				assertThat(printed).as("part of %s in %s", form, result)
					.doesNotContain(form.substring(start, start + 10));
			}
		}
		assertThat(printed).as(result::toString)
			.doesNotContainPattern("(?i)basic (?!\\*{6})[A-Za-z0-9+/]")
			.doesNotContainPattern("(client_secret|password)=(?!\\*{6})");
	}

	private static List<String> forms(String clientId, String... secrets) {
		List<String> forms = new ArrayList<>();
		for (String secret : secrets) {
			forms.add(secret);
			forms.add(encoded(secret));
			forms.add(encoded(secret).replace("+", "%20"));
			forms.add(Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
			forms.add(Base64.getEncoder()
				.encodeToString((clientId + ":" + encoded(secret)).getBytes(StandardCharsets.UTF_8)));
		}
		return forms;
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
