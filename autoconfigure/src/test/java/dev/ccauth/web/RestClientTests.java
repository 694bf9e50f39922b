package dev.ccauth.web;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
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
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A registration's RestClient next to its WebClient: one token source for both, blocking
 * callers on platform and virtual threads, the token only for the registration's origin,
 * no redirects, discovered base URLs, and Boot's {@code spring.http.clients.*} under
 * ccauth's own settings.
 */
@ExtendWith(SandboxExtension.class)
class RestClientTests {

	private static final String USERS = "/api/v2/users?pageSize=1";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class));

	@Test
	void restClientBeanPerRegistration(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues(SandboxProperties.cxone(sandbox, "default"))
			.run((context) -> {
				assertThat(context).hasBean("genesysProdRestClient").hasBean("cxoneRestClient");
				JsonNode users = context.getBean("genesysProdRestClient", RestClient.class)
					.get()
					.uri(USERS)
					.retrieve()
					.body(JsonNode.class);
				assertThat(users.get("entities")).hasSize(1);
			});
	}

	@Test
	void webClientAndRestClientShareOneTokenWhateverTheMixOfCallers(Sandbox sandbox) {
		sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofMillis(300));
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod")).run((context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			RestClient restClient = clients.restClient(RegistrationId.genesys("prod"));
			WebClient webClient = clients.webClient(RegistrationId.genesys("prod"));
			ExecutorService threads = Executors.newFixedThreadPool(50);
			try {
				List<Future<JsonNode>> blocking = new ArrayList<>();
				for (int i = 0; i < 50; i++) {
					blocking.add(threads.submit(() -> restClient.get().uri(USERS).retrieve().body(JsonNode.class)));
				}
				List<JsonNode> reactive = Flux.range(0, 50)
					.flatMap((i) -> webClient.get().uri(USERS).retrieve().bodyToMono(JsonNode.class), 50)
					.collectList()
					.block(Duration.ofSeconds(30));
				for (Future<JsonNode> page : blocking) {
					assertThat(page.get().get("entities")).hasSize(1);
				}
				assertThat(reactive).hasSize(50);
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(100);
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void thousandVirtualThreadsMakingColdCallsCauseOneTokenRequest(Sandbox sandbox) throws Exception {
		sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofMillis(500));
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod")).run((context) -> {
			RestClient client = context.getBean("genesysProdRestClient", RestClient.class);
			// Executors.newVirtualThreadPerTaskExecutor() is Java 21; this module
			// compiles for Java 17
			Method virtual = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
			ExecutorService threads = (ExecutorService) virtual.invoke(null);
			try {
				List<Callable<Integer>> calls = new ArrayList<>();
				for (int i = 0; i < 1000; i++) {
					calls.add(() -> client.get().uri(USERS).retrieve().toBodilessEntity().getStatusCode().value());
				}
				for (Future<Integer> status : threads.invokeAll(calls)) {
					assertThat(status.get()).isEqualTo(200);
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1000);
		});
	}

	@Test
	void tokenGoesOnlyToTheRegistrationsOwnOrigin(Sandbox sandbox) {
		try (ScriptedServer other = ScriptedServer.start()) {
			other.answer("/elsewhere", Answer.json(200, "{}"));
			this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod")).run((context) -> {
				RestClient client = context.getBean("genesysProdRestClient", RestClient.class);
				client.get().uri(USERS).retrieve().toBodilessEntity();
				client.get().uri(other.url("/elsewhere")).retrieve().toBodilessEntity();
				assertThat(other.requests()).singleElement()
					.satisfies((request) -> assertThat(request.headers()).doesNotContainIgnoringCase("authorization"));
			});
		}
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void redirectsAreNotFollowed(ClientKind kind, Sandbox sandbox) {
		try (ScriptedServer api = ScriptedServer.start(); ScriptedServer elsewhere = ScriptedServer.start()) {
			api.answer("/api/v2/users", Answer.text(302, "").withHeader("Location", elsewhere.url("/stolen")));
			this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
				.withPropertyValues("ccauth.genesys.prod.base-url=" + api.url(""))
				.run((context) -> {
					assertThat(kind.api(context, RegistrationId.genesys("prod")).status("/api/v2/users"))
						.isEqualTo(302);
					assertThat(elsewhere.requests()).isEmpty();
				});
		}
	}

	@Test
	void cxoneBaseUrlIsDiscoveredOnFirstUseForTheRestClientToo(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main")).run((context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			JsonNode agents = clients.restClient(RegistrationId.cxone("main"))
				.get()
				.uri("/incontactapi/services/v34.0/agents?top=5")
				.retrieve()
				.body(JsonNode.class);
			assertThat(agents.get("agents")).hasSize(5);
			clients.webClient(RegistrationId.cxone("main"))
				.get()
				.uri("/incontactapi/services/v34.0/agents?top=5")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(10));
			assertThat(sandbox.requestCount(Endpoint.CXONE_TENANT_CONFIGURATION)).isEqualTo(1);
			assertThat(sandbox.requestCount(Endpoint.CXONE_TOKEN)).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@EnumSource(ClientKind.class)
	void bootsClientSettingsApplyWhereCcauthsAreUnset(ClientKind kind, Sandbox sandbox) {
		sandbox.latency(Endpoint.GENESYS_USERS, Duration.ofMillis(1500));
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("spring.http.clients.read-timeout=300ms", "ccauth.retry.max-attempts=1")
			.run((context) -> assertThatThrownBy(() -> api(kind, context).get(USERS))
				.isInstanceOf(ApiCallException.class)
				.hasMessageContaining("no response within"));
		this.runner.withPropertyValues(SandboxProperties.genesys(sandbox, "prod"))
			.withPropertyValues("spring.http.clients.read-timeout=300ms", "ccauth.http.response-timeout=5s")
			.run((context) -> assertThat(api(kind, context).get(USERS).get("entities")).hasSize(1));
	}

	private static ClientKind.Api api(ClientKind kind, ApplicationContext context) {
		return kind.api(context, RegistrationId.genesys("prod"));
	}

}
