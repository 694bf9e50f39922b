package dev.ccauth;

import java.time.Duration;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.token.AccessToken;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the behaviour tests start: an application whose one registration,
 * {@code ccauth.genesys.prod}, points at a sandbox.
 */
public final class SandboxContexts {

	public static final RegistrationId GENESYS_PROD = RegistrationId.genesys("prod");

	private SandboxContexts() {
	}

	/**
	 * Runs {@code test} in a context with {@code genesys.prod} on the sandbox and the
	 * given properties on top, after checking that the context started.
	 */
	public static void runWithGenesysProd(ApplicationContextRunner runner, Sandbox sandbox,
			ContextConsumer<AssertableApplicationContext> test, String... properties) {
		runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

	/** The {@code genesys.prod} registration's token, as an application gets it. */
	public static AccessToken genesysProdToken(ApplicationContext context) {
		return context.getBean(ContactCenterClients.class).accessToken(GENESYS_PROD).block(Duration.ofSeconds(30));
	}

}
