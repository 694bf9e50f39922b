package dev.ccauth.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with Actuator and ccauth, on a real server on a free port, its
 * registrations pointed at the sandbox, read the way an operator reads it: over HTTP,
 * from {@code /actuator/health}, {@code /actuator/metrics} and {@code /actuator/ccauth}.
 * Run as a WebFlux and as a servlet application; each scenario uses its own registration,
 * so that one application serves them all.
 */
@ExtendWith({ SandboxExtension.class, OutputCaptureExtension.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ActuatorApplicationTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String WRONG_SECRET = "wrong-secret-of-the-actuator-test";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<String> bodies = new ArrayList<>();

	private ConfigurableApplicationContext application;

	private String url;

	abstract WebApplicationType type();

	@BeforeAll
	void start(Sandbox sandbox) {
		List<String> properties = new ArrayList<>(
				List.of("server.port=0", "management.endpoints.web.exposure.include=health,metrics,ccauth",
						"management.endpoint.health.show-details=always", "ccauth.retry.initial-delay=20ms",
						"ccauth.retry.max-delay=100ms", "server.tomcat.threads.max=1000", "spring.main.banner-mode=off",
						"spring.autoconfigure.exclude=" + String.join(",", securityAutoConfigurations())));
		for (String name : List.of("prod", "idle", "cold", "limited", "wrong")) {
			properties.addAll(List.of(SandboxProperties.genesys(sandbox, name)));
		}
		properties.add("ccauth.genesys.wrong.client-secret=" + WRONG_SECRET);
		properties.addAll(List.of(SandboxProperties.cxone(sandbox, "main")));
		this.application = new SpringApplicationBuilder(Application.class).web(type())
			.properties(properties.toArray(String[]::new))
			.run();
		this.url = "http://127.0.0.1:" + ((WebServerApplicationContext) this.application).getWebServer().getPort();
	}

	@AfterAll
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
	}

	@Test
	void healthShowsEveryRegistrationWithoutAnyRequest(Sandbox sandbox) {
		// the other scenarios may have turned genesys-wrong DOWN already, and with it the
		// whole
		HttpResponse<String> all = send("/actuator/health");
		assertThat(all.statusCode()).isIn(200, 503);
		JsonNode ccauth = JSON.readTree(all.body()).at("/components/ccauth");
		assertThat(ccauth.at("/components").propertyNames()).containsExactlyInAnyOrder("genesys-prod", "genesys-idle",
				"genesys-cold", "genesys-limited", "genesys-wrong", "cxone-main");
		JsonNode idle = get("/actuator/health/ccauth/genesys-idle", 200);
		assertThat(idle.at("/status").asString()).isEqualTo("UP");
		assertThat(idle.at("/details/platform").asString()).isEqualTo("genesys");
		assertThat(idle.at("/details/region").asString()).isEqualTo("us-east-1");
		assertThat(idle.at("/details/tokenEndpoint").asString()).isEqualTo(sandbox.genesysTokenUri());
		assertThat(idle.at("/details/apiBaseUrl").asString()).isEqualTo(sandbox.genesysBaseUrl());
		assertThat(idle.at("/details/validToken").asBoolean()).isFalse();
		assertThat(idle.at("/details").has("tokenExpiresIn")).isFalse();
		JsonNode cxone = ccauth.at("/components/cxone-main/details");
		assertThat(cxone.at("/issuer").asString()).isEqualTo(sandbox.cxoneIssuer());
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN) + sandbox.requestCount(Endpoint.CXONE_TOKEN))
			.as("health asks for no token")
			.isZero();
	}

	@Test
	void thousandConcurrentColdCallsReadOneTokenRequest(Sandbox sandbox) {
		// a slow token endpoint: every call is surely waiting before the first token
		// comes back
		sandbox.latency(Endpoint.GENESYS_TOKEN, Duration.ofMillis(1500));
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			calls.add(this.http.sendAsync(request("/users/cold"), HttpResponse.BodyHandlers.ofString()));
		}
		for (CompletableFuture<HttpResponse<String>> call : calls) {
			assertThat(call.join().statusCode()).isEqualTo(200);
		}
		assertThat(sandbox.requestCount(Endpoint.GENESYS_TOKEN)).isEqualTo(1);
		assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(1000);
		JsonNode requests = get("/actuator/metrics/ccauth.token.requests?tag=registration:genesys-cold", 200);
		assertThat(measurement(requests, "COUNT")).isEqualTo(1.0);
		assertThat(tagValues(requests, "outcome")).containsExactly("success");
		assertThat(tagValues(requests, "trigger")).containsExactly("first");
		assertThat(
				measurement(get("/actuator/metrics/ccauth.token.request.duration?tag=registration:genesys-cold", 200),
						"TOTAL_TIME"))
			.isGreaterThanOrEqualTo(1.5);
		assertThat(measurement(get("/actuator/metrics/ccauth.token.expires.in?tag=registration:genesys-cold", 200),
				"VALUE"))
			.isBetween(3500.0, 3600.0);
		JsonNode health = get("/actuator/health/ccauth/genesys-cold", 200);
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/details/tokenExpiresIn").asLong()).isBetween(3500L, 3600L);
		assertThat(health.at("/details/lastRenewal").asString()).isNotEmpty();
	}

	@Test
	void refusedSecretTurnsItsComponentDownAndCountsRefused(Sandbox sandbox) {
		assertThat(send("/users/wrong").statusCode()).isEqualTo(500);
		JsonNode health = get("/actuator/health/ccauth/genesys-wrong", 503);
		assertThat(health.at("/status").asString()).isEqualTo("DOWN");
		assertThat(health.at("/details/reason").asString()).isEqualTo("token requests are refused");
		assertThat(health.at("/details/lastFailure").asString()).contains("HTTP 401",
				"Check ccauth.genesys.wrong.client-id and client-secret");
		assertThat(health.at("/details/coolDownUntil").asString()).isNotEmpty();
		assertThat(get("/actuator/health", 503).at("/status").asString()).isEqualTo("DOWN");
		JsonNode refused = get(
				"/actuator/metrics/ccauth.token.requests?tag=registration:genesys-wrong&tag=outcome:refused", 200);
		assertThat(measurement(refused, "COUNT")).isEqualTo(1.0);
		assertThat(get("/actuator/ccauth/genesys-wrong", 200).at("/status").asString()).isEqualTo("DOWN");
	}

	@Test
	void retryAfterShowsInRetriesAndTheirWait(Sandbox sandbox) {
		send("/users/limited"); // the token first: only the API call meets the 429
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429, Duration.ofSeconds(2));
		HttpResponse<String> response = send("/users/limited");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(3);
		JsonNode retries = get("/actuator/metrics/ccauth.http.retries?tag=registration:genesys-limited", 200);
		assertThat(measurement(retries, "COUNT")).isEqualTo(1.0);
		assertThat(tagValues(retries, "reason")).containsExactly("429");
		JsonNode wait = get("/actuator/metrics/ccauth.http.retry.wait?tag=registration:genesys-limited&tag=reason:429",
				200);
		assertThat(measurement(wait, "COUNT")).isEqualTo(1.0);
		assertThat(measurement(wait, "TOTAL_TIME")).isEqualTo(2.0);
	}

	@Test
	void endpointListsEveryRegistrationWithItsSettings(Sandbox sandbox) {
		JsonNode registrations = get("/actuator/ccauth", 200).at("/registrations");
		assertThat(registrations.propertyNames()).containsExactly("genesys-cold", "genesys-idle", "genesys-limited",
				"genesys-prod", "genesys-wrong", "cxone-main");
		JsonNode prod = registrations.get("genesys-prod");
		assertThat(prod.at("/platform").asString()).isEqualTo("genesys");
		assertThat(prod.at("/clientId").asString()).isEqualTo(sandbox.genesysClient().clientId());
		assertThat(prod.at("/tokenEndpoint").asString()).isEqualTo(sandbox.genesysTokenUri());
		assertThat(prod.at("/retry/maxAttempts").asInt()).isEqualTo(4);
		assertThat(prod.at("/retry/initialDelay").asString()).isEqualTo("PT0.02S");
		assertThat(prod.at("/retry/maxRetryAfter").asString()).isEqualTo("PT3M");
		assertThat(prod.at("/http/tokenRequestTimeout").asString()).isEqualTo("PT30S");
		assertThat(registrations.at("/cxone-main/grant").asString()).isEqualTo("access-key");
		assertThat(get("/actuator/ccauth/genesys-prod", 200).at("/name").asString()).isEqualTo("prod");
		assertThat(send("/actuator/ccauth/genesys-nowhere").statusCode()).isEqualTo(404);
	}

	@Test
	void noOutputHoldsASecretOrAToken(Sandbox sandbox, CapturedOutput output) {
		ContactCenterClients clients = this.application.getBean(ContactCenterClients.class);
		send("/users/prod");
		send("/users/wrong");
		send("/agents");
		List<String> secrets = List.of(sandbox.genesysClient().clientSecret(), sandbox.cxoneClient().clientSecret(),
				sandbox.cxoneAccessKey().secret(), WRONG_SECRET,
				clients.accessToken(RegistrationId.genesys("prod")).block().value(),
				clients.accessToken(RegistrationId.cxone("main")).block().value());
		for (String path : List.of("/actuator/health", "/actuator/ccauth", "/actuator/metrics",
				"/actuator/metrics/ccauth.token.requests", "/actuator/metrics/ccauth.token.expires.in",
				"/actuator/metrics/http.client.requests")) {
			send(path);
		}
		assertThat(this.bodies).hasSizeGreaterThan(8);
		String everything = String.join("\n", this.bodies) + output;
		for (String secret : secrets) {
			assertThat(everything).doesNotContain(secret);
		}
	}

	private JsonNode get(String path, int status) {
		HttpResponse<String> response = send(path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(String path) {
		try {
			HttpResponse<String> response = this.http.send(request(path), HttpResponse.BodyHandlers.ofString());
			this.bodies.add(response.body());
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create(this.url + path)).timeout(Duration.ofSeconds(60)).build();
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.get("measurements")) {
			if (measurement.get("statistic").asString().equals(statistic)) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("no " + statistic + " in " + metric);
	}

	private static List<String> tagValues(JsonNode metric, String tag) {
		for (JsonNode available : metric.get("availableTags")) {
			if (available.get("tag").asString().equals(tag)) {
				List<String> values = new ArrayList<>();
				available.get("values").forEach((value) -> values.add(value.asString()));
				return values;
			}
		}
		return List.of();
	}

	/**
	 * The test class path has Spring Security (other tests need it); this application has
	 * none, as most services exposing Actuator on a management network do.
	 */
	private static List<String> securityAutoConfigurations() {
		List<String> names = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, ActuatorApplicationTests.class.getClassLoader())
			.forEach((name) -> {
				if (name.contains(".security.")) {
					names.add(name);
				}
			});
		return names;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ServletUsers.class, ReactiveUsers.class })
	static class Application {

	}

	/** A servlet application's endpoints: blocking calls through ccauth's RestClients. */
	@RestController
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletUsers {

		private final ContactCenterClients clients;

		ServletUsers(ContactCenterClients clients) {
			this.clients = clients;
		}

		@GetMapping("/users/{registration}")
		String users(@PathVariable String registration) {
			return this.clients.restClient(RegistrationId.genesys(registration))
				.get()
				.uri("/api/v2/users?pageSize=1")
				.retrieve()
				.body(String.class);
		}

		@GetMapping("/agents")
		String agents() {
			return this.clients.restClient(RegistrationId.cxone("main"))
				.get()
				.uri("/incontactapi/services/v34.0/agents?top=1")
				.retrieve()
				.body(String.class);
		}

	}

	/** A WebFlux application's endpoints: calls through ccauth's WebClients. */
	@RestController
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveUsers {

		private final ContactCenterClients clients;

		ReactiveUsers(ContactCenterClients clients) {
			this.clients = clients;
		}

		@GetMapping("/users/{registration}")
		Mono<String> users(@PathVariable String registration) {
			return this.clients.webClient(RegistrationId.genesys(registration))
				.get()
				.uri("/api/v2/users?pageSize=1")
				.retrieve()
				.bodyToMono(String.class);
		}

		@GetMapping("/agents")
		Mono<String> agents() {
			return this.clients.webClient(RegistrationId.cxone("main"))
				.get()
				.uri("/incontactapi/services/v34.0/agents?top=1")
				.retrieve()
				.bodyToMono(String.class);
		}

	}

}
