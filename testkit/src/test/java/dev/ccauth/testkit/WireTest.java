package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header names as they go over the wire. HTTP/1.1 names are case-insensitive, but the
 * official Genesys Java SDK reads {@code Retry-After} and {@code ININ-Correlation-Id}
 * from a case-sensitive map: the sandbox must spell them as the platform does. Read from
 * a raw socket, since HTTP clients may normalize names.
 */
@ExtendWith(SandboxExtension.class)
class WireTest {

	/** Title-Case names, plus the two the platforms spell otherwise. */
	private static final String CANONICAL = "([A-Z][a-z]*)(-[A-Z][a-z]*)*|ININ-Correlation-Id|WWW-Authenticate";

	private final Sandbox sandbox;

	private final Http http;

	WireTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
	}

	@Test
	void genesysResponsesSpellHeadersAsGenesysDoes() throws IOException {
		String token = http.genesysToken();
		sandbox.apiRateLimit(1, Duration.ofMinutes(1));

		List<String> ok = headers(get("/api/v2/users", token));
		List<String> limited = headers(get("/api/v2/users", token));

		assertThat(ok).contains("Content-Type: application/json")
			.anyMatch(h -> h.startsWith("ININ-Correlation-Id: "))
			.anyMatch(h -> h.startsWith("Content-Length: "));
		assertThat(limited).anyMatch(h -> h.matches("Retry-After: \\d+"))
			.anyMatch(h -> h.startsWith("ININ-Correlation-Id: "));
		assertCanonical(ok);
		assertCanonical(limited);
	}

	@Test
	void tokenErrorAndEmptyResponsesToo() throws IOException {
		String basic = Base64.getEncoder()
			.encodeToString((sandbox.genesysClient().clientId() + ":" + sandbox.genesysClient().clientSecret())
				.getBytes(StandardCharsets.UTF_8));
		List<String> token = headers(Http.raw(sandbox.port(),
				"POST /oauth/token HTTP/1.1\r\nHost: h\r\n" + "Authorization: Basic " + basic
						+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Content-Length: 29\r\n\r\ngrant_type=client_credentials"));
		List<String> notAllowed = headers(Http.raw(sandbox.port(), "DELETE /api/v2/users HTTP/1.1\r\nHost: h\r\n\r\n"));
		List<String> cxoneUnauthorized = headers(get(CxoneTest.AGENTS, "nope"));
		List<String> empty = headers(get(CxoneTest.AGENTS + "?skip=1000", http.cxoneToken()));
		List<String> closing = headers(Http.raw(sandbox.port(),
				"GET /.well-known/openid-configuration HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"));

		assertThat(token).contains("Cache-Control: no-store", "Pragma: no-cache", "Content-Type: application/json");
		assertThat(notAllowed).contains("Allow: GET");
		assertThat(cxoneUnauthorized).anyMatch(h -> h.startsWith("WWW-Authenticate: Bearer"));
		assertThat(empty.get(0)).isEqualTo("HTTP/1.1 204 No Content");
		assertThat(closing).as("added by the HTTP server, spelled as the platforms' servers do")
			.contains("Connection: close");
		for (List<String> response : List.of(token, notAllowed, cxoneUnauthorized, empty, closing)) {
			assertCanonical(response);
		}
	}

	private String get(String path, String bearer) throws IOException {
		return Http.raw(sandbox.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + sandbox.port()
				+ "\r\nAuthorization: Bearer " + bearer + "\r\n\r\n");
	}

	/** The status line and the header lines of a raw response. */
	private static List<String> headers(String response) {
		int end = response.indexOf("\r\n\r\n");
		assertThat(end).as(response).isPositive();
		return new ArrayList<>(List.of(response.substring(0, end).split("\r\n")));
	}

	private static void assertCanonical(List<String> response) {
		assertThat(response.subList(1, response.size()))
			.allSatisfy(line -> assertThat(line.substring(0, line.indexOf(':'))).as(line).matches(CANONICAL));
	}

}
