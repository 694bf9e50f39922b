package dev.ccauth.sample;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.sample.Tool.Result;
import dev.ccauth.testkit.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check}: the preflight of every registration. */
class CheckIT {

	@TempDir
	Path dir;

	@Test
	void reportsEveryRegistrationWithoutSecretsOrTokens() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result result = Tool.run(Tool.env(Tool.genesys(sandbox), Tool.cxoneAccessKey(sandbox)), this.dir, "check");
			assertThat(result.exitCode()).as(result::toString).isZero();
			assertThat(result.stdout()).contains("genesys/default  Genesys Cloud  OK")
				.contains("cxone/default  NICE CXone  OK")
				.contains("token endpoint  " + sandbox.genesysTokenUri())
				.contains("API base URL    " + sandbox.genesysBaseUrl())
				.contains("discovered from " + sandbox.cxoneIssuer() + "/.well-known/openid-configuration")
				.contains("tenant          " + sandbox.cxoneTenantId())
				.contains("valid for 3600 s")
				.contains("granted scope")
				.contains("2 registrations checked: all OK");
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void exitsNonZeroWhenARegistrationFailsAndStillChecksTheOthers() {
		try (Sandbox sandbox = Sandbox.start()) {
			Map<String, String> cxone = Tool.cxoneClientCredentials(sandbox);
			cxone.put("CXONE_CLIENT_SECRET", "wrong-cxone-secret");
			Result result = Tool.run(Tool.env(Tool.genesys(sandbox), cxone), this.dir, "check");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(3);
			assertThat(result.stdout()).contains("genesys/default  Genesys Cloud  OK")
				.contains("cxone/default  NICE CXone  FAILED")
				.contains("region          us-east-1")
				.contains("token endpoint  " + sandbox.cxoneTutorialTokenUri())
				.contains("error           cxone/default: ")
				.contains("next request    not before ")
				.contains("1 FAILED")
				.doesNotContain("wrong-cxone-secret");
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void jsonIsOneMachineReadableDocumentWithoutSecrets() {
		try (Sandbox sandbox = Sandbox.start()) {
			Map<String, String> cxone = Tool.cxoneClientCredentials(sandbox);
			cxone.put("CXONE_CLIENT_SECRET", "wrong-cxone-secret");
			Result result = Tool.run(Tool.env(Tool.genesys(sandbox), cxone), this.dir, "check", "--format", "json");
			assertThat(result.exitCode()).as(result::toString).isEqualTo(3);
			JsonNode document = JsonMapper.shared().readTree(result.stdout());
			assertThat(document.get("ok").asBoolean()).isFalse();
			assertThat(document.get("checked").asInt()).isEqualTo(2);
			assertThat(document.get("failed").asInt()).isEqualTo(1);
			JsonNode genesys = document.get("registrations").get(0);
			assertThat(genesys.get("registration").asString()).isEqualTo("genesys/default");
			assertThat(genesys.get("ok").asBoolean()).isTrue();
			assertThat(genesys.get("tokenEndpoint").asString()).isEqualTo(sandbox.genesysTokenUri());
			assertThat(genesys.get("apiBaseUrl").asString()).isEqualTo(sandbox.genesysBaseUrl());
			assertThat(genesys.get("clientId").asString()).isEqualTo(sandbox.genesysClient().clientId());
			assertThat(genesys.get("tokenLifetimeSeconds").asInt()).isEqualTo(3600);
			assertThat(genesys.get("error").isNull()).isTrue();
			// the token source's state, as Actuator's health shows it
			assertThat(genesys.get("validToken").asBoolean()).isTrue();
			assertThat(genesys.get("canRenew").asBoolean()).isTrue();
			assertThat(genesys.get("tokenObtainedAt").asString()).isNotEmpty();
			assertThat(genesys.get("tokenExpiresInSeconds").asLong()).isBetween(3500L, 3600L);
			assertThat(genesys.get("lastFailureAt").isNull()).isTrue();
			assertThat(genesys.get("coolDownUntil").isNull()).isTrue();
			JsonNode failed = document.get("registrations").get(1);
			assertThat(failed.get("platform").asString()).isEqualTo("cxone");
			assertThat(failed.get("ok").asBoolean()).isFalse();
			assertThat(failed.get("tokenExpiresAt").isNull()).isTrue();
			assertThat(failed.get("error").get("exitCode").asInt()).isEqualTo(3);
			assertThat(failed.get("error").get("message").asString()).startsWith("cxone/default: ");
			assertThat(failed.get("validToken").asBoolean()).isFalse();
			assertThat(failed.get("tokenObtainedAt").isNull()).isTrue();
			assertThat(failed.get("tokenExpiresInSeconds").isNull()).isTrue();
			assertThat(failed.get("lastFailureAt").asString()).isNotEmpty();
			assertThat(java.time.Instant.parse(failed.get("coolDownUntil").asString()))
				.isAfterOrEqualTo(java.time.Instant.parse(failed.get("lastFailureAt").asString()));
			assertThat(result.stdout()).doesNotContain("wrong-cxone-secret");
			Tool.assertNoSecrets(result, sandbox);
		}
	}

	@Test
	void withoutAnyCredentialsExitsWith2NamingBothPlatformsVariables() {
		Result result = Tool.run(Map.of(), this.dir, "check");
		assertThat(result.exitCode()).as(result::toString).isEqualTo(2);
		assertThat(result.stdout()).isEmpty();
		assertThat(result.stderr()).contains("GENESYS_CLIENT_ID", "CXONE_CLIENT_ID", "--sandbox");
		Tool.assertNoStackTrace(result);
	}

}
