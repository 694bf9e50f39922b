package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static dev.ccauth.testkit.CxoneTest.assertCxoneError;
import static dev.ccauth.testkit.GenesysUsersTest.assertGenesysError;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever arrives, the answer is the platform's 4xx: never a 500, never a hang. */
@ExtendWith(SandboxExtension.class)
class BadInputTest {

	private final Sandbox sandbox;

	private final Http http;

	BadInputTest(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.http = new Http(sandbox);
	}

	@Test
	void unknownPathsGetA404InTheShapeOfTheirPlatform() {
		assertGenesysError(http.get("/api/v2/users/me"), 404, "not.found");
		assertGenesysError(http.get("/"), 404, "not.found");
		assertCxoneError(http.get("/incontactapi/services/v34.0/skills"), 404, "not_found");
		assertCxoneError(http.get("/.well-known/jwks"), 404, "not_found"); // the JWKS is
																			// at
																			// /auth/jwks
		assertThat(sandbox.requestCount(Endpoint.OTHER)).isEqualTo(4);
	}

	@Test
	void wrongMethodsAre405WithAllow() {
		List<String[]> cases = List.of(new String[] { "GET", "/oauth/token", "POST" },
				new String[] { "PUT", "/api/v2/oauth/token", "POST" }, new String[] { "GET", "/auth/token", "POST" },
				new String[] { "DELETE", "/api/v2/users", "GET" },
				new String[] { "POST", "/.well-known/openid-configuration", "GET" },
				new String[] { "PATCH", "/.well-known/cxone-configuration", "GET" },
				new String[] { "PUT", CxoneTest.AGENTS, "GET" }, new String[] { "POST", "/auth/jwks", "GET" });
		for (String[] c : cases) {
			Http.Response response = http.send(c[0], c[1]);
			assertThat(response.status()).as(c[0] + " " + c[1]).isEqualTo(405);
			assertThat(response.header("allow")).isEqualTo(c[2]);
			assertThat(response.json().isObject()).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/v2/users?pageSize=%zz HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer x\r\n\r\n",
			"POST /oauth/token HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 14\r\n\r\ngrant_type=%zz",
			"POST /auth/token HTTP/1.1\r\nHost: h\r\nAuthorization: Basic %%%\r\nContent-Length: 0\r\n\r\n",
			"POST /oauth/token HTTP/1.1\r\nHost: h\r\nAuthorization: Basic Zm9v\r\nContent-Length: 0\r\n\r\n",
			"POST /oauth/token HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\n&&=",
			"POST /oauth/token HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
			"GET /.well-known/cxone-configuration?tenantId=%ZZ HTTP/1.1\r\nHost: h\r\n\r\n",
			"GET /incontactapi/services/v34.0/agents?top=99999999999 HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer\r\n\r\n",
			"GET /api/v2/users?expand=%zz&state=%%% HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer x\r\n\r\n",
			"GET /api/v2/users HTTP/1.1\r\n\r\n", "BREW /coffee HTTP/1.1\r\nHost: h\r\n\r\n",
			"this is not http\r\n\r\n", })
	void rawGarbageGetsA4xx(String request) throws IOException {
		String response = raw(request);

		assertThat(response).as(request).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
	}

	@Test
	void aBodyOnAGetIsIgnored() throws IOException {
		String response = raw(
				"GET /.well-known/openid-configuration HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc");

		assertThat(response).startsWith("HTTP/1.1 200 ");
	}

	private String raw(String request) throws IOException {
		return Http.raw(sandbox.port(), request);
	}

}
