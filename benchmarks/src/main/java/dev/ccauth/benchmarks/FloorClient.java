package dev.ccauth.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same two calls as the sample app and the Python script, with what the JDK has and
 * Jackson: no Spring, no Netty, no picocli. The whole-process benchmark runs it as a
 * floor: what any Java client pays to start, open a TLS connection and read JSON.
 */
public final class FloorClient {

	private FloorClient() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> env = System.getenv();
		HttpClient http = HttpClient.newHttpClient();
		String credentials = env.get("GENESYS_CLIENT_ID") + ":" + env.get("GENESYS_CLIENT_SECRET");
		HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(env.get("GENESYS_TOKEN_URI")))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		JsonMapper json = JsonMapper.shared();
		String accessToken = json.readTree(token.body()).get("access_token").asString();
		HttpResponse<String> page = http.send(HttpRequest
			.newBuilder(URI.create(env.get("GENESYS_BASE_URL") + "/api/v2/users?pageSize=5&pageNumber=1"))
			.header("Authorization", "Bearer " + accessToken)
			.build(), HttpResponse.BodyHandlers.ofString());
		if (token.statusCode() != 200 || page.statusCode() != 200) {
			System.err.println("HTTP " + token.statusCode() + " / " + page.statusCode());
			System.exit(1);
		}
		System.out.printf("%-28s  %s%n", "NAME", "EMAIL");
		for (JsonNode user : json.readTree(page.body()).get("entities")) {
			System.out.printf("%-28s  %s%n", user.get("name").asString(), user.get("email").asString());
		}
	}

}
