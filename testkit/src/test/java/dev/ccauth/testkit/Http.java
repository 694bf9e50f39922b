package dev.ccauth.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small JDK HttpClient wrapper for the tests: real requests, parsed answers. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	record Response(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}
	}

	private final Sandbox sandbox;

	private final HttpClient client;

	Http(Sandbox sandbox) {
		this.sandbox = sandbox;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(sandbox.sslContext())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	HttpClient client() {
		return client;
	}

	Response get(String pathOrUrl) {
		return get(pathOrUrl, null);
	}

	Response get(String pathOrUrl, String bearer) {
		HttpRequest.Builder request = request(pathOrUrl).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return send(request.build());
	}

	Response send(String method, String pathOrUrl) {
		return send(request(pathOrUrl).method(method, HttpRequest.BodyPublishers.noBody()).build());
	}

	/**
	 * POST a form; {@code basic} (id, secret) goes into an Authorization header when not
	 * null.
	 */
	Response postForm(String pathOrUrl, Map<String, String> form, ClientCredentials basic) {
		return postRaw(pathOrUrl, encode(form), basic);
	}

	Response postRaw(String pathOrUrl, String body, ClientCredentials basic) {
		HttpRequest.Builder request = request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (basic != null) {
			request.header("Authorization", basic(basic.clientId(), basic.clientSecret()));
		}
		return send(request.build());
	}

	Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	HttpRequest.Builder request(String pathOrUrl) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : sandbox.baseUrl() + pathOrUrl;
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
	}

	// ---- the usual token requests

	String genesysToken() {
		Response response = postForm("/oauth/token", form("grant_type", "client_credentials"), sandbox.genesysClient());
		if (response.status() != 200) {
			throw new AssertionError("token request failed: " + response);
		}
		return response.json().get("access_token").asString();
	}

	Response cxoneAccessKeyTokenResponse() {
		AccessKey key = sandbox.cxoneAccessKey();
		return postForm("/auth/token", form("grant_type", "password", "username", key.id(), "password", key.secret()),
				sandbox.cxoneClient());
	}

	String cxoneToken() {
		Response response = cxoneAccessKeyTokenResponse();
		if (response.status() != 200) {
			throw new AssertionError("token request failed: " + response);
		}
		return response.json().get("access_token").asString();
	}

	static Map<String, String> form(String... keyValues) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			form.put(keyValues[i], keyValues[i + 1]);
		}
		return form;
	}

	static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	// ---- raw bytes, for what HttpClient hides (header spelling, malformed requests)

	/**
	 * Sends bytes as they are and reads the answer until the server closes or stops
	 * talking.
	 */
	static String raw(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(2_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				int n;
				while ((n = in.read(buffer)) > 0) {
					received.write(buffer, 0, n);
					if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
						break;
					}
				}
			}
			catch (SocketTimeoutException e) {
				// keep-alive: the answer is complete, the connection just stays open
			}
			return received.toString(StandardCharsets.ISO_8859_1);
		}
	}

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: (\\d+)");

	private static boolean complete(String response) {
		int headerEnd = response.indexOf("\r\n\r\n");
		if (headerEnd < 0) {
			return false;
		}
		Matcher length = CONTENT_LENGTH.matcher(response);
		return !length.find() || response.length() - headerEnd - 4 >= Integer.parseInt(length.group(1));
	}

}
