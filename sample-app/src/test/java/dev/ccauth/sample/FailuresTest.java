package dev.ccauth.sample;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.ConfigurationProblem;
import dev.ccauth.config.InvalidRegistrationException;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.token.TokenRequestException;
import dev.ccauth.token.TokenRequestException.Reason;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

	static final RegistrationId GENESYS = RegistrationId.genesys("default");

	@Test
	void refusedTokenRequestsExitWith3AndTransientOnesWith1() {
		for (Reason reason : Reason.values()) {
			int expected = switch (reason) {
				case BAD_CREDENTIALS, REFUSED, HANDED_OVER_TOKEN_REFUSED -> 3;
				default -> 1;
			};
			assertThat(Failures.exitCode(tokenFailure(reason))).as(reason.name()).isEqualTo(expected);
		}
	}

	@Test
	void http401And403ExitWith3WhereverTheyAreInTheCauseChain() {
		WebClientResponseException forbidden = response(403,
				"{\"code\":\"missing.permissions\",\"message\":\"Missing users:readonly\"}");
		assertThat(Failures.exitCode(forbidden)).isEqualTo(3);
		assertThat(Failures.exitCode(Exceptions.propagate(new IllegalStateException("wrapped", response(401, "")))))
			.isEqualTo(3);
		assertThat(Failures
			.exitCode(new ContactCenterException(GENESYS, "/api/v2/users", 403, "x", "y", "refused", "fix it", null)))
			.isEqualTo(3);
		assertThat(Failures.exitCode(response(503, ""))).isEqualTo(1);
		assertThat(Failures.exitCode(response(429, ""))).isEqualTo(1);
		assertThat(Failures.describe(forbidden)).singleElement()
			.asString()
			.startsWith("ccauth: GET https://api.mypurecloud.com/api/v2/users?pageSize=100&pageNumber=1: HTTP 403")
			.contains("missing.permissions: Missing users:readonly")
			.contains("roles and scopes");
	}

	@Test
	void invalidConfigurationExitsWith2WithEveryProblemAndFix() {
		InvalidRegistrationException invalid = new InvalidRegistrationException(List.of(new ConfigurationProblem(
				"ccauth.genesys.default.client-secret", "is missing.", "Set GENESYS_CLIENT_SECRET.")));
		BeanCreationException wrapped = new BeanCreationException("contactCenterClients", "failed", invalid);
		assertThat(Failures.exitCode(wrapped)).isEqualTo(2);
		assertThat(Failures.describe(wrapped)).containsExactly("ccauth: the configuration is invalid:",
				"  ccauth.genesys.default.client-secret: is missing.", "    fix: Set GENESYS_CLIENT_SECRET.");
	}

	@Test
	void networkFailuresExitWith1NamingTheEndpoint() {
		WebClientRequestException unreachable = new WebClientRequestException(
				new ConnectException("Connection refused"), HttpMethod.GET,
				URI.create("http://127.0.0.1:9/api/v2/users"), new HttpHeaders());
		assertThat(Failures.exitCode(unreachable)).isEqualTo(1);
		assertThat(Failures.describe(unreachable)).singleElement()
			.asString()
			.startsWith("ccauth: could not reach GET http://127.0.0.1:9/api/v2/users: Connection refused");
	}

	@Test
	void contactCenterMessagesStayOnOneLine() {
		TokenRequestException failure = tokenFailure(Reason.BAD_CREDENTIALS);
		assertThat(Failures.describe(failure)).containsExactly("ccauth: " + failure.getMessage());
	}

	@Test
	void toolExceptionsCarryTheirCode() {
		assertThat(Failures.exitCode(new ToolException(2, "no credentials"))).isEqualTo(2);
		assertThat(Failures.describe(new ToolException(2, "no credentials"))).containsExactly("ccauth: no credentials");
	}

	private static TokenRequestException tokenFailure(Reason reason) {
		return new TokenRequestException(GENESYS, "https://login.mypurecloud.com/oauth/token", reason, 401,
				"invalid_client", "authentication failed", null, "the token request was refused",
				"Check GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET", null);
	}

	private static WebClientResponseException response(int status, String body) {
		HttpRequest request = new HttpRequest() {

			@Override
			public HttpMethod getMethod() {
				return HttpMethod.GET;
			}

			@Override
			public URI getURI() {
				return URI.create("https://api.mypurecloud.com/api/v2/users?pageSize=100&pageNumber=1");
			}

			@Override
			public HttpHeaders getHeaders() {
				return new HttpHeaders();
			}

			@Override
			public java.util.Map<String, Object> getAttributes() {
				return java.util.Map.of();
			}

		};
		return WebClientResponseException.create(status, "", new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8),
				StandardCharsets.UTF_8, request);
	}

}
