package dev.ccauth.observability;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.testkit.Sandbox;
import dev.ccauth.testkit.junit.SandboxExtension;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.web.client.RestClient;

import static dev.ccauth.observability.RecordingObservationHandler.url;
import static dev.ccauth.observability.RecordingObservationHandler.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Traces: with the application's ObservationRegistry, a first call that waits for a token
 * shows a {@code ccauth.token.request} observation inside the call's own, and the token
 * endpoint and CXone discovery requests inside that (or, for the tenant's API host,
 * inside the call), as a tracer would draw them.
 */
@ExtendWith(SandboxExtension.class)
class TokenRequestObservationTests {

	private final RecordingObservationHandler recorder = new RecordingObservationHandler();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, SslAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
				CcauthObservationAutoConfiguration.class))
		.withBean(ObservationRegistry.class, () -> {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(this.recorder);
			return registry;
		});

	@Test
	void webClientCallWaitingForItsTokenContainsTheTokenRequest(Sandbox sandbox) {
		run(sandbox, (context) -> {
			SandboxApplications.get(context, "genesysProdWebClient", "/api/v2/users?pageSize=1");
			assertTokenRequestInsideTheCall(sandbox);
		});
	}

	@Test
	void restClientCallWaitingForItsTokenContainsTheTokenRequest(Sandbox sandbox) {
		run(sandbox, (context) -> {
			context.getBean("genesysProdRestClient", RestClient.class)
				.get()
				.uri("/api/v2/users?pageSize=1")
				.retrieve()
				.body(JsonNode.class);
			assertTokenRequestInsideTheCall(sandbox);
		});
	}

	private void assertTokenRequestInsideTheCall(Sandbox sandbox) {
		Observation.Context call = single(this.recorder.named("http.client.requests"), "/api/v2/users");
		List<Observation.Context> tokenRequests = this.recorder.named(TokenRequestObservation.NAME);
		assertThat(tokenRequests).hasSize(1);
		Observation.Context tokenRequest = tokenRequests.get(0);
		assertThat(value(tokenRequest, "registration")).isEqualTo("genesys-prod");
		assertThat(value(tokenRequest, "platform")).isEqualTo("genesys");
		assertThat(value(tokenRequest, "trigger")).isEqualTo("first");
		assertThat(value(tokenRequest, "outcome")).isEqualTo("success");
		assertThat(parent(tokenRequest)).as("parent of the token request").isSameAs(call);
		Observation.Context post = single(this.recorder.named("http.client.requests"), sandbox.genesysTokenUri());
		assertThat(parent(post)).as("parent of the token endpoint's request").isSameAs(tokenRequest);
		assertThat(value(post, "uri")).as("no URL in a low-cardinality tag").isEqualTo("none");
	}

	@Test
	void cxoneDiscoveryRequestsAreObservedWhereTheyHappen(Sandbox sandbox) {
		run(sandbox, (context) -> {
			SandboxApplications.get(context, "cxoneMainWebClient", "/incontactapi/services/v34.0/agents?top=1");
			List<Observation.Context> requests = this.recorder.named("http.client.requests");
			Observation.Context tokenRequest = this.recorder.named(TokenRequestObservation.NAME).get(0);
			assertThat(value(tokenRequest, "registration")).isEqualTo("cxone-main");
			assertThat(parent(single(requests, "/.well-known/openid-configuration"))).isSameAs(tokenRequest);
			assertThat(parent(single(requests, "/auth/token"))).isSameAs(tokenRequest);
			Observation.Context call = single(requests, "/incontactapi/services/v34.0/agents");
			assertThat(parent(tokenRequest)).isSameAs(call);
			assertThat(parent(single(requests, "/.well-known/cxone-configuration"))).isSameAs(call);
		});
	}

	@Test
	void refusedTokenRequestIsObservedWithItsOutcomeAndError(Sandbox sandbox) {
		run(sandbox, (context) -> {
			ContactCenterClients clients = context.getBean(ContactCenterClients.class);
			assertThat(catchThrowable(() -> clients.accessToken(RegistrationId.genesys("prod")).block())).isNotNull();
			Observation.Context tokenRequest = this.recorder.named(TokenRequestObservation.NAME).get(0);
			assertThat(value(tokenRequest, "outcome")).isEqualTo("refused");
			assertThat(tokenRequest.getError()).hasMessageContaining("HTTP 401")
				.hasMessageNotContaining("not-the-secret");
			assertThat(parent(tokenRequest)).as("no call around it").isNull();
		}, "ccauth.genesys.prod.client-secret=not-the-secret");
	}

	private void run(Sandbox sandbox, Consumer<AssertableApplicationContext> test, String... properties) {
		SandboxApplications.run(this.runner, sandbox, test, properties);
	}

	private static Observation.Context single(List<Observation.Context> requests, String urlPart) {
		List<Observation.Context> matching = requests.stream()
			.filter((request) -> url(request).contains(urlPart))
			.toList();
		assertThat(matching)
			.as("requests to %s among %s", urlPart, requests.stream().map(RecordingObservationHandler::url).toList())
			.hasSize(1);
		return matching.get(0);
	}

	private static Observation.Context parent(Observation.Context context) {
		return (context.getParentObservation() != null)
				? (Observation.Context) context.getParentObservation().getContextView() : null;
	}

}
