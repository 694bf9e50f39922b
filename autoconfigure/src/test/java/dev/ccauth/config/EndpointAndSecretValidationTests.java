package dev.ccauth.config;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoint URLs and secrets as configured: what is refused at startup, and what the
 * report shows of it.
 */
class EndpointAndSecretValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("ccauth.genesys.prod.client-id=id", "ccauth.genesys.prod.client-secret=secret-1");

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:9", "http://[::1]:8080",
			"HTTP://LOCALHOST", "https://anything.example.com" })
	void plainHttpIsAcceptedOnLoopbackLiteralsAndLocalhostOnly(String baseUrl) {
		this.runner.withPropertyValues("ccauth.genesys.prod.base-url=" + baseUrl)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.example.org", "http://app.localhost", "http://localhost.example.com",
			"http://127.0.0.300.example", "http://[::2]", "http://10.0.0.1" })
	void plainHttpIsRefusedOnAnyOtherHost(String baseUrl) {
		assertProblem("ccauth.genesys.prod.base-url=" + baseUrl, "ccauth.genesys.prod.base-url",
				"plain http on a host that is not a loopback address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "token-uri=https://user:hunter2-password@login.example.com/oauth/token",
			"base-url=https://hunter2-password@api.example.com", "base-url=http://user:hunter2-password@127.0.0.1:80" })
	void userInfoInAUrlStopsStartupWithoutShowingIt(String property) {
		assertProblem("ccauth.genesys.prod." + property, "contains a user name or password", "Remove the user-info");
	}

	@Test
	void userInfoInTheCxoneIssuerStopsStartupWithoutShowingIt() {
		this.runner
			.withPropertyValues("ccauth.cxone.main.client-id=a", "ccauth.cxone.main.client-secret=b",
					"ccauth.cxone.main.access-key-id=c", "ccauth.cxone.main.access-key-secret=d",
					"ccauth.cxone.main.issuer=https://me:hunter2-password@cxone.niceincontact.com")
			.run((context) -> assertThat(report(context.getStartupFailure())).contains("ccauth.cxone.main.issuer")
				.contains("https://******@cxone.niceincontact.com")
				.doesNotContain("hunter2-password"));
	}

	@Test
	void aMalformedUrlWithUserInfoIsShownWithoutIt() {
		assertProblem("ccauth.genesys.prod.base-url=https://me:hunter2-password@api example.com",
				"ccauth.genesys.prod.base-url", "is not a valid URL");
	}

	@Test
	void emptyUrlsMeanNotSet() {
		this.runner
			.withPropertyValues("ccauth.genesys.prod.base-url=", "ccauth.genesys.prod.token-uri= ",
					"ccauth.genesys.prod.region=eu-west-1", "ccauth.cxone.main.client-id=a",
					"ccauth.cxone.main.client-secret=b", "ccauth.cxone.main.access-key-id=c",
					"ccauth.cxone.main.access-key-secret=d", "ccauth.cxone.main.issuer=",
					"ccauth.cxone.main.token-uri=", "ccauth.cxone.main.base-url=", "ccauth.cxone.main.region=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ContactCenterRegistrations registrations = context.getBean(ContactCenterRegistrations.class);
				Registration genesys = registrations.get(RegistrationId.genesys("prod"));
				assertThat(genesys.baseUrl()).isEqualTo(URI.create("https://api.mypurecloud.ie"));
				assertThat(genesys.tokenUri()).isEqualTo(URI.create("https://login.mypurecloud.ie/oauth/token"));
				Registration cxone = registrations.get(RegistrationId.cxone("main"));
				assertThat(cxone.details().grant()).isEqualTo("access-key");
				assertThat(cxone.details().location()).containsEntry("issuer", "https://cxone.niceincontact.com");
				assertThat(cxone.tokenUri()).isNull();
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "client-secret", "access-token" })
	void secretWithALineBreakIsReportedWithoutShowingIt(String property) {
		assertProblem(exactly(Map.of("ccauth.genesys.prod." + property, "hunter2-secret\n")),
				"ccauth.genesys.prod." + property + ": contains a line break");
	}

	@ParameterizedTest
	@ValueSource(strings = { " hunter2-secret", "hunter2-secret ", "\thunter2-secret" })
	void secretWithWhiteSpaceAroundItIsReportedWithoutShowingIt(String value) {
		assertProblem(exactly(Map.of("ccauth.genesys.prod.client-secret", value)),
				"ccauth.genesys.prod.client-secret: begins or ends with white space");
	}

	@Test
	void accessKeySecretIsCheckedToo() {
		assertProblem(exactly(Map.of("ccauth.cxone.main.client-id", "a", "ccauth.cxone.main.client-secret", "b",
				"ccauth.cxone.main.access-key-id", "c", "ccauth.cxone.main.access-key-secret", "hunter2-secret\r\n")),
				"ccauth.cxone.main.access-key-secret: contains a line break");
	}

	private void assertProblem(String property, String... expected) {
		assertProblem(this.runner.withPropertyValues(property), expected);
	}

	private static void assertProblem(ApplicationContextRunner runner, String... expected) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(report(context.getStartupFailure())).contains(expected).doesNotContain("hunter2");
		});
	}

	/** Properties with their values as they are: withPropertyValues trims them. */
	private ApplicationContextRunner exactly(Map<String, Object> properties) {
		return this.runner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("exact", properties)));
	}

	/**
	 * Everything the startup failure would show: its message and the failure analysis.
	 */
	private static String report(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidRegistrationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause of " + failure).isInstanceOf(InvalidRegistrationException.class);
		InvalidRegistrationException invalid = (InvalidRegistrationException) cause;
		StringBuilder report = new StringBuilder(invalid.getMessage());
		invalid.problems()
			.forEach((problem) -> report.append('\n')
				.append(problem.property())
				.append(": ")
				.append(problem.problem())
				.append(' ')
				.append(problem.fix()));
		return report.toString();
	}

}
