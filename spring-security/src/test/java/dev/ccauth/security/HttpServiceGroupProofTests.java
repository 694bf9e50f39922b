package dev.ccauth.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.security.oauth2.client.web.reactive.function.client.support.OAuth2WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security 7's HTTP service group support: an interface method annotated
 * {@code @ClientRegistrationId}, its group's WebClient configured by
 * {@code OAuth2WebClientHttpServiceGroupConfigurer.from(manager)}, without the module and
 * with it.
 */
@ExtendWith(SandboxExtension.class)
class HttpServiceGroupProofTests {

	private static final int CALLS = 100;

	@Test
	void concurrentFirstCallsThroughAnHttpServiceGroup(Sandbox sandbox) {
		sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofSeconds(3));
		assertThat(firstCalls(sandbox, false)).as("token requests without the module").isEqualTo(CALLS);
		assertThat(firstCalls(sandbox, true)).as("token requests with the module").isEqualTo(1);
	}

	private int firstCalls(Sandbox sandbox, boolean withModule) {
		List<String> properties = new ArrayList<>(List.of(HostApplications.genesys(sandbox)));
		properties.addAll(List.of("spring.http.serviceclient.genesys.base-url=" + sandbox.genesysBaseUrl(),
				"spring.main.banner-mode=off"));
		if (!withModule) {
			properties.add("spring.autoconfigure.exclude=dev.ccauth.security.CcauthSpringSecurityAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ServiceGroupApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run()) {
			UsersApi users = context.getBean(UsersApi.class);
			int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
			List<String> pages = Flux.range(0, CALLS)
				.flatMap((call) -> users.firstPage(), CALLS)
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(pages).hasSize(CALLS).allSatisfy((page) -> assertThat(page).contains("\"entities\""));
			return sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before;
		}
	}

	/**
	 * A Genesys API as an HTTP interface, authorized with the Spring Security
	 * registration {@code genesys}.
	 */
	interface UsersApi {

		@GetExchange("/api/v2/users?pageSize=1")
		@ClientRegistrationId("genesys")
		Mono<String> firstPage();

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(HostApplications.WebFluxClient.class)
	@ImportHttpServices(group = "genesys", types = UsersApi.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class ServiceGroupApplication {

		@Bean
		OAuth2WebClientHttpServiceGroupConfigurer oauth2ServiceGroups(ReactiveOAuth2AuthorizedClientManager manager) {
			return OAuth2WebClientHttpServiceGroupConfigurer.from(manager);
		}

	}

}
