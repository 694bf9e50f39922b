package dev.ccauth.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ccauth.config.ClientAuthentication;
import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.InvalidRegistrationException;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class CcauthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class));

	private static final String[] GENESYS_PROD = { "ccauth.genesys.prod.region=eu-west-1",
			"ccauth.genesys.prod.client-id=id-1", "ccauth.genesys.prod.client-secret=secret-1" };

	@Test
	void withoutRegistrationsDefinesTheClientsBeanAndNoWebClient() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ContactCenterClients.class);
			assertThat(context.getBean(ContactCenterClients.class).registrations()).isEmpty();
			assertThat(context).doesNotHaveBean(WebClient.class);
			assertThat(context).doesNotHaveBean(StartupTokenCheck.class);
		});
	}

	@Test
	void definesOneWebClientPerRegistrationNamedAfterIt() {
		this.runner.withPropertyValues(GENESYS_PROD)
			.withPropertyValues("ccauth.genesys.default.client-id=a", "ccauth.genesys.default.client-secret=b",
					"ccauth.genesys.prod-eu.region=mypurecloud.de", "ccauth.genesys.prod-eu.client-id=c",
					"ccauth.genesys.prod-eu.client-secret=d", "ccauth.cxone.main.grant=client-credentials",
					"ccauth.cxone.main.client-id=e", "ccauth.cxone.main.client-secret=f")
			.run((context) -> {
				assertThat(context.getBeansOfType(WebClient.class)).containsOnlyKeys("genesysWebClient",
						"genesysProdWebClient", "genesysProdEuWebClient", "cxoneMainWebClient");
				ContactCenterClients clients = context.getBean(ContactCenterClients.class);
				assertThat(context.getBean("genesysProdEuWebClient"))
					.isSameAs(clients.webClient(RegistrationId.genesys("prod-eu")));
				assertThat(clients.registrations()).extracting(Registration::id)
					.containsExactly(RegistrationId.genesys("default"), RegistrationId.genesys("prod"),
							RegistrationId.genesys("prod-eu"), RegistrationId.cxone("main"));
			});
	}

	@Test
	void applicationWebClientOfTheSameNameWins() {
		this.runner.withPropertyValues(GENESYS_PROD).withUserConfiguration(OwnWebClient.class).run((context) -> {
			assertThat(context.getBean("genesysProdWebClient")).isSameAs(OwnWebClient.CLIENT);
			assertThat(context.getBean(ContactCenterClients.class).webClient(RegistrationId.genesys("prod")))
				.isNotSameAs(OwnWebClient.CLIENT);
		});
	}

	@Test
	void applicationClientsAndRegistrationsWin() {
		ContactCenterRegistrations own = new ContactCenterRegistrations(List.of());
		this.runner.withPropertyValues(GENESYS_PROD)
			.withBean(ContactCenterRegistrations.class, () -> own)
			.run((context) -> {
				assertThat(context.getBean(ContactCenterRegistrations.class)).isSameAs(own);
				assertThat(context.getBean(ContactCenterClients.class).registrations()).isEmpty();
				assertThat(context).doesNotHaveBean(WebClient.class);
			});
	}

	@Test
	void applicationContactCenterClientsWins() {
		this.runner.withPropertyValues(GENESYS_PROD).withUserConfiguration(OwnClients.class).run((context) -> {
			assertThat(context).hasSingleBean(ContactCenterClients.class);
			assertThat(context.getBean(ContactCenterClients.class)).isSameAs(OwnClients.CLIENTS);
		});
	}

	@Test
	void backsOffWithoutWebClientOnTheClasspath() {
		this.runner.withPropertyValues(GENESYS_PROD)
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ContactCenterClients.class)
				.doesNotHaveBean("genesysProdWebClient"));
	}

	@Test
	void backsOffWithoutReactorNettyOnTheClasspath() {
		this.runner.withPropertyValues(GENESYS_PROD)
			.withClassLoader(new FilteredClassLoader(reactor.netty.http.client.HttpClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ContactCenterClients.class));
	}

	@Test
	void startupCheckOnlyWhenAskedFor() {
		this.runner.withPropertyValues(GENESYS_PROD)
			.withPropertyValues("ccauth.validate-on-startup=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StartupTokenCheck.class));
	}

	@Test
	void genesysDefaultsFollowTheRealEndpoints() {
		this.runner.withPropertyValues(GENESYS_PROD).run((context) -> {
			Registration prod = registration(context.getBean(ContactCenterRegistrations.class), "genesys", "prod");
			assertThat(prod.tokenUri()).isEqualTo(URI.create("https://login.mypurecloud.ie/oauth/token"));
			assertThat(prod.baseUrl()).isEqualTo(URI.create("https://api.mypurecloud.ie"));
			assertThat(prod.client().authentication()).isEqualTo(ClientAuthentication.BASIC);
			assertThat(prod.details().grant()).isEqualTo("client-credentials");
			assertThat(prod.scopes()).isEmpty();
			assertThat(prod.token().refreshSkew()).isEqualTo(Duration.ofMinutes(5));
			assertThat(prod.retry().maxAttempts()).isEqualTo(4);
			assertThat(prod.http().responseTimeout()).isEqualTo(Duration.ofSeconds(30));
		});
	}

	@ParameterizedTest
	@CsvSource({ "us-east-1, mypurecloud.com", "us-east-2, use2.us-gov-pure.cloud", "us-west-2, usw2.pure.cloud",
			"ca-central-1, cac1.pure.cloud", "sa-east-1, sae1.pure.cloud", "mx-central-1, mxc1.pure.cloud",
			"eu-west-1, mypurecloud.ie", "eu-west-2, euw2.pure.cloud", "eu-central-1, mypurecloud.de",
			"eu-central-2, euc2.pure.cloud", "eusc-de-east-1, edee1.eusc-pure.cloud", "me-central-1, mec1.pure.cloud",
			"ap-south-1, aps1.pure.cloud", "ap-southeast-1, apse1.pure.cloud", "ap-southeast-2, mypurecloud.com.au",
			"ap-northeast-1, mypurecloud.jp", "ap-northeast-2, apne2.pure.cloud", "ap-northeast-3, apne3.pure.cloud",
			"mypurecloud.ie, mypurecloud.ie", "api.mypurecloud.de, mypurecloud.de",
			"new1.pure.cloud, new1.pure.cloud" })
	void genesysRegionByAwsNameOrDomain(String region, String domain) {
		this.runner
			.withPropertyValues("ccauth.genesys.prod.region=" + region, "ccauth.genesys.prod.client-id=a",
					"ccauth.genesys.prod.client-secret=b")
			.run((context) -> {
				Registration prod = registration(context.getBean(ContactCenterRegistrations.class), "genesys", "prod");
				assertThat(prod.tokenUri()).isEqualTo(URI.create("https://login." + domain + "/oauth/token"));
				assertThat(prod.baseUrl()).isEqualTo(URI.create("https://api." + domain));
			});
	}

	@Test
	void genesysRegionDefaultsToUsEast1AndEndpointsCanBeOverridden() {
		this.runner
			.withPropertyValues("ccauth.genesys.prod.client-id=a", "ccauth.genesys.prod.client-secret=b",
					"ccauth.genesys.prod.token-uri=https://api.mypurecloud.com/api/v2/oauth/token",
					"ccauth.genesys.prod.client-authentication=post",
					"ccauth.genesys.prod.scopes=users:readonly,groups", "ccauth.genesys.prod.retry.max-attempts=7",
					"ccauth.retry.initial-delay=2s", "ccauth.genesys.prod.token.refresh-skew=1m")
			.run((context) -> {
				Registration prod = registration(context.getBean(ContactCenterRegistrations.class), "genesys", "prod");
				assertThat(prod.tokenUri()).isEqualTo(URI.create("https://api.mypurecloud.com/api/v2/oauth/token"));
				assertThat(prod.baseUrl()).isEqualTo(URI.create("https://api.mypurecloud.com"));
				assertThat(prod.client().authentication()).isEqualTo(ClientAuthentication.POST);
				assertThat(prod.scopes()).containsExactly("users:readonly", "groups");
				assertThat(prod.retry().maxAttempts()).isEqualTo(7);
				assertThat(prod.retry().initialDelay()).isEqualTo(Duration.ofSeconds(2));
				assertThat(prod.retry().multiplier()).isEqualTo(2.0);
				assertThat(prod.token().refreshSkew()).isEqualTo(Duration.ofMinutes(1));
				assertThat(prod.token().defaultLifetime()).isEqualTo(Duration.ofHours(1));
			});
	}

	@ParameterizedTest
	@CsvSource({ "us-east-1", "eu-west-1", "ap-southeast-2" })
	void cxoneTutorialRegions(String region) {
		this.runner
			.withPropertyValues("ccauth.cxone.tutorial-style.region=" + region,
					"ccauth.cxone.tutorial-style.client-id=a", "ccauth.cxone.tutorial-style.client-secret=b")
			.run((context) -> {
				Registration cxone = registration(context.getBean(ContactCenterRegistrations.class), "cxone",
						"tutorial-style");
				assertThat(cxone.details().grant()).isEqualTo("client-credentials");
				assertThat(cxone.tokenUri())
					.isEqualTo(URI.create("https://api." + region + ".cxp.nice.com/oauth/token"));
				assertThat(cxone.baseUrl()).isEqualTo(URI.create("https://api." + region + ".cxp.nice.com"));
				assertThat(cxone.scopes()).containsExactly("urn:nice:cxa:read", "urn:nice:cxa:write");
				assertThat(cxone.client().authentication()).isEqualTo(ClientAuthentication.POST);
			});
	}

	@Test
	void cxoneWithAnAccessKeyUsesTheAccessKeyGrantAndTheCommercialIssuer() {
		this.runner
			.withPropertyValues("ccauth.cxone.main.client-id=a", "ccauth.cxone.main.client-secret=b",
					"ccauth.cxone.main.access-key-id=c", "ccauth.cxone.main.access-key-secret=d")
			.run((context) -> {
				Registration cxone = registration(context.getBean(ContactCenterRegistrations.class), "cxone", "main");
				assertThat(cxone.details().grant()).isEqualTo("access-key");
				assertThat(cxone.details().location()).containsEntry("issuer", "https://cxone.niceincontact.com");
				assertThat(cxone.client().authentication()).isEqualTo(ClientAuthentication.BASIC);
				assertThat(cxone.tokenUri()).isNull();
				assertThat(cxone.baseUrl()).isNull();
			});
	}

	@Test
	void accessTokenAloneIsEnough() {
		this.runner.withPropertyValues("ccauth.genesys.ci.access-token=handed-over").run((context) -> {
			assertThat(context).hasNotFailed();
			Registration ci = registration(context.getBean(ContactCenterRegistrations.class), "genesys", "ci");
			assertThat(ci.hasCredentials()).isFalse();
			assertThat(ci.accessToken().reveal()).isEqualTo("handed-over");
		});
	}

	@Test
	void missingSecretStopsStartup() {
		assertInvalid(new String[] { "ccauth.genesys.prod.client-id=a" },
				"ccauth.genesys.prod.client-secret: is missing", "Set ccauth.genesys.prod.client-secret");
	}

	@Test
	void missingCredentialsNameTheEnvironmentVariablesForTheDefaultRegistration() {
		assertInvalid(new String[] { "ccauth.genesys.default.region=eu-west-1" },
				"ccauth.genesys.default.client-id: is missing", "GENESYS_CLIENT_ID");
	}

	@Test
	void missingAccessKeyStopsStartup() {
		assertInvalid(
				new String[] { "ccauth.cxone.main.client-id=a", "ccauth.cxone.main.client-secret=b",
						"ccauth.cxone.main.access-key-id=c" },
				"ccauth.cxone.main.access-key-secret: is missing", "Set ccauth.cxone.main.access-key-secret");
	}

	@Test
	void unknownRegionListsTheKnownOnes() {
		assertInvalid(
				new String[] { "ccauth.genesys.prod.region=mars-north-1", "ccauth.genesys.prod.client-id=a",
						"ccauth.genesys.prod.client-secret=b" },
				"'mars-north-1' is neither a known Genesys Cloud region",
				"us-east-1, us-east-2, us-west-2, ca-central-1");
	}

	@Test
	void unknownCxoneRegionListsTheTutorialOnes() {
		assertInvalid(
				new String[] { "ccauth.cxone.main.region=eu-central-1", "ccauth.cxone.main.client-id=a",
						"ccauth.cxone.main.client-secret=b" },
				"'eu-central-1' is not a CXone client-credentials region", "us-east-1, eu-west-1, ap-southeast-2");
	}

	@Test
	void malformedUrlStopsStartup() {
		assertInvalid(
				new String[] { "ccauth.genesys.prod.client-id=a", "ccauth.genesys.prod.client-secret=b",
						"ccauth.genesys.prod.base-url=https://api.mypure cloud.com" },
				"ccauth.genesys.prod.base-url:", "absolute https:// URL");
	}

	@Test
	void plainHttpOnlyOnLoopback() {
		assertInvalid(
				new String[] { "ccauth.genesys.prod.client-id=a", "ccauth.genesys.prod.client-secret=b",
						"ccauth.genesys.prod.token-uri=http://gateway.example.com/oauth/token" },
				"uses plain http on a host that is not a loopback address", "absolute https:// URL");
		this.runner
			.withPropertyValues("ccauth.genesys.prod.client-id=a", "ccauth.genesys.prod.client-secret=b",
					"ccauth.genesys.prod.token-uri=http://127.0.0.1:8080/oauth/token",
					"ccauth.genesys.prod.base-url=http://localhost:8080")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void invalidSettingsStopStartup() {
		assertInvalid(
				new String[] { "ccauth.retry.max-attempts=0", "ccauth.genesys.prod.client-id=a",
						"ccauth.genesys.prod.client-secret=b", "ccauth.genesys.prod.retry.jitter=1.5" },
				"ccauth.retry.max-attempts: must be at least 1", "ccauth.genesys.prod.retry.jitter");
	}

	@Test
	void invalidRegistrationNameStopsStartup() {
		assertInvalid(new String[] { "ccauth.genesys.Prod_EU.client-id=a", "ccauth.genesys.Prod_EU.client-secret=b" },
				"is not a valid registration name", "kebab-case");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		this.runner
			.withPropertyValues("ccauth.genesys.a.client-id=x", "ccauth.genesys.b.region=nowhere",
					"ccauth.genesys.b.client-id=x", "ccauth.genesys.b.client-secret=y")
			.run((context) -> {
				InvalidRegistrationException failure = invalidRegistration(context.getStartupFailure());
				assertThat(failure.problems()).hasSize(2);
			});
	}

	private void assertInvalid(String[] properties, String description, String action) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			InvalidRegistrationException failure = invalidRegistration(context.getStartupFailure());
			FailureAnalysis analysis = new InvalidRegistrationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(description);
			assertThat(analysis.getAction()).contains(action);
			assertThat(failure.getMessage()).doesNotContain("=b").doesNotContain("secret-1");
		});
	}

	private static InvalidRegistrationException invalidRegistration(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidRegistrationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of " + failure).isInstanceOf(InvalidRegistrationException.class);
		return (InvalidRegistrationException) cause;
	}

	private static Registration registration(ContactCenterRegistrations registrations, String platform, String name) {
		return registrations.all()
			.stream()
			.filter((r) -> r.id().platform().key().equals(platform) && r.id().name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWebClient {

		static final WebClient CLIENT = WebClient.create("https://example.org");

		@Bean
		WebClient genesysProdWebClient() {
			return CLIENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClients {

		static final ContactCenterClients CLIENTS = new ContactCenterClients() {

			@Override
			public List<Registration> registrations() {
				return List.of();
			}

			@Override
			public WebClient webClient(RegistrationId registration) {
				return WebClient.create("https://example.org");
			}

			@Override
			public org.springframework.web.client.RestClient restClient(RegistrationId registration) {
				return org.springframework.web.client.RestClient.create("https://example.org");
			}

			@Override
			public void configure(RegistrationId registration, WebClient.Builder builder) {
			}

			@Override
			public void configure(RegistrationId registration,
					org.springframework.web.client.RestClient.Builder builder) {
			}

			@Override
			public dev.ccauth.token.TokenSource tokenSource(RegistrationId registration) {
				throw new IllegalArgumentException("none");
			}

		};

		@Bean
		ContactCenterClients ownClients() {
			return CLIENTS;
		}

	}

}
