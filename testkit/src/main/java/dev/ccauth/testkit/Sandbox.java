package dev.ccauth.testkit;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP(S) server on {@code 127.0.0.1} that emulates Genesys Cloud and NICE CXone
 * closely enough that a client which works against it works against them: their token
 * endpoints, one listing API each, their error bodies and rate limits, plus fault
 * injection and counters for tests.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start()) {
 *     sandbox.failNext(Endpoint.GENESYS_USERS, 1, 503);
 *     // point the client under test at sandbox.genesysTokenUri() / sandbox.genesysBaseUrl()
 * }
 * }</pre>
 *
 * Runs on its own event loops (never those of the client under test), so it can be
 * started and stopped per test class; starting takes milliseconds once the classes are
 * loaded. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

	private static final String HOST = "127.0.0.1";

	private final Builder settings;

	private final Org org;

	private final TokenStore tokens;

	private final Limits limits;

	private final Faults faults = new Faults();

	private final Counters counters = new Counters();

	private final SandboxCertificate certificate;

	private final LoopResources loops;

	private final Scheduler timer;

	private final DisposableServer server;

	private final String baseUrl;

	private volatile SSLContext sslContext;

	private final AtomicBoolean closed = new AtomicBoolean();

	private Sandbox(Builder settings) {
		this.settings = settings.copy();
		this.org = Org.demo(settings.genesysClient, settings.cxoneClient,
				new Directory.Users(settings.users, settings.inactiveUsers, settings.deletedUsers), settings.agents);
		this.tokens = new TokenStore(settings.tokenLifetime);
		this.limits = new Limits(settings.apiRateLimit, settings.tokenRateLimit, settings.ininRateLimitHeaders);
		SigningKey.prepare();
		this.certificate = settings.https ? SandboxCertificate.generate() : null;
		this.loops = LoopResources.create("ccauth-sandbox", 1, 2, true);
		this.timer = Schedulers.newSingle("ccauth-sandbox-timer", true);
		SandboxHandler handler = new SandboxHandler(org, tokens, limits, faults, counters, timer);
		HttpServer http = HttpServer.create()
			.runOn(loops)
			.host(HOST)
			.port(settings.port)
			.option(ChannelOption.SO_BACKLOG, 4096)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.doOnChannelInit((observer, channel, remote) -> {
				if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
					channel.pipeline()
						.addAfter(NettyPipeline.HttpCodec, "ccauth.headerSpelling", HeaderSpelling.INSTANCE);
				}
			})
			.handle(handler);
		if (certificate != null) {
			http = http.secure(spec -> spec.sslContext(Http11SslContextSpec
				.forServer(certificate.server().getKeyPair().getPrivate(), certificate.server().getCertificate())));
		}
		try {
			this.server = http.bindNow(Duration.ofSeconds(10));
		}
		catch (RuntimeException e) {
			timer.dispose();
			loops.dispose();
			if (certificate != null) {
				certificate.delete();
			}
			throw e;
		}
		this.baseUrl = (certificate != null ? "https://" : "http://") + HOST + ":" + server.port();
		handler.bound(baseUrl, server.port());
		log.info("ccauth sandbox listening on {}", baseUrl);
	}

	/** A sandbox with the default settings: HTTP on a free port. */
	public static Sandbox start() {
		return builder().start();
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Settings of a sandbox to start. Not thread-safe; {@link #start()} may be called
	 * more than once.
	 */
	public static final class Builder {

		private int port;

		private boolean https;

		private int users = 137;

		private int inactiveUsers = 3;

		private int deletedUsers = 2;

		private int agents = 42;

		private Duration tokenLifetime = Duration.ofHours(1);

		private RateLimit apiRateLimit;

		private RateLimit tokenRateLimit;

		private boolean ininRateLimitHeaders;

		private ClientCredentials genesysClient = Org.DEMO_GENESYS_CLIENT;

		private ClientCredentials cxoneClient = Org.DEMO_CXONE_CLIENT;

		private Builder() {
		}

		/** The port to listen on; 0 (the default) picks a free one. */
		public Builder port(int port) {
			if (port < 0 || port > 65_535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * HTTPS with a certificate generated at start
		 * ({@link Sandbox#caCertificatePem()}). Default HTTP.
		 */
		public Builder https(boolean https) {
			this.https = https;
			return this;
		}

		/**
		 * How many active Genesys users {@code /api/v2/users} lists (its default
		 * {@code state}); default 137.
		 */
		public Builder users(int count) {
			this.users = requireCount(count, "users");
			return this;
		}

		/**
		 * How many inactive Genesys users there are besides ({@code state=inactive} or
		 * {@code any}); default 3.
		 */
		public Builder inactiveUsers(int count) {
			this.inactiveUsers = requireCount(count, "inactiveUsers");
			return this;
		}

		/**
		 * How many deleted Genesys users there are besides ({@code state=deleted} or
		 * {@code any}); default 2.
		 */
		public Builder deletedUsers(int count) {
			this.deletedUsers = requireCount(count, "deletedUsers");
			return this;
		}

		/** How many CXone agents the agents API lists; default 42. */
		public Builder agents(int count) {
			this.agents = requireCount(count, "agents");
			return this;
		}

		/** Lifetime of issued access tokens; default 3600 s. */
		public Builder tokenLifetime(Duration lifetime) {
			this.tokenLifetime = requireLifetime(lifetime);
			return this;
		}

		/**
		 * At most {@code requests} API requests per {@code window} per access token;
		 * default off.
		 */
		public Builder apiRateLimit(int requests, Duration window) {
			this.apiRateLimit = new RateLimit(requests, window);
			return this;
		}

		/**
		 * At most {@code requests} token requests per {@code window} per client id;
		 * default off.
		 */
		public Builder tokenRateLimit(int requests, Duration window) {
			this.tokenRateLimit = new RateLimit(requests, window);
			return this;
		}

		/**
		 * Whether rate-limited Genesys API responses carry {@code inin-ratelimit-count},
		 * {@code -allowed} and {@code -reset}, which Genesys removed from every response
		 * in June 2021; default off. Only for tests of clients written before then:
		 * production never sends them.
		 */
		public Builder ininRateLimitHeaders(boolean send) {
			this.ininRateLimitHeaders = send;
			return this;
		}

		/**
		 * The Genesys OAuth client; default a fixed demo client. Any characters are
		 * allowed: clients must form-encode id and secret inside HTTP Basic (RFC 6749
		 * section 2.3.1), as the sandbox decodes them.
		 */
		public Builder genesysClient(String clientId, String clientSecret) {
			this.genesysClient = client(clientId, clientSecret);
			return this;
		}

		/**
		 * The CXone OAuth client (both token endpoints); default a fixed demo client. As
		 * {@link #genesysClient}.
		 */
		public Builder cxoneClient(String clientId, String clientSecret) {
			this.cxoneClient = client(clientId, clientSecret);
			return this;
		}

		public Sandbox start() {
			if ((long) users + inactiveUsers + deletedUsers > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " Genesys users in all");
			}
			if (genesysClient.clientId().equals(cxoneClient.clientId())) {
				throw new IllegalArgumentException("the Genesys and CXone client ids must differ: /oauth/token tells"
						+ " the platforms apart by the client id");
			}
			return new Sandbox(this);
		}

		private Builder copy() {
			Builder copy = new Builder();
			copy.port = port;
			copy.https = https;
			copy.users = users;
			copy.inactiveUsers = inactiveUsers;
			copy.deletedUsers = deletedUsers;
			copy.agents = agents;
			copy.tokenLifetime = tokenLifetime;
			copy.apiRateLimit = apiRateLimit;
			copy.tokenRateLimit = tokenRateLimit;
			copy.ininRateLimitHeaders = ininRateLimitHeaders;
			copy.genesysClient = genesysClient;
			copy.cxoneClient = cxoneClient;
			return copy;
		}

		private static ClientCredentials client(String clientId, String clientSecret) {
			Objects.requireNonNull(clientId, "clientId");
			Objects.requireNonNull(clientSecret, "clientSecret");
			if (clientId.isEmpty() || clientSecret.isEmpty()) {
				throw new IllegalArgumentException("client id and secret must not be empty");
			}
			return new ClientCredentials(clientId, clientSecret);
		}

		private static int requireCount(int count, String what) {
			if (count < 0) {
				throw new IllegalArgumentException(what + " must not be negative, was " + count);
			}
			return count;
		}

	}

	// ---- where it is

	/** {@code http(s)://127.0.0.1:<port>}, without a trailing slash. */
	public String baseUrl() {
		return baseUrl;
	}

	public int port() {
		return server.port();
	}

	public boolean isHttps() {
		return certificate != null;
	}

	/** The PEM of the CA that issued the server certificate; {@code null} over HTTP. */
	public String caCertificatePem() {
		return certificate == null ? null : certificate.caPem();
	}

	/**
	 * A temporary file holding {@link #caCertificatePem()}, deleted on close;
	 * {@code null} over HTTP.
	 */
	public Path caCertificateFile() {
		return certificate == null ? null : certificate.caFile();
	}

	/**
	 * An SSL context that trusts the sandbox (for the JDK's {@code HttpClient}); over
	 * HTTP the JDK default, so that callers can pass it whatever the mode.
	 */
	public SSLContext sslContext() {
		SSLContext context = sslContext;
		if (context == null) {
			try {
				context = certificate != null ? certificate.clientContext() : SSLContext.getDefault();
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException("no default SSL context", e);
			}
			sslContext = context;
		}
		return context;
	}

	// ---- Genesys

	/** {@code <baseUrl>/oauth/token}, the path of the real login host. */
	public String genesysTokenUri() {
		return baseUrl + "/oauth/token";
	}

	/** The API base URL ({@code /api/v2/users} is below it). */
	public String genesysBaseUrl() {
		return baseUrl;
	}

	public ClientCredentials genesysClient() {
		return org.genesysClient();
	}

	// ---- CXone

	/**
	 * The issuer: OpenID discovery is at
	 * {@code <issuer>/.well-known/openid-configuration}.
	 */
	public String cxoneIssuer() {
		return baseUrl;
	}

	/** {@code <baseUrl>/auth/token}: the access-key (password grant) token endpoint. */
	public String cxoneTokenUri() {
		return baseUrl + "/auth/token";
	}

	/**
	 * {@code <baseUrl>/oauth/token}: the tutorial's client-credentials token endpoint.
	 */
	public String cxoneTutorialTokenUri() {
		return baseUrl + "/oauth/token";
	}

	/** The {@code api_endpoint} tenant discovery returns. */
	public String cxoneBaseUrl() {
		return baseUrl;
	}

	public ClientCredentials cxoneClient() {
		return org.cxoneClient();
	}

	/**
	 * The access key; its secret is full of reserved characters, as real ones are, to
	 * catch missing form-encoding.
	 */
	public AccessKey cxoneAccessKey() {
		return org.accessKey();
	}

	/** The tenant id carried by the {@code id_token} and accepted by tenant discovery. */
	public String cxoneTenantId() {
		return org.tenantId();
	}

	// ---- runtime control

	/** The lifetime of tokens issued from now on (those already issued keep theirs). */
	public void tokenLifetime(Duration lifetime) {
		tokens.lifetime(requireLifetime(lifetime));
	}

	/**
	 * At most {@code requests} API requests per {@code window} per access token, from now
	 * on.
	 */
	public void apiRateLimit(int requests, Duration window) {
		limits.api = new FixedWindowLimiter(new RateLimit(requests, window));
	}

	public void disableApiRateLimit() {
		limits.api = null;
	}

	/** As {@link Builder#ininRateLimitHeaders(boolean)}, from now on. */
	public void ininRateLimitHeaders(boolean send) {
		limits.ininHeaders = send;
	}

	/**
	 * At most {@code requests} token requests per {@code window} per client id, from now
	 * on.
	 */
	public void tokenRateLimit(int requests, Duration window) {
		limits.token = new FixedWindowLimiter(new RateLimit(requests, window));
	}

	public void disableTokenRateLimit() {
		limits.token = null;
	}

	/** From now on this token gets the platform's 401. Unknown tokens are ignored. */
	public void revokeToken(String accessToken) {
		tokens.revoke(Objects.requireNonNull(accessToken, "accessToken"));
	}

	/** Every token issued so far gets the platform's 401; tokens issued later work. */
	public void revokeAllTokens() {
		tokens.revokeAll();
	}

	// ---- fault injection

	/**
	 * The next {@code count} requests to {@code endpoint} get {@code status} with the
	 * platform's error body and no {@code Retry-After}, except a 429 of the Genesys API,
	 * which says {@code Retry-After: 1} as Genesys does on every 429.
	 */
	public void failNext(Endpoint endpoint, int count, int status) {
		addFault(endpoint, count, new Faults.Fail(requireStatus(status), null));
	}

	/**
	 * As {@link #failNext(Endpoint, int, int)}, with {@code Retry-After} in whole seconds
	 * (rounded up, at least 1); a Genesys API 429 also names them in its message, as the
	 * platform does.
	 */
	public void failNext(Endpoint endpoint, int count, int status, Duration retryAfter) {
		Objects.requireNonNull(retryAfter, "retryAfter");
		addFault(endpoint, count, new Faults.Fail(requireStatus(status), retryAfter));
	}

	/**
	 * The next {@code count} requests to {@code endpoint} are read, then their connection
	 * is closed unanswered.
	 */
	public void dropNext(Endpoint endpoint, int count) {
		addFault(endpoint, count, new Faults.Drop());
	}

	/**
	 * The next {@code count} responses of {@code endpoint} are broken.
	 * {@link Malformation#NO_ACCESS_TOKEN} and {@link Malformation#NO_EXPIRES_IN} apply
	 * to the token endpoints only.
	 */
	public void malformNext(Endpoint endpoint, int count, Malformation kind) {
		Objects.requireNonNull(kind, "kind");
		if (kind.tokenOnly() && !Objects.requireNonNull(endpoint, "endpoint").isToken()) {
			throw new IllegalArgumentException(kind + " applies to token endpoints only, not " + endpoint);
		}
		addFault(endpoint, count, new Faults.Malform(kind));
	}

	/**
	 * Every response of {@code endpoint} is delayed by {@code added} until
	 * {@link #reset()} (or ZERO).
	 */
	public void latency(Endpoint endpoint, Duration added) {
		faults.latency(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(added, "added"));
	}

	private void addFault(Endpoint endpoint, int count, Faults.Fault fault) {
		faults.add(Objects.requireNonNull(endpoint, "endpoint"), count, fault);
	}

	// ---- counters

	/** Every request that reached {@code endpoint}, faulted or not. */
	public int requestCount(Endpoint endpoint) {
		return counters.requests(Objects.requireNonNull(endpoint, "endpoint"));
	}

	/**
	 * API requests ({@code users}, {@code agents}) that carried this bearer token,
	 * whatever their outcome.
	 */
	public int requestCountForToken(String accessToken) {
		return counters.tokenUses(Objects.requireNonNull(accessToken, "accessToken"));
	}

	/** Access tokens handed out by the platform's token endpoints. */
	public int tokensIssued(Platform platform) {
		return tokens.issued(Objects.requireNonNull(platform, "platform"));
	}

	/** The last 1,000 requests, oldest first. */
	public List<RecordedRequest> recentRequests() {
		return counters.recent();
	}

	/**
	 * Counters, faults, latency, revocations, token lifetime, rate limits and
	 * {@code inin-ratelimit-*} headers back to the builder's settings. Tokens issued so
	 * far stay valid until they expire, so a client that cached one keeps working.
	 */
	public void reset() {
		faults.reset();
		counters.reset();
		tokens.reset(settings.tokenLifetime);
		limits.set(settings.apiRateLimit, settings.tokenRateLimit, settings.ininRateLimitHeaders);
	}

	/** Stops the server and its threads, and deletes the CA file. Idempotent. */
	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		server.disposeNow(Duration.ofSeconds(5));
		loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block();
		timer.dispose();
		if (certificate != null) {
			certificate.delete();
		}
		log.debug("ccauth sandbox on {} stopped", baseUrl);
	}

	@Override
	public String toString() {
		return "Sandbox[" + baseUrl + "]";
	}

	private static Duration requireLifetime(Duration lifetime) {
		Objects.requireNonNull(lifetime, "lifetime");
		if (lifetime.isNegative()) {
			throw new IllegalArgumentException("token lifetime must not be negative, was " + lifetime);
		}
		return lifetime;
	}

	/** 1xx, 2xx are no failures (and 1xx, 204, 304 cannot carry the error body). */
	private static int requireStatus(int status) {
		if (status < 300 || status > 599 || status == 304) {
			throw new IllegalArgumentException("failNext needs an error status (300-599 but 304), was " + status);
		}
		return status;
	}

}
