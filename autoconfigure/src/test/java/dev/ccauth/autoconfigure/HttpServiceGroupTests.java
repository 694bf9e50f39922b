package dev.ccauth.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.scripted.ScriptedServer;
import dev.ccauth.testkit.scripted.ScriptedServer.Answer;
import dev.ccauth.testkit.spring.SandboxProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Declarative HTTP interfaces in a group named after a registration
 * ({@code genesys-prod}) are that registration's typed clients with no other code, for
 * RestClient- and WebClient-backed groups; other groups are left alone, and Boot's
 * {@code spring.http.serviceclient.*} settings that do not conflict keep working.
 */
@ExtendWith(SandboxExtension.class)
class HttpServiceGroupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				HttpServiceClientPropertiesAutoConfiguration.class, HttpServiceClientAutoConfiguration.class,
				ReactiveHttpServiceClientAutoConfiguration.class));

	@Test
	void restClientGroupIsTheRegistrationsTypedClientSharingItsToken(Sandbox sandbox) {
		this.runner.withUserConfiguration(RestClientGroups.class)
			.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.run((context) -> {
				UsersApi users = context.getBean(UsersApi.class);
				UsersPage page = users.users(3);
				assertThat(page.entities()).hasSize(3).allSatisfy((user) -> assertThat(user.id()).isNotBlank());
				assertThat(page.pageNumber()).isEqualTo(1);
				context.getBean("genesysProdRestClient", RestClient.class)
					.get()
					.uri("/api/v2/users")
					.retrieve()
					.toBodilessEntity();
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
				assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(2);
			});
	}

	@Test
	void webClientGroupIsTheRegistrationsTypedClient(Sandbox sandbox) {
		this.runner.withUserConfiguration(WebClientGroups.class)
			.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.run((context) -> {
				ReactiveUsersApi users = context.getBean(ReactiveUsersApi.class);
				assertThat(users.users(2).block(Duration.ofSeconds(10)).entities()).hasSize(2);
				assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			});
	}

	@Test
	void cxoneGroupFindsItsDiscoveredBaseUrl(Sandbox sandbox) {
		this.runner.withUserConfiguration(CxoneGroup.class)
			.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.run((context) -> assertThat(context.getBean(AgentsApi.class).agents(4).agents()).hasSize(4));
	}

	@Test
	void otherGroupsGetNoTokenAndBootsPropertiesStillApply(Sandbox sandbox) {
		try (ScriptedServer api = ScriptedServer.start(); ScriptedServer other = ScriptedServer.start()) {
			api.answer("/api/v2/users", Answer.json(200, "{\"entities\":[],\"pageNumber\":1}"));
			other.answer("/api/v2/users", Answer.json(200, "{\"entities\":[],\"pageNumber\":1}"));
			this.runner.withUserConfiguration(RestClientGroups.class, OtherGroup.class)
				.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
				.withPropertyValues("ccauth.genesys.prod.base-url=" + api.url(""),
						"spring.http.serviceclient.genesys-prod.default-header.X-Job=nightly-export",
						"spring.http.serviceclient.other.base-url=" + other.url(""))
				.run((context) -> {
					context.getBean(UsersApi.class).users(1);
					context.getBean(OtherUsersApi.class).users(1);
					assertThat(api.requests()).singleElement().satisfies((request) -> {
						assertThat(request.headers()).containsIgnoringCase("Authorization: Bearer ");
						assertThat(request.headers()).containsIgnoringCase("X-Job: nightly-export");
					});
					assertThat(other.requests()).singleElement()
						.satisfies(
								(request) -> assertThat(request.headers()).doesNotContainIgnoringCase("authorization"));
				});
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record User(String id, String name, String email) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UsersPage(List<User> entities, int pageNumber) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Agent(long agentId, String userName) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AgentsPage(List<Agent> agents) {
	}

	interface UsersApi {

		@GetExchange("/api/v2/users")
		UsersPage users(@RequestParam int pageSize);

	}

	interface OtherUsersApi {

		@GetExchange("/api/v2/users")
		UsersPage users(@RequestParam int pageSize);

	}

	interface ReactiveUsersApi {

		@GetExchange("/api/v2/users")
		Mono<UsersPage> users(@RequestParam int pageSize);

	}

	interface AgentsApi {

		@GetExchange("/incontactapi/services/v34.0/agents")
		AgentsPage agents(@RequestParam int top);

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "genesys-prod", types = UsersApi.class)
	static class RestClientGroups {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "genesys-prod", types = ReactiveUsersApi.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class WebClientGroups {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "cxone-main", types = AgentsApi.class)
	static class CxoneGroup {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportHttpServices(group = "other", types = OtherUsersApi.class)
	static class OtherGroup {

	}

}
