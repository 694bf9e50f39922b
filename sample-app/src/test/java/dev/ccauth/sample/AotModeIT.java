package dev.ccauth.sample;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ccauth.sample.Tool.Result;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started in Spring AOT mode, from the code
 * {@code spring-boot:process-aot} generated at build time instead of its bean
 * definitions: it lists users and agents as in the ordinary mode.
 */
class AotModeIT {

	private static final List<String> AOT = List.of("-Dspring.aot.enabled=true");

	@TempDir
	Path dir;

	@Test
	void listsUsersAndAgentsFromTheGeneratedCode() {
		try (Sandbox sandbox = Sandbox.start()) {
			Result users = Tool.run(AOT, Tool.genesys(sandbox), this.dir, "users", "--page-size", "3", "--format",
					"csv");
			assertThat(users.exitCode()).as(users::toString).isZero();
			assertThat(users.stdoutLines()).hasSize(1 + 3).first().asString().startsWith("id,");
			Result agents = Tool.run(AOT, Tool.cxoneAccessKey(sandbox), this.dir, "agents", "--limit", "2");
			assertThat(agents.exitCode()).as(agents::toString).isZero();
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(1);
			Tool.assertNoSecrets(users, sandbox);
		}
	}

	@Test
	void theGeneratedCodeIsInTheJar() throws Exception {
		try (java.util.jar.JarFile jar = new java.util.jar.JarFile(Tool.JAR.toFile())) {
			assertThat(jar
				.getEntry("BOOT-INF/classes/dev/ccauth/sample/ToolApplication__ApplicationContextInitializer.class"))
				.isNotNull();
		}
	}

}
