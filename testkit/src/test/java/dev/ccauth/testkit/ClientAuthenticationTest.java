package dev.ccauth.testkit;

import dev.ccauth.testkit.junit.SandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.ccauth.testkit.CxoneTest.assertCxoneError;
import static dev.ccauth.testkit.GenesysTokenTest.assertOAuthError;
import static dev.ccauth.testkit.Http.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * HTTP Basic client authentication as RFC 6749 section 2.3.1 defines it: id and secret
 * form-encoded, joined with {@code :}, then Base64. With secrets full of reserved
 * characters, a client that skips the form-encoding fails here as it fails against a
 * conformant authorization server.
 */
class ClientAuthenticationTest {

	/** Every character the RFC's encoding changes: {@code + / = & % :} and a space. */
	static final String SECRET = "s3cr+t/x=y&z%41:q w";

	@RegisterExtension
	static final SandboxExtension SANDBOX = new SandboxExtension(
			Sandbox.builder().genesysClient("ccauth ci:genesys", SECRET).cxoneClient("ccauth-ci-cxone", SECRET));

	private final Sandbox sandbox = SANDBOX.sandbox();

	private final Http http = new Http(sandbox);

	@Test
	void formEncodedBasicCredentialsWorkOnEveryTokenEndpoint() {
		ClientCredentials genesys = sandbox.genesysClient();
		ClientCredentials cxone = sandbox.cxoneClient();
		AccessKey key = sandbox.cxoneAccessKey();

		assertThat(post("/oauth/token", rfc6749(genesys), "grant_type=client_credentials").status()).isEqualTo(200);
		assertThat(post("/api/v2/oauth/token", rfc6749(genesys), "grant_type=client_credentials").status())
			.isEqualTo(200);
		assertThat(post("/auth/token", rfc6749(cxone),
				Http.encode(form("grant_type", "password", "username", key.id(), "password", key.secret())))
			.status()).isEqualTo(200);
		assertThat(post("/oauth/token", rfc6749(cxone), "grant_type=client_credentials").status()).isEqualTo(200);
		assertThat(sandbox.tokensIssued(Platform.GENESYS)).isEqualTo(2);
		assertThat(sandbox.tokensIssued(Platform.CXONE)).isEqualTo(2);
	}

	@Test
	void credentialsInTheFormAreFormDecodedOnce() {
		ClientCredentials genesys = sandbox.genesysClient();

		assertThat(http
			.postForm("/oauth/token",
					form("grant_type", "client_credentials", "client_id", genesys.clientId(), "client_secret",
							genesys.clientSecret()),
					null)
			.status()).isEqualTo(200);
	}

	@Test
	void basicCredentialsThatSkipTheFormEncodingFail() {
		ClientCredentials genesys = sandbox.genesysClient();
		ClientCredentials cxone = sandbox.cxoneClient();

		// the id holds a colon: unencoded, the split at the first colon finds another
		// client
		assertOAuthError(post("/oauth/token", raw(genesys), "grant_type=client_credentials"), 400, "invalid_client",
				"client not found");
		// "%41" decodes to "A" and "+" to a space: a different secret
		assertCxoneError(post("/oauth/token", raw(cxone), "grant_type=client_credentials"), 401, "invalid_client");
		assertCxoneError(post("/auth/token", raw(cxone), "grant_type=password&username=a&password=b"), 401,
				"invalid_client");
		assertThat(sandbox.tokensIssued(Platform.GENESYS) + sandbox.tokensIssued(Platform.CXONE)).isZero();
	}

	@Test
	void aSecretThatIsNotValidFormEncodingIsA400() {
		try (Sandbox other = Sandbox.builder().genesysClient("ccauth-ci", "50%off").start()) {
			Http otherHttp = new Http(other);
			Http.Response response = otherHttp.send(otherHttp.request("/oauth/token")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", Http.basic("ccauth-ci", "50%off"))
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build());

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("error").asString()).isEqualTo("invalid_request");
			assertThat(response.json().get("error_description").asString()).contains("form-encoded", "6749");
		}
	}

	@Test
	void unreservedSecretsAreTheSameEncodedOrNot() {
		try (Sandbox demo = Sandbox.start()) {
			Http demoHttp = new Http(demo);
			ClientCredentials client = demo.genesysClient();
			assertThat(URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8))
				.isEqualTo(client.clientSecret());
			assertThat(demoHttp.genesysToken()).isNotBlank();
		}
	}

	@Test
	void clientsAreCheckedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.builder().genesysClient("", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> Sandbox.builder().cxoneClient("a", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Sandbox.builder().genesysClient("same", "x").cxoneClient("same", "y").start());
	}

	private Http.Response post(String path, String authorization, String body) {
		return http.send(http.request(path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** RFC 6749 section 2.3.1: form-encode, join, Base64. */
	static String rfc6749(ClientCredentials client) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(client.clientSecret(), StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
	}

	/** What many clients do: join and Base64, without form-encoding. */
	private static String raw(ClientCredentials client) {
		return Http.basic(client.clientId(), client.clientSecret());
	}

}
