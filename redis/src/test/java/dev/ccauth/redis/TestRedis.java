package dev.ccauth.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;

/**
 * The Redis the tests run on: a real {@code redis-server} started from the embedded-redis
 * artifact on a free loopback port (nothing to install), or an external one named by
 * {@code spring.data.redis.url} (system property or {@code SPRING_DATA_REDIS_URL}), which
 * the tests cannot stop and never flush: they delete only their own keys.
 */
final class TestRedis implements AutoCloseable {

	private final String url;

	private final int port;

	private RedisServer server;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final Thread cleanup = new Thread(this::stopQuietly, "stop-test-redis");

	private TestRedis(String url, int port, RedisServer server) {
		this.url = url;
		this.port = port;
		this.server = server;
		// The timeout on the URI, not the client: Lettuce 7 (Boot 4.1) removed
		// RedisClient.setDefaultTimeout
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(Duration.ofSeconds(5));
		this.client = RedisClient.create(uri);
		this.connection = this.client.connect();
		Runtime.getRuntime().addShutdownHook(this.cleanup);
	}

	static TestRedis start() {
		String external = System.getProperty("spring.data.redis.url", System.getenv("SPRING_DATA_REDIS_URL"));
		if (external != null && !external.isBlank()) {
			return new TestRedis(external, -1, null);
		}
		int port = freePort();
		return new TestRedis("redis://127.0.0.1:" + port, port, startServer(port));
	}

	private static RedisServer startServer(int port) {
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.setting("bind 127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.onShutdownForceStop(true)
				.build();
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code spring.data.redis.url} for the processes under test. */
	String url() {
		return this.url;
	}

	/** Whether the tests own the server (and may stop and restart it). */
	boolean embedded() {
		return this.server != null;
	}

	/** Kills the server: every connection drops, every key is gone. */
	void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new, empty server on the same port. */
	void restart() {
		this.server = startServer(this.port);
	}

	RedisCommands<String, String> commands() {
		return this.connection.sync();
	}

	/**
	 * Every key whose name starts with the prefix, with its value (a string or a type
	 * name).
	 */
	Map<String, String> entries(String prefix) {
		Map<String, String> entries = new LinkedHashMap<>();
		RedisCommands<String, String> redis = commands();
		KeyScanCursor<String> cursor = redis.scan(ScanArgs.Builder.matches(prefix + "*").limit(500));
		while (true) {
			for (String key : cursor.getKeys()) {
				String type = redis.type(key);
				entries.put(key, "string".equals(type) ? redis.get(key) : "<" + type + ">");
			}
			if (cursor.isFinished()) {
				return entries;
			}
			cursor = redis.scan(ScanCursor.of(cursor.getCursor()), ScanArgs.Builder.matches(prefix + "*").limit(500));
		}
	}

	/**
	 * The entries under the prefix once no lock is held and there are as many as
	 * expected: a token is stored, and the lock released, in the background after the
	 * token is handed on.
	 */
	Map<String, String> settled(String prefix, int expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Map<String, String> entries = entries(prefix);
		while (entries.size() != expected || entries.keySet().stream().anyMatch((key) -> key.endsWith(":lock"))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"not " + expected + " entries without a lock within 10 s: " + entries.keySet());
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			entries = entries(prefix);
		}
		return entries;
	}

	/**
	 * Deletes the keys under the prefix (never FLUSHALL: an external Redis may hold other
	 * data).
	 */
	void clear(String prefix) {
		entries(prefix).keySet().forEach((key) -> commands().del(key));
	}

	/** A loopback port where nothing listens (as far as anyone can tell). */
	static int closedPort() {
		return freePort();
	}

	/**
	 * Makes the server answer nothing for a while ({@code DEBUG SLEEP} from a connection
	 * of its own), as a Redis stuck on a slow command or a long fork would.
	 */
	Stall stall(Duration duration) {
		StatefulRedisConnection<String, String> own = this.client.connect();
		StatefulRedisConnection<String, String> probe = this.client.connect(); // before:
																				// a
																				// handshake
																				// would
																				// stall
		java.util.concurrent.CompletableFuture<String> sleep = own.async()
			.dispatch(io.lettuce.core.protocol.CommandType.DEBUG,
					new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
					new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8).add("SLEEP")
						.add(Double.toString(duration.toMillis() / 1000.0)))
			.toCompletableFuture();
		// the sleep has started once a PING from another connection gets no answer
		try {
			for (int i = 0; i < 20; i++) {
				try {
					probe.async().ping().toCompletableFuture().get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
				}
				catch (java.util.concurrent.TimeoutException stalled) {
					return new Stall(sleep, own);
				}
			}
			throw new IllegalStateException("DEBUG SLEEP did not stall the server (disabled on this Redis?): "
					+ (sleep.isDone() ? sleep.handle((ok, error) -> ok + " " + error).join() : "still running"));
		}
		catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			probe.closeAsync();
		}
	}

	/** A stall in progress. */
	record Stall(java.util.concurrent.CompletableFuture<String> sleep, StatefulRedisConnection<String, String> own) {

		boolean stillStalled() {
			return !this.sleep.isDone();
		}

		void awaitEnd() throws Exception {
			this.sleep.get(30, java.util.concurrent.TimeUnit.SECONDS);
			this.own.close();
		}

	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void stopQuietly() {
		try {
			if (this.server != null && this.server.isActive()) {
				this.server.stop();
			}
		}
		catch (IOException | RuntimeException ex) {
			// the JVM is going away
		}
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		stopQuietly();
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanup);
		}
		catch (IllegalStateException ex) {
			// already shutting down
		}
	}

}
