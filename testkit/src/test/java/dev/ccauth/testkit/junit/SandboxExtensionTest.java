package dev.ccauth.testkit.junit;

import dev.ccauth.testkit.Endpoint;
import dev.ccauth.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxExtensionTest {

	/** Sandboxes whose test classes have finished: each must be closed by then. */
	static final List<Sandbox> CLOSED_CHECKS = new CopyOnWriteArrayList<>();

	@AfterAll
	static void everySandboxWasClosed() {
		assertThat(CLOSED_CHECKS).isNotEmpty()
			.allSatisfy(sandbox -> assertThatThrownBy(() -> get(sandbox, "/")).isInstanceOf(IOException.class));
	}

	static int get(Sandbox sandbox, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	@Nested
	@ExtendWith(SandboxExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	class Declarative {

		static Sandbox fromBeforeAll;

		final Sandbox fromConstructor;

		Sandbox fromBeforeEach;

		Declarative(Sandbox sandbox) {
			this.fromConstructor = sandbox;
		}

		@BeforeAll
		static void beforeAll(Sandbox sandbox) {
			fromBeforeAll = sandbox;
		}

		@BeforeEach
		void beforeEach(Sandbox sandbox) {
			fromBeforeEach = sandbox;
		}

		@AfterAll
		static void afterAll(Sandbox sandbox) {
			assertThat(sandbox).isSameAs(fromBeforeAll);
			CLOSED_CHECKS.add(sandbox);
		}

		@Test
		@Order(1)
		void injectsOneSandboxEverywhere(Sandbox sandbox) throws Exception {
			assertThat(sandbox).isSameAs(fromBeforeAll).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
			assertThat(get(sandbox, "/.well-known/openid-configuration")).isEqualTo(200);
			assertThat(sandbox.requestCount(Endpoint.CXONE_DISCOVERY)).isEqualTo(1);
			sandbox.failNext(Endpoint.CXONE_DISCOVERY, 1, 503);
		}

		@Test
		@Order(2)
		void resetsBeforeEachTest(Sandbox sandbox) throws Exception {
			assertThat(sandbox).isSameAs(fromBeforeAll);
			assertThat(sandbox.requestCount(Endpoint.CXONE_DISCOVERY)).isZero();
			assertThat(get(sandbox, "/.well-known/openid-configuration")).as("the fault is gone").isEqualTo(200);
		}

	}

	@Nested
	class Programmatic {

		@RegisterExtension
		static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().users(1000));

		@Test
		void usesTheBuildersSettings(Sandbox injected) throws Exception {
			Sandbox sandbox = SANDBOX.sandbox();
			assertThat(injected).isSameAs(sandbox);
			HttpClient client = HttpClient.newHttpClient();
			String token = client
				.send(HttpRequest.newBuilder(URI.create(sandbox.genesysTokenUri()))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString("grant_type=client_credentials&client_id=" + sandbox.genesysClient().clientId()
								+ "&client_secret=" + sandbox.genesysClient().clientSecret()))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body()
				.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
			String users = client
				.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v2/users"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(users).contains("\"total\":1000");
		}

		@Nested
		class Inner {

			@Test
			void nestedClassesShareTheOuterSandbox(Sandbox sandbox) {
				assertThat(sandbox).isSameAs(SANDBOX.sandbox());
			}

		}

	}

}
