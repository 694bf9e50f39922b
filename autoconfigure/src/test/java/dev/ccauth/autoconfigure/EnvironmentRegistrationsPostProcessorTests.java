package dev.ccauth.autoconfigure;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.InvalidRegistrationException;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.cxone.CxonePlatform;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Zero configuration from the environment variables pipelines already have. */
class EnvironmentRegistrationsPostProcessorTests {

	/**
	 * Environment variables stand in as a property source: the post-processor reads the
	 * environment, not System.getenv.
	 */
	private ApplicationContextRunner runner(Map<String, Object> variables, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
					SslAutoConfiguration.class))
			.withPropertyValues(properties)
			.withInitializer((context) -> {
				context.getEnvironment()
					.getPropertySources()
					.addLast(new MapPropertySource(
							StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test", variables));
				new EnvironmentRegistrationsPostProcessor().postProcessEnvironment(context.getEnvironment(), null);
			});
	}

	@Test
	void tutorialVariablesMakeTheDefaultGenesysRegistration() {
		runner(Map.of("GENESYS_CLIENT_ID", "id", "GENESYS_CLIENT_SECRET", "secret", "GENESYS_REGION", "eu-central-1"))
			.run((context) -> {
				assertThat(context).hasBean("genesysWebClient");
				Registration registration = context.getBean(ContactCenterRegistrations.class)
					.get(RegistrationId.genesys("default"));
				assertThat(registration.client().clientId()).isEqualTo("id");
				assertThat(registration.client().clientSecret().reveal()).isEqualTo("secret");
				assertThat(registration.baseUrl()).isEqualTo(URI.create("https://api.mypurecloud.de"));
			});
	}

	@Test
	void terraformProviderVariablesMakeTheDefaultGenesysRegistration() {
		runner(Map.of("GENESYSCLOUD_OAUTHCLIENT_ID", "id", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "secret",
				"GENESYSCLOUD_REGION", "mypurecloud.jp"))
			.run((context) -> {
				Registration registration = context.getBean(ContactCenterRegistrations.class)
					.get(RegistrationId.genesys("default"));
				assertThat(registration.tokenUri()).isEqualTo(URI.create("https://login.mypurecloud.jp/oauth/token"));
			});
	}

	@Test
	void preMintedTokenAndEndpointOverrides() {
		runner(Map.of("GENESYSCLOUD_ACCESS_TOKEN", "minted", "GENESYS_BASE_URL", "http://127.0.0.1:9999",
				"GENESYS_TOKEN_URI", "http://127.0.0.1:9999/oauth/token"))
			.run((context) -> {
				Registration registration = context.getBean(ContactCenterRegistrations.class)
					.get(RegistrationId.genesys("default"));
				assertThat(registration.accessToken().reveal()).isEqualTo("minted");
				assertThat(registration.hasCredentials()).isFalse();
				assertThat(registration.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
				assertThat(registration.tokenUri()).isEqualTo(URI.create("http://127.0.0.1:9999/oauth/token"));
			});
	}

	@Test
	void cxoneAccessKeyVariables() {
		runner(Map.of("CXONE_CLIENT_ID", "id", "CXONE_CLIENT_SECRET", "secret", "CXONE_ACCESS_KEY_ID", "key",
				"CXONE_ACCESS_KEY_SECRET", "key-secret", "CXONE_ISSUER", "https://cxone-gov.niceincontact.com"))
			.run((context) -> {
				assertThat(context).hasBean("cxoneWebClient");
				Registration registration = context.getBean(ContactCenterRegistrations.class)
					.get(RegistrationId.cxone("default"));
				assertThat(registration.details().grant()).isEqualTo("access-key");
				assertThat(registration.details().location()).containsEntry("issuer",
						"https://cxone-gov.niceincontact.com");
			});
	}

	@Test
	void cxoneRegionVariableSelectsClientCredentials() {
		runner(Map.of("CXONE_CLIENT_ID", "id", "CXONE_CLIENT_SECRET", "secret", "CXONE_REGION", "eu-west-1"))
			.run((context) -> {
				Registration registration = context.getBean(ContactCenterRegistrations.class)
					.get(RegistrationId.cxone("default"));
				assertThat(registration.details().grant()).isEqualTo("client-credentials");
				assertThat(registration.tokenUri())
					.isEqualTo(URI.create("https://api.eu-west-1.cxp.nice.com/oauth/token"));
			});
	}

	@Test
	void configuredRegistrationsWinOverTheEnvironment() {
		runner(Map.of("GENESYS_CLIENT_ID", "id", "GENESYS_CLIENT_SECRET", "secret"), "ccauth.genesys.prod.client-id=a",
				"ccauth.genesys.prod.client-secret=b")
			.run((context) -> {
				assertThat(context.getBeansOfType(WebClient.class)).containsOnlyKeys("genesysProdWebClient");
			});
	}

	@Test
	void nothingWithoutVariables() {
		runner(Map.of("GENESYS_REGION", "eu-west-1", "CXONE_REGION", "eu-west-1"))
			.run((context) -> assertThat(context).doesNotHaveBean(WebClient.class));
	}

	@Test
	void halfAConfigurationNamesTheMissingVariable() {
		runner(Map.of("GENESYS_CLIENT_ID", "id")).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("ccauth.genesys.default.client-secret"));
	}

	@Test
	void variablesFillWhatAPartlyConfiguredDefaultRegistrationLeavesUnset() {
		runner(Map.of("GENESYS_CLIENT_ID", "env-id", "GENESYS_CLIENT_SECRET", "env-secret", "GENESYS_REGION",
				"eu-west-1"), "ccauth.genesys.default.scopes=users:readonly",
				"ccauth.genesys.default.region=ap-south-1")
			.run((context) -> {
				Registration registration = context.getBean(ContactCenterRegistrations.class)
					.get(RegistrationId.genesys("default"));
				assertThat(registration.client().clientId()).isEqualTo("env-id");
				assertThat(registration.client().clientSecret().reveal()).isEqualTo("env-secret");
				assertThat(registration.scopes()).containsExactly("users:readonly");
				// the configuration wins where both are set
				assertThat(registration.baseUrl()).isEqualTo(URI.create("https://api.aps1.pure.cloud"));
			});
	}

	@Test
	void cxoneDefaultRegistrationIsFilledToo() {
		runner(Map.of("CXONE_CLIENT_ID", "id", "CXONE_CLIENT_SECRET", "secret", "CXONE_ACCESS_KEY_ID", "key",
				"CXONE_ACCESS_KEY_SECRET", "key-secret"),
				"ccauth.cxone.default.issuer=https://cxone-gov.niceincontact.com")
			.run((context) -> {
				Registration registration = context.getBean(ContactCenterRegistrations.class)
					.get(RegistrationId.cxone("default"));
				assertThat(CxonePlatform.endpoints(registration, WebClient.create()).grant().parameters())
					.containsEntry("username", "key");
				assertThat(registration.details().location()).containsEntry("issuer",
						"https://cxone-gov.niceincontact.com");
			});
	}

	@Test
	void otherRegistrationsOfThePlatformKeepTheVariablesOut() {
		runner(Map.of("GENESYS_CLIENT_ID", "id", "GENESYS_CLIENT_SECRET", "secret"), "ccauth.genesys.prod.client-id=a",
				"ccauth.genesys.prod.client-secret=b", "ccauth.genesys.default.region=eu-west-1")
			.run((context) -> assertThat(context.getBeansOfType(WebClient.class))
				.containsOnlyKeys("genesysProdWebClient", "genesysWebClient"));
	}

	@Test
	void reportSaysWhichEmptyPropertyOverridesAVariableThatIsSet() {
		runner(Map.of("GENESYS_CLIENT_ID", "id", "GENESYS_CLIENT_SECRET", "secret"),
				"ccauth.genesys.default.client-secret=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(
						"ccauth.genesys.default.client-secret: is empty in the configuration, which overrides GENESYS_CLIENT_SECRET")
				.hasMessageNotContaining("Set ccauth.genesys.default.client-secret"));
	}

	@Test
	void reportSaysWhichVariableIsSetButEmpty() {
		runner(Map.of("GENESYS_CLIENT_ID", "id", "GENESYS_CLIENT_SECRET", "")).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (!(cause instanceof InvalidRegistrationException)) {
				cause = cause.getCause();
			}
			InvalidRegistrationException failure = (InvalidRegistrationException) cause;
			assertThat(failure.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.problem()).contains("GENESYS_CLIENT_SECRET is set in the environment but empty");
				assertThat(problem.fix()).startsWith("Give GENESYS_CLIENT_SECRET a value");
			});
		});
	}

	@Test
	void secretsFromTheEnvironmentAreCheckedNotTrimmed() {
		runner(Map.of("GENESYS_CLIENT_ID", "id", "GENESYS_CLIENT_SECRET", "secret-from-a-file\n"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ccauth.genesys.default.client-secret: contains a line break")
				.hasMessageNotContaining("secret-from-a-file"));
	}

}
