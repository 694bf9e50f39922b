package dev.ccauth.sample;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
				.contains("1 FAILED")
				.doesNotContain("wrong-cxone-secret");
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
