package dev.ccauth.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ccauth.spring-security.expose-registrations=true}, a WebFlux or servlet
 * application with Boot's default security, with or without OAuth2 client registrations
 * of its own, keeps its security exactly as it was: its beans (the module only adds its
 * own) and what an unauthenticated caller gets from a protected endpoint and from the
 * login page.
 */
class HostSecurityUntouchedTests {

	private static final Set<String> MODULE_BEANS = Set.of("springSecurityBridge",
			"ccauthSpringSecurityBridgePostProcessor", "ccauthExposedRegistrations", "ccauthExposingPostProcessor",
			"ccauth.spring-security-dev.ccauth.security.SpringSecurityBridgeProperties",
			"dev.ccauth.security.CcauthSpringSecurityAutoConfiguration",
			"dev.ccauth.security.CcauthSpringSecurityAutoConfiguration$ExposedRegistrationsConfiguration",
			"dev.ccauth.security.CcauthSpringSecurityAutoConfiguration$ReactiveExposedRepositoryConfiguration",
			"dev.ccauth.security.CcauthSpringSecurityAutoConfiguration$ServletExposedRepositoryConfiguration",
			"ccauthReactiveAuthorizedClientManager", "ccauthAuthorizedClientManager");

	private static final String[] OWN_REGISTRATION = {
			"spring.security.oauth2.client.registration.github.client-id=app-client",
			"spring.security.oauth2.client.registration.github.client-secret=app-secret" };

	@ParameterizedTest(name = "{0}, own OAuth2 registrations: {1}")
	@CsvSource({ "REACTIVE, false", "REACTIVE, true", "SERVLET, false", "SERVLET, true" })
	void exposingCcauthRegistrationsLeavesTheHostsSecurityAsItWas(WebApplicationType type, boolean ownRegistrations)
			throws Exception {
		Host without = start(type, ownRegistrations, false);
		Host with = start(type, ownRegistrations, true);
		Set<String> added = new TreeSet<>(with.beans());
		added.removeAll(without.beans());
		assertThat(added).isSubsetOf(MODULE_BEANS).contains("springSecurityBridge", "ccauthExposedRegistrations");
		assertThat(with.beans()).containsAll(without.beans());
		assertThat(with.responses()).isEqualTo(without.responses());
		assertThat(without.responses().get("/hello")).as("the endpoint is protected").doesNotStartWith("200");
	}

	private Host start(WebApplicationType type, boolean ownRegistrations, boolean withModule) throws Exception {
		List<String> properties = new ArrayList<>(
				List.of("server.port=0", "spring.main.banner-mode=off", "ccauth.genesys.prod.client-id=a",
						"ccauth.genesys.prod.client-secret=b", "ccauth.spring-security.expose-registrations=true"));
		if (ownRegistrations) {
			properties.addAll(List.of(OWN_REGISTRATION));
		}
		if (!withModule) {
			properties.add("spring.autoconfigure.exclude=dev.ccauth.security.CcauthSpringSecurityAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostApplication.class).web(type)
			.properties(properties.toArray(String[]::new))
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Map<String, String> responses = new LinkedHashMap<>();
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			for (String path : List.of("/hello", "/login")) {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				responses.put(path, response.statusCode() + " "
						+ response.headers().firstValue("WWW-Authenticate").orElse("-") + " "
						+ response.headers().firstValue("Location").orElse("-").replace(":" + port, ":PORT") + " "
						+ response.body()
							.replace(":" + port, ":PORT")
							.replaceAll("name=\"_csrf\" type=\"hidden\" value=\"[^\"]*\"", "csrf"));
			}
			return new Host(Set.of(context.getBeanDefinitionNames()), responses);
		}
	}

	private record Host(Set<String> beans, Map<String, String> responses) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class HostApplication {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
