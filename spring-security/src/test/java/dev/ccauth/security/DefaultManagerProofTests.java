package dev.ccauth.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside web requests, with the authorized client manager Spring Security itself creates
 * (the application defines none): Spring keys the authorized client by principal, and an
 * anonymous caller's by its web session, so every new caller costs a token request. With
 * the module, the default manager gets ccauth in front of it: one token for the
 * registration.
 */
@ExtendWith(SandboxExtension.class)
class DefaultManagerProofTests {

	private static final int CALLERS = 50;

	@Test
	void webFluxApplicationUsingSpringSecuritysDefaultManager(Sandbox sandbox) throws Exception {
		assertThat(callers(sandbox, WebFluxApplication.class, WebApplicationType.REACTIVE, false))
			.as("token requests without the module")
			.isEqualTo(CALLERS);
		assertThat(callers(sandbox, WebFluxApplication.class, WebApplicationType.REACTIVE, true))
			.as("token requests with the module")
			.isEqualTo(1);
	}

	@Test
	void servletApplicationUsingSpringSecuritysDefaultManager(Sandbox sandbox) throws Exception {
		assertThat(callers(sandbox, ServletApplication.class, WebApplicationType.SERVLET, false))
			.as("token requests without the module")
			.isEqualTo(CALLERS);
		assertThat(callers(sandbox, ServletApplication.class, WebApplicationType.SERVLET, true))
			.as("token requests with the module")
			.isEqualTo(1);
	}

	/**
	 * {@value #CALLERS} concurrent callers of an endpoint that calls the API; the token
	 * requests it took.
	 */
	private int callers(Sandbox sandbox, Class<?> application, WebApplicationType type, boolean withModule)
			throws Exception {
		List<String> properties = new ArrayList<>(List.of(HostApplications.genesys(sandbox)));
		properties.addAll(List.of("server.port=0", "spring.main.banner-mode=off"));
		if (!withModule) {
			properties.add("spring.autoconfigure.exclude=dev.ccauth.security.CcauthSpringSecurityAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application).web(type)
			.properties(properties.toArray(String[]::new))
			.run()) {
			if (withModule) {
				assertThat(context.getBean(withModuleManagerType(type))).as("Spring Security's own default manager")
					.isInstanceOfAny(ReactiveManagerBridge.class, ManagerBridge.class);
			}
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			int before = sandbox.requestCount(Endpoint.GENESYS_TOKEN);
			HttpClient http = HttpClient.newHttpClient();
			List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				calls.add(http.sendAsync(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/calls")).build(),
						HttpResponse.BodyHandlers.ofString()));
			}
			for (CompletableFuture<HttpResponse<String>> call : calls) {
				assertThat(call.get().body()).isEqualTo("listed");
			}
			return sandbox.requestCount(Endpoint.GENESYS_TOKEN) - before;
		}
	}

	private static Class<?> withModuleManagerType(WebApplicationType type) {
		return (type == WebApplicationType.REACTIVE) ? ReactiveOAuth2AuthorizedClientManager.class
				: OAuth2AuthorizedClientManager.class;
	}

	/**
	 * The reference documentation's WebFlux setup: Spring Security's manager, the
	 * exchange filter function.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class WebFluxApplication {

		private final WebClient api;

		WebFluxApplication(WebClient.Builder builder, ReactiveOAuth2AuthorizedClientManager manager,
				Environment environment) {
			ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
					manager);
			oauth.setDefaultClientRegistrationId("genesys");
			this.api = builder.baseUrl(environment.getProperty("app.base-url")).filter(oauth).build();
		}

		@Bean
		SecurityWebFilterChain security(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

		@GetMapping("/calls")
		Mono<String> calls() {
			return this.api.get()
				.uri("/api/v2/users?pageSize=1")
				.retrieve()
				.bodyToMono(String.class)
				.map((body) -> "listed");
		}

	}

	/**
	 * The reference documentation's servlet setup: Spring Security's manager, the
	 * RestClient interceptor.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class ServletApplication {

		private final RestClient api;

		ServletApplication(OAuth2AuthorizedClientManager manager, Environment environment) {
			OAuth2ClientHttpRequestInterceptor oauth = new OAuth2ClientHttpRequestInterceptor(manager);
			oauth.setClientRegistrationIdResolver((request) -> "genesys");
			this.api = RestClient.builder()
				.baseUrl(environment.getProperty("app.base-url"))
				.requestInterceptor(oauth)
				.build();
		}

		@Bean
		SecurityFilterChain security(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@GetMapping("/calls")
		String calls() {
			this.api.get().uri("/api/v2/users?pageSize=1").retrieve().body(String.class);
			return "listed";
		}

	}

}
