package dev.ccauth.testkit.scripted;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server whose answers a test scripts, for endpoints that misbehave on
 * purpose in ways the sandbox does not: a token endpoint that echoes the request back,
 * trickles its answer a byte at a time, or sends a token no client should accept. Built
 * on the JDK's own HTTP server, so what the client under test sees is real HTTP.
 *
 * <pre>{@code
 * try (ScriptedServer server = ScriptedServer.start()) {
 *     server.answer("/oauth/token", Answer.json(200, "{\"access_token\":\"a b\",\"expires_in\":60}"));
 *     server.answer("/echo", Answer.echo(401, Answer.Format.JSON));
 *     server.url("/oauth/token");      // http://127.0.0.1:<port>/oauth/token
 *     server.requestCount("/oauth/token");
 * }
 * }</pre>
 */
public final class ScriptedServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "scripted-server");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, AtomicReference<Answer>> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private ScriptedServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Starts a server on a free port of 127.0.0.1; every path answers 404 until scripted.
	 */
	public static ScriptedServer start() {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			ScriptedServer scripted = new ScriptedServer(http);
			http.setExecutor(scripted.executor);
			http.createContext("/", scripted::handle);
			http.start();
			return scripted;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The URL of a path on this server, {@code http://127.0.0.1:<port><path>}. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** How every later request for the path (without query) is answered. */
	public ScriptedServer answer(String path, Answer answer) {
		this.answers.computeIfAbsent(path, (key) -> new AtomicReference<>()).set(answer);
		return this;
	}

	/** Requests received for the path, whatever their answer. */
	public int requestCount(String path) {
		AtomicInteger count = this.counts.get(path);
		return (count != null) ? count.get() : 0;
	}

	/** Every request received, in order. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			byte[] body = readAll(exchange.getRequestBody());
			StringBuilder headers = new StringBuilder();
			exchange.getRequestHeaders()
				.forEach((name, values) -> values
					.forEach((value) -> headers.append(name).append(": ").append(value).append('\n')));
			Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
					headers.toString(), new String(body, StandardCharsets.UTF_8));
			this.requests.add(request);
			this.counts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
			AtomicReference<Answer> scripted = this.answers.get(path);
			Answer answer = (scripted != null) ? scripted.get() : Answer.text(404, "not scripted");
			answer.send(exchange, request);
		}
		catch (IOException | RuntimeException ex) {
			// the client went away, as the trickle tests make it do
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		return in.readAllBytes();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request as received.
	 *
	 * @param method the method
	 * @param path the path
	 * @param query the raw query, or {@code null}
	 * @param headers every header, one {@code Name: value} line each
	 * @param body the body as UTF-8 text
	 */
	public record Request(String method, String path, String query, String headers, String body) {
	}

	/**
	 * How a request is answered.
	 *
	 * @param status the HTTP status
	 * @param contentType the content type of the body
	 * @param body the body, or {@code null} to echo the request (see {@link #echo})
	 * @param echoFormat how an echo is written
	 * @param pause wait before each byte of the body, or zero to send it at once
	 * @param headers extra response headers
	 */
	public record Answer(int status, String contentType, String body, Format echoFormat, Duration pause,
			Map<String, String> headers) {

		/** How an echo of the request is written. */
		public enum Format {

			/**
			 * The request's headers and body in every field an OAuth or platform error
			 * body may have.
			 */
			JSON,

			/** The request's headers and body as plain text. */
			TEXT

		}

		public static Answer json(int status, String body) {
			return new Answer(status, "application/json", body, null, Duration.ZERO, Map.of());
		}

		public static Answer text(int status, String body) {
			return new Answer(status, "text/plain; charset=utf-8", body, null, Duration.ZERO, Map.of());
		}

		/** Sends the request back: its headers (Authorization included) and its body. */
		public static Answer echo(int status, Format format) {
			return new Answer(status, (format == Format.JSON) ? "application/json" : "text/plain; charset=utf-8", null,
					format, Duration.ZERO, Map.of());
		}

		/** This answer, its body sent one byte at a time with the pause before each. */
		public Answer trickled(Duration pauseBeforeEachByte) {
			return new Answer(this.status, this.contentType, this.body, this.echoFormat, pauseBeforeEachByte,
					this.headers);
		}

		/** This answer with a header added. */
		public Answer withHeader(String name, String value) {
			Map<String, String> all = new java.util.LinkedHashMap<>(this.headers);
			all.put(name, value);
			return new Answer(this.status, this.contentType, this.body, this.echoFormat, this.pause, Map.copyOf(all));
		}

		void send(HttpExchange exchange, Request request) throws IOException {
			byte[] bytes = ((this.body != null) ? this.body : echo(request)).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", this.contentType);
			this.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
			exchange.sendResponseHeaders(this.status, (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length == 0) {
				return;
			}
			OutputStream out = exchange.getResponseBody();
			if (this.pause.isZero()) {
				out.write(bytes);
				return;
			}
			for (byte b : bytes) {
				try {
					Thread.sleep(this.pause.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				out.write(b);
				out.flush();
			}
		}

		private String echo(Request request) {
			String text = request.method() + " " + request.path() + "\n" + request.headers() + "\n" + request.body();
			if (this.echoFormat == Format.TEXT) {
				return text;
			}
			String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
			return "{\"error\":" + quoted + ",\"error_description\":" + quoted + ",\"description\":" + quoted
					+ ",\"errorDescription\":" + quoted + ",\"message\":" + quoted + ",\"code\":" + quoted + "}";
		}

	}

}
