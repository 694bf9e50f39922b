package dev.ccauth.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.ApiResponse;
import com.mypurecloud.sdk.v2.api.UsersApi;
import com.mypurecloud.sdk.v2.api.request.GetUsersRequest;
import com.mypurecloud.sdk.v2.connector.ApiClientConnectorProperty;
import com.mypurecloud.sdk.v2.connector.ApiClientConnectorProvider;
import com.mypurecloud.sdk.v2.connector.apache.ApacheHttpClientConnector;
import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.mypurecloud.sdk.v2.model.RoutingStatus;
import com.mypurecloud.sdk.v2.model.User;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import dev.ccauth.testkit.junit.SandboxExtension;
import org.apache.http.conn.DnsResolver;
import org.apache.http.impl.conn.SystemDefaultDnsResolver;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official Genesys Cloud Java SDK ({@code com.mypurecloud:platform-client-v2})
 * against the sandbox, unpatched: its client-credentials login, typed paging of
 * {@code UsersApi.getUsers} with unknown properties failing the mapping, the
 * {@code state} filter and every {@code expand}, and its handling of a 429's
 * {@code Retry-After}.
 *
 * <p>
 * The SDK derives its login host from the API host ({@code https://api.X} to
 * {@code https://login.X}), always over HTTPS. So the sandbox runs HTTPS with a
 * certificate that names {@code api.localhost} and {@code login.localhost}, and the SDK
 * gets its default Apache HttpClient connector through its documented
 * {@code ApiClientConnectorProperty.CONNECTOR_PROVIDER} property, built to trust the
 * sandbox's CA and to resolve those two names to the sandbox's address. The SDK's own
 * code runs as shipped.
 */
class GenesysJavaSdkTest {

	@RegisterExtension
	static final SandboxExtension SANDBOX = new SandboxExtension(Sandbox.builder().https(true));

	private final Sandbox sandbox = SANDBOX.sandbox();

	private ApiClient client;

	@BeforeEach
	void connect() {
		client = client(0);
	}

	@AfterEach
	void disconnect() throws Exception {
		client.close();
	}

	@Test
	void logsInWithClientCredentialsAtTheLoginHostItDerives() throws Exception {
		ApiResponse<AuthResponse> login = client.authorizeClientCredentials(sandbox.genesysClient().clientId(),
				sandbox.genesysClient().clientSecret());

		assertThat(login.getStatusCode()).isEqualTo(200);
		assertThat(login.getBody().getAccess_token()).isNotBlank();
		assertThat(login.getBody().getToken_type()).isEqualTo("bearer");
		assertThat(login.getBody().getExpires_in()).isEqualTo(3600);
		assertThat(sandbox.recentRequests()).singleElement().satisfies(request -> {
			assertThat(request.endpoint()).isEqualTo(Endpoint.GENESYS_TOKEN);
			assertThat(request.path()).isEqualTo("/oauth/token");
			assertThat(request.host()).isEqualTo("login.localhost:" + sandbox.port());
		});
	}

	@Test
	void pagesThroughEveryUserWithStrictlyTypedModels() throws Exception {
		UsersApi users = login();
		List<User> listed = new ArrayList<>();
		UserEntityListing page;
		int pageNumber = 0;
		do {
			page = users.getUsers(40, ++pageNumber, null, null, null, null, null, null);
			listed.addAll(page.getEntities());
		}
		while (page.getNextUri() != null);

		assertThat(pageNumber).isEqualTo(4);
		assertThat(page.getPageCount()).isEqualTo(4);
		assertThat(page.getTotal()).isEqualTo(137L);
		assertThat(page.getPreviousUri()).isEqualTo("/api/v2/users?pageSize=40&pageNumber=3");
		assertThat(listed).hasSize(137).allSatisfy(user -> {
			assertThat(user.getState()).isEqualTo(User.StateEnum.ACTIVE);
			assertThat(user.getDivision().getName()).isEqualTo("Home");
			assertThat(user.getEmail()).isEqualTo(user.getUsername());
			assertThat(user.getVersion()).isEqualTo(1);
		});
		assertThat(new HashSet<>(listed.stream().map(User::getId).toList())).hasSize(137);
		assertThat(sandbox.requestCount(Endpoint.GENESYS_USERS)).isEqualTo(4);
	}

	@Test
	void filtersByStateAndMapsEveryExpansion() throws Exception {
		UsersApi users = login();
		List<String> everyExpansion = Arrays.stream(GetUsersRequest.expandValues.values())
			.map(GetUsersRequest.expandValues::toString)
			.toList();

		UserEntityListing any = users.getUsers(GetUsersRequest.builder()
			.withPageSize(100)
			.withState("any")
			.withSortOrder("descending")
			.withExpand(everyExpansion)
			.withIntegrationPresenceSource("ZoomPhone")
			.build());
		UserEntityListing deleted = users.getUsers(GetUsersRequest.builder().withState("deleted").build());

		assertThat(everyExpansion).hasSize(21);
		assertThat(any.getTotal()).isEqualTo(142L);
		assertThat(any.getNextUri()).contains("state=any", "sortOrder=descending", "expand=biography");
		Map<User.StateEnum, Integer> states = new EnumMap<>(User.StateEnum.class);
		users.getUsers(GetUsersRequest.builder().withPageSize(500).withState("any").build())
			.getEntities()
			.forEach(user -> states.merge(user.getState(), 1, Integer::sum));
		assertThat(states).containsExactly(Map.entry(User.StateEnum.ACTIVE, 137), Map.entry(User.StateEnum.INACTIVE, 3),
				Map.entry(User.StateEnum.DELETED, 2));
		assertThat(deleted.getEntities()).hasSize(2)
			.allSatisfy(user -> assertThat(user.getState()).isEqualTo(User.StateEnum.DELETED));
		User first = any.getEntities().get(0);
		assertThat(first.getState()).as("descending: the deleted users come first").isEqualTo(User.StateEnum.DELETED);
		assertThat(first.getRoutingStatus().getStatus()).isEqualTo(RoutingStatus.StatusEnum.OFF_QUEUE);
		assertThat(first.getPresence().getSource()).isEqualTo("ZoomPhone");
		assertThat(first.getPresence().getPresenceDefinition().getSystemPresence()).isEqualTo("Offline");
		assertThat(first.getAuthorization().getUnusedRoles()).isEmpty();
		assertThat(first.getDateLastLogin()).isNotNull();
		assertThat(first.getTeam().getDivision().getId()).isEqualTo(first.getDivision().getId());
		assertThat(first.getSkills()).singleElement()
			.satisfies(skill -> assertThat(skill.getProficiency()).isEqualTo(3.0));
		assertThat(first.getEmployerInfo().getDateHire()).isEqualTo("2020-01-06");
		assertThat(first.getConversationSummary().getCall().getContactCenter().getActive()).isZero();
	}

	@Test
	void theMappingIsStrictEnoughToNoticeAnUnknownProperty() {
		assertThatThrownBy(() -> client.getObjectMapper().readValue("{\"id\":\"x\",\"notAUserField\":1}", User.class))
			.isInstanceOf(UnrecognizedPropertyException.class);
	}

	@Test
	void honoursRetryAfterOnEvery429() throws Exception {
		client.close();
		client = client(10); // retries on: the SDK's default is none
		UsersApi users = login();
		sandbox.failNext(Endpoint.GENESYS_USERS, 2, 429, Duration.ofSeconds(1));

		UserEntityListing page = users.getUsers(GetUsersRequest.builder().withPageSize(5).build());

		assertThat(page.getEntities()).hasSize(5);
		assertRetriedAfterOneSecond(usersCalls(), 429, 429, 200);
	}

	@Test
	void ridesOutTheRateLimiter() throws Exception {
		client.close();
		client = client(10);
		UsersApi users = login();
		// a 2 s window, so that three calls land in it even on a loaded machine; its
		// Retry-After is then 1 or 2 s
		sandbox.apiRateLimit(2, Duration.ofSeconds(2));

		for (int i = 0; i < 3; i++) {
			assertThat(users.getUsers(GetUsersRequest.builder().withPageSize(1).build()).getEntities()).hasSize(1);
		}

		assertRetriedAfterOneSecond(usersCalls(), 200, 200, 429, 200);
	}

	private List<RecordedRequest> usersCalls() {
		return sandbox.recentRequests()
			.stream()
			.filter(request -> request.endpoint() == Endpoint.GENESYS_USERS)
			.toList();
	}

	/**
	 * The statuses in order, and after each 429 the wait its {@code Retry-After: 1} asked
	 * for, as the sandbox saw it.
	 */
	private static void assertRetriedAfterOneSecond(List<RecordedRequest> calls, Integer... statuses) {
		assertThat(calls).extracting(RecordedRequest::status).containsExactly(statuses);
		for (int i = 1; i < calls.size(); i++) {
			if (calls.get(i - 1).status() == 429) {
				Duration waited = Duration.between(calls.get(i - 1).receivedAt(), calls.get(i).receivedAt());
				// without a Retry-After it can read (a misspelled header), the SDK waits
				// its default 3 s
				assertThat(waited).isBetween(Duration.ofMillis(950), Duration.ofMillis(2_900));
			}
		}
	}

	@Test
	void withoutRetriesA429ReachesTheCallerWithItsHeaders() throws Exception {
		UsersApi users = login();
		sandbox.failNext(Endpoint.GENESYS_USERS, 1, 429, Duration.ofSeconds(4));

		assertThatThrownBy(() -> users.getUsers(GetUsersRequest.builder().build()))
			.isInstanceOfSatisfying(ApiException.class, e -> {
				assertThat(e.getStatusCode()).isEqualTo(429);
				assertThat(e.getHeaders()).containsEntry("Retry-After", "4");
				assertThat(e.getCorrelationId()).hasSize(36);
				assertThat(e.getRawBody()).contains("\"code\":\"too.many.requests.retry.after\"",
						"Retry the request in [4] seconds");
			});
	}

	private UsersApi login() throws Exception {
		client.authorizeClientCredentials(sandbox.genesysClient().clientId(), sandbox.genesysClient().clientSecret());
		return new UsersApi(client);
	}

	/**
	 * An SDK client for the sandbox; {@code maxRetrySeconds} 0 is the SDK's default (no
	 * retries).
	 */
	private ApiClient client(int maxRetrySeconds) {
		ObjectMapper strict = ApiClient.buildObjectMapper(new ApiDateFormat())
			.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
		ApiClient.RetryConfiguration retries = new ApiClient.RetryConfiguration();
		retries.setMaxRetryTimeSec(maxRetrySeconds);
		ApiClientConnectorProvider toTheSandbox = properties -> new ApacheHttpClientConnector(
				HttpClients.custom().setSSLContext(sandbox.sslContext()).setDnsResolver(sandboxNames()).build(), null);
		return ApiClient.Builder.standard()
			.withBasePath("https://" + SandboxCertificate.API_HOST + ":" + sandbox.port())
			.withObjectMapper(strict)
			.withRetryConfiguration(retries)
			.withProperty(ApiClientConnectorProperty.CONNECTOR_PROVIDER, toTheSandbox)
			.build();
	}

	/**
	 * {@code api.localhost} and {@code login.localhost} are the sandbox; every other name
	 * as the system says.
	 */
	private static DnsResolver sandboxNames() {
		return host -> host.equals(SandboxCertificate.API_HOST) || host.equals(SandboxCertificate.LOGIN_HOST)
				? new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) }
				: SystemDefaultDnsResolver.INSTANCE.resolve(host);
	}

}
