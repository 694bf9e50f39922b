package dev.ccauth.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding ccauth to a WebFlux or a servlet application adds ccauth's own beans and nothing
 * else: the application's security (or its absence), its own OAuth2 client registrations
 * and its HTTP setup stay as they were.
 */
class HostApplicationUntouchedTests {

	private static final String[] CCAUTH = { "ccauth.genesys.prod.client-id=a", "ccauth.genesys.prod.client-secret=b" };

	private static final String[] APP_OAUTH2 = {
			"spring.security.oauth2.client.registration.github.client-id=app-client",
			"spring.security.oauth2.client.registration.github.client-secret=app-secret" };

	private static final Set<String> CCAUTH_BEANS = Set.of("contactCenterRegistrations", "contactCenterClients",
			"contactCenterRetryPolicies", "genesysProdWebClient", "genesysProdRestClient",
			"ccauth-dev.ccauth.autoconfigure.CcauthProperties", "ccauthRestClientHttpServiceGroupConfigurer",
			"ccauthWebClientHttpServiceGroupConfigurer",
			"dev.ccauth.autoconfigure.CcauthAutoConfiguration$RestClientServiceGroups",
			"dev.ccauth.autoconfigure.CcauthAutoConfiguration$WebClientServiceGroups",
			"dev.ccauth.autoconfigure.CcauthAutoConfiguration");

	@Test
	void reactiveApplicationWithItsOwnSecurityAndOAuth2Client() {
		AutoConfigurations host = AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
				WebClientAutoConfiguration.class, SslAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class,
				org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration.class,
				ReactiveOAuth2ClientAutoConfiguration.class, OAuth2ClientAutoConfiguration.class);
		Set<String> without = beans(new ReactiveWebApplicationContextRunner().withConfiguration(host), APP_OAUTH2);
		Set<String> with = beans(new ReactiveWebApplicationContextRunner().withConfiguration(host)
			.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class)), APP_OAUTH2, CCAUTH);
		assertOnlyCcauthBeansAdded(without, with);
		assertThat(without).anyMatch((name) -> name.toLowerCase().contains("clientregistration"));
	}

	@Test
	void servletApplicationWithItsOwnSecurity() {
		AutoConfigurations host = AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
				WebClientAutoConfiguration.class, SslAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
				OAuth2ClientAutoConfiguration.class);
		Set<String> without = beans(new WebApplicationContextRunner().withConfiguration(host), APP_OAUTH2);
		Set<String> with = beans(new WebApplicationContextRunner().withConfiguration(host)
			.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class)), APP_OAUTH2, CCAUTH);
		assertOnlyCcauthBeansAdded(without, with);
	}

	@Test
	void applicationWithoutSecurityGetsNoSecurity() {
		AutoConfigurations host = AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
				WebClientAutoConfiguration.class, SslAutoConfiguration.class);
		new ReactiveWebApplicationContextRunner().withConfiguration(host)
			.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class))
			.withPropertyValues(CCAUTH)
			.run((context) -> assertThat(context.getBeanDefinitionNames()).noneMatch(
					(name) -> name.toLowerCase().contains("security") || name.toLowerCase().contains("userdetails")));
	}

	private static void assertOnlyCcauthBeansAdded(Set<String> without, Set<String> with) {
		Set<String> added = new TreeSet<>(with);
		added.removeAll(without);
		assertThat(added).isSubsetOf(CCAUTH_BEANS).contains("genesysProdWebClient", "contactCenterClients");
		assertThat(with).containsAll(without);
	}

	private static Set<String> beans(ReactiveWebApplicationContextRunner runner, String[]... properties) {
		for (String[] values : properties) {
			runner = runner.withPropertyValues(values);
		}
		Set<String> names = new TreeSet<>();
		runner.run((context) -> names.addAll(beanNames(context)));
		return names;
	}

	private static Set<String> beans(WebApplicationContextRunner runner, String[]... properties) {
		for (String[] values : properties) {
			runner = runner.withPropertyValues(values);
		}
		Set<String> names = new TreeSet<>();
		runner.run((context) -> names.addAll(beanNames(context)));
		return names;
	}

	private static Set<String> beanNames(ApplicationContext context) {
		return Set.of(context.getBeanDefinitionNames());
	}

}
