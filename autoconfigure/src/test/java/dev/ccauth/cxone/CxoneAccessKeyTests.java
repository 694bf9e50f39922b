package dev.ccauth.cxone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Malformation;
import dev.ccauth.testkit.RecordedRequest;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.testkit.spring.SandboxProperties;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenRequestException;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** CXone as it really is: access-key grant, OpenID discovery, tenant API discovery. */
@ExtendWith(SandboxExtension.class)
class CxoneAccessKeyTests {

	private static final String AGENTS = "/incontactapi/services/v34.0/agents?top=10";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				SslAutoConfiguration.class))
		.withPropertyValues("ccauth.retry.initial-delay=10ms");

	@Test
	void wholeChainFromDiscoveryToAgents(Sandbox sandbox) {
		assertThat(sandbox.cxoneAccessKey().secret()).contains("=", "&", "+", "%", "/");
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main")).run((context) -> {
			JsonNode agents = agents(context);
			assertThat(agents.get("agents")).hasSize(10);
			assertThat(counts(sandbox)).containsExactly(1, 1, 1, 1);
			AccessToken token = context.getBean(ContactCenterClients.class)
				.accessToken(RegistrationId.cxone("main"))
				.block();
			assertThat(token.claims()).containsEntry("tenantId", sandbox.cxoneTenantId());
			assertThat(token.toString()).doesNotContain(token.value());
			List<RecordedRequest> tokenRequests = sandbox.recentRequests()
				.stream()
				.filter((request) -> request.endpoint() == Endpoint.CXONE_TOKEN)
				.toList();
			assertThat(tokenRequests).singleElement()
				.satisfies((request) -> assertThat(request.path()).isEqualTo("/auth/token"));
		});
	}

	@Test
	void hundredConcurrentFirstCallsMakeOneRequestOfEachStep(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main")).run((context) -> {
			WebClient client = context.getBean("cxoneMainWebClient", WebClient.class);
			List<JsonNode> pages = Flux.range(0, 100)
				.flatMap((i) -> client.get().uri(AGENTS).retrieve().bodyToMono(JsonNode.class), 100)
				.collectList()
				.block(Duration.ofSeconds(20));
			assertThat(pages).hasSize(100);
			assertThat(counts(sandbox)).containsExactly(1, 1, 1, 100);
		});
	}

	@Test
	void renewalAndReplayWorkAsForClientCredentials(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main")).run((context) -> {
			agents(context);
			sandbox.revokeAllTokens();
			assertThat(agents(context).get("agents")).hasSize(10);
			// a new token; discovery results are kept for the registration's life
			assertThat(counts(sandbox)).containsExactly(1, 2, 1, 3);
		});
	}

	@Test
	void accessKeyRejected(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.withPropertyValues("ccauth.cxone.main.access-key-secret=not+the=secret")
			.run((context) -> assertThatThrownBy(() -> agents(context))
				.isInstanceOfSatisfying(TokenRequestException.class, (ex) -> {
					assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.BAD_CREDENTIALS);
					assertThat(ex.errorCode()).contains("invalid_grant");
				})
				.hasMessageContaining("The access key was refused")
				.hasMessageNotContaining("not+the=secret"));
	}

	@Test
	void clientRejected(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.withPropertyValues("ccauth.cxone.main.client-secret=wrong")
			.run((context) -> assertThatThrownBy(() -> agents(context))
				.isInstanceOfSatisfying(TokenRequestException.class, (ex) -> {
					assertThat(ex.reason()).isEqualTo(TokenRequestException.Reason.BAD_CREDENTIALS);
					assertThat(ex.errorCode()).contains("invalid_client");
				})
				.hasMessageContaining("Check ccauth.cxone.main.client-id and client-secret"));
	}

	@Test
	void discoveryUnreachable(Sandbox sandbox) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.withPropertyValues("ccauth.cxone.main.issuer=http://127.0.0.1:" + closed)
			.run((context) -> assertThatThrownBy(() -> agents(context)).isInstanceOf(CxoneDiscoveryException.class)
				.hasMessageContaining("could not reach the OpenID configuration")
				.hasMessageContaining("ccauth.cxone.main.issuer"));
	}

	@Test
	void discoveryMalformedIsAnErrorAndIsNotKept(Sandbox sandbox) {
		sandbox.malformNext(Endpoint.CXONE_DISCOVERY, 1, Malformation.NOT_JSON);
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main")).run((context) -> {
			assertThatThrownBy(() -> agents(context)).isInstanceOf(CxoneDiscoveryException.class)
				.hasMessageContaining("OpenID configuration")
				.hasMessageContaining("is not a JSON object");
			// during the cool-down the same failure comes back without a request;
			// afterwards discovery runs again
			assertThatThrownBy(() -> agents(context)).isInstanceOf(CxoneDiscoveryException.class)
				.hasMessageContaining("not asked again for");
			assertThat(sandbox.requestCount(Endpoint.CXONE_DISCOVERY)).isEqualTo(1);
			await().atMost(Duration.ofSeconds(5))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(agents(context).get("agents")).hasSize(10));
			assertThat(sandbox.requestCount(Endpoint.CXONE_DISCOVERY)).isEqualTo(2);
		});
	}

	@Test
	void configuredEndpointsSkipDiscovery(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.withPropertyValues("ccauth.cxone.main.token-uri=" + sandbox.cxoneTokenUri(),
					"ccauth.cxone.main.base-url=" + sandbox.cxoneBaseUrl())
			.run((context) -> {
				assertThat(agents(context).get("agents")).hasSize(10);
				assertThat(counts(sandbox)).containsExactly(0, 1, 0, 1);
			});
	}

	@Test
	void configuredTenantIdIsUsed(Sandbox sandbox) {
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.withPropertyValues("ccauth.cxone.main.tenant-id=" + sandbox.cxoneTenantId())
			.run((context) -> {
				assertThat(agents(context).get("agents")).hasSize(10);
				assertThat(sandbox.recentRequests())
					.anySatisfy((request) -> assertThat(request.query()).contains(sandbox.cxoneTenantId()));
			});
		this.runner.withPropertyValues(SandboxProperties.cxone(sandbox, "main"))
			.withPropertyValues("ccauth.cxone.main.tenant-id=unknown-tenant")
			.run((context) -> assertThatThrownBy(() -> agents(context)).isInstanceOf(CxoneDiscoveryException.class)
				.hasMessageContaining("tenant configuration")
				.hasMessageContaining("HTTP 404"));
	}

	@Test
	void tokenWithoutTenantIdAndTenantConfigurationWithoutApiEndpoint() throws IOException {
		// an issuer whose token response has no id_token and whose tenant configuration
		// has no api_endpoint
		HttpServer issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String base = "http://127.0.0.1:" + issuer.getAddress().getPort();
		respond(issuer, "/.well-known/openid-configuration",
				(exchange) -> "{\"token_endpoint\":\"" + base + "/auth/token\"}");
		respond(issuer, "/auth/token",
				(exchange) -> "{\"access_token\":\"opaque\",\"token_type\":\"bearer\",\"expires_in\":3600}");
		respond(issuer, "/.well-known/cxone-configuration", (exchange) -> "{\"area\":\"na1\"}");
		issuer.start();
		try {
			String[] registration = { "ccauth.cxone.main.client-id=id", "ccauth.cxone.main.client-secret=secret",
					"ccauth.cxone.main.access-key-id=key", "ccauth.cxone.main.access-key-secret=key-secret",
					"ccauth.cxone.main.issuer=" + base };
			this.runner.withPropertyValues(registration)
				.run((context) -> assertThatThrownBy(() -> agents(context)).isInstanceOf(CxoneDiscoveryException.class)
					.hasMessageContaining("has no tenantId")
					.hasMessageContaining("Set ccauth.cxone.main.tenant-id"));
			this.runner.withPropertyValues(registration)
				.withPropertyValues("ccauth.cxone.main.tenant-id=t1")
				.run((context) -> assertThatThrownBy(() -> agents(context)).isInstanceOf(CxoneDiscoveryException.class)
					.hasMessageContaining("has no api_endpoint"));
		}
		finally {
			issuer.stop(0);
		}
	}

	private static void respond(HttpServer server, String path, Function<HttpExchange, String> body) {
		server.createContext(path, (exchange) -> {
			byte[] bytes = body.apply(exchange).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
	}

	private static List<Integer> counts(Sandbox sandbox) {
		return List.of(sandbox.requestCount(Endpoint.CXONE_DISCOVERY), sandbox.requestCount(Endpoint.CXONE_TOKEN),
				sandbox.requestCount(Endpoint.CXONE_TENANT_CONFIGURATION), sandbox.requestCount(Endpoint.CXONE_AGENTS));
	}

	private static JsonNode agents(ApplicationContext context) {
		return context.getBean("cxoneMainWebClient", WebClient.class)
			.get()
			.uri(AGENTS)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(Duration.ofSeconds(20));
	}

}
