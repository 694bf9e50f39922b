package dev.ccauth.testkit;

import dev.ccauth.testkit.Faults.Drop;
import dev.ccauth.testkit.Faults.Fail;
import dev.ccauth.testkit.Faults.Fault;
import dev.ccauth.testkit.Faults.Malform;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * Every request goes through here: read the whole body, find the endpoint, count it,
 * apply the injected fault (if any) instead of or on top of the normal answer, wait the
 * added latency, write. Nothing blocks.
 */
final class SandboxHandler implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

	private static final Logger log = LoggerFactory.getLogger(SandboxHandler.class);

	private static final String NOT_JSON = "<html><head><title>Service notice</title></head>"
			+ "<body><h1>We'll be right back</h1></body></html>";

	private final Org org;

	private final TokenStore tokens;

	private final GenesysApi genesys;

	private final CxoneApi cxone;

	private final Faults faults;

	private final Counters counters;

	private final Scheduler timer;

	private volatile String baseUrl;

	private volatile int port;

	SandboxHandler(Org org, TokenStore tokens, Limits limits, Faults faults, Counters counters, Scheduler timer) {
		this.org = org;
		this.tokens = tokens;
		this.genesys = new GenesysApi(org, tokens, limits);
		this.cxone = new CxoneApi(org, tokens, limits);
		this.faults = faults;
		this.counters = counters;
		this.timer = timer;
	}

	/** Set once the port is known, before the first request can arrive. */
	void bound(String baseUrl, int port) {
		this.baseUrl = baseUrl;
		this.port = port;
	}

	@Override
	public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap(body -> respond(request, response, body));
	}

	private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, String body) {
		Instant received = Instant.now();
		Exchange exchange = new Exchange(request.method().name(), request.uri(), request.requestHeaders(), body,
				baseUrl, port);
		Route route = Route.of(exchange.path());
		Endpoint endpoint = route.endpoint(exchange, org);
		counters.request(endpoint);
		if (endpoint.isApi()) {
			String bearer = exchange.bearer();
			if (bearer != null) {
				counters.tokenUse(bearer);
			}
		}
		ErrorStyle style = Route.errorStyle(endpoint, exchange.path());
		Fault fault = faults.poll(endpoint);
		Reply reply;
		if (fault instanceof Drop) {
			reply = null;
		}
		else if (fault instanceof Fail fail) {
			reply = failure(style, fail);
		}
		else {
			reply = answer(route, endpoint, exchange, style);
			if (fault instanceof Malform malform) {
				reply = malform(reply, malform.kind());
			}
		}
		int status = reply == null ? 0 : reply.status();
		counters.record(new RecordedRequest(endpoint, exchange.method(), exchange.path(), exchange.rawQuery(),
				exchange.host(), exchange.hasAuthorization(), status, received));
		if (log.isDebugEnabled()) {
			log.debug("{} {} -> {} ({})", exchange.method(), exchange.path(), status == 0 ? "dropped" : status,
					endpoint);
		}
		Reply decided = reply;
		Mono<Void> send = Mono.defer(() -> decided == null ? drop(response) : write(response, decided));
		Duration latency = faults.latency(endpoint);
		return latency.isZero() ? send : Mono.delay(latency, timer).then(send);
	}

	private Reply answer(Route route, Endpoint endpoint, Exchange exchange, ErrorStyle style) {
		if (route == Route.UNKNOWN) {
			return style.generic(404);
		}
		if (!route.method().equals(exchange.method())) {
			return style.reply(405, style.code(405), "method " + exchange.method() + " is not allowed here")
				.withHeader(Reply.ALLOW, route.method());
		}
		try {
			return switch (route) {
				case SHARED_TOKEN ->
					endpoint == Endpoint.CXONE_TOKEN ? cxone.tutorialToken(exchange) : genesys.token(exchange);
				case GENESYS_TUTORIAL_TOKEN -> genesys.token(exchange);
				case CXONE_TOKEN -> cxone.token(exchange);
				case GENESYS_USERS -> genesys.users(exchange);
				case CXONE_DISCOVERY -> cxone.discovery(exchange);
				case CXONE_TENANT_CONFIGURATION -> cxone.tenantConfiguration(exchange);
				case CXONE_AGENTS -> cxone.agents(exchange);
				case CXONE_JWKS -> cxone.jwks();
				case UNKNOWN -> style.generic(404);
			};
		}
		catch (BadRequest bad) {
			return style.reply(400, style.code(400), bad.getMessage());
		}
		catch (RuntimeException bug) {
			log.warn("ccauth sandbox failed on {} {}", exchange.method(), exchange.path(), bug);
			return style.generic(500);
		}
	}

	private static Reply failure(ErrorStyle style, Fail fail) {
		if (fail.retryAfter() == null) {
			return style.generic(fail.status());
		}
		long seconds = Math.max(1, (fail.retryAfter().toMillis() + 999) / 1000);
		if (style == ErrorStyle.GENESYS_API && fail.status() == 429) {
			return ErrorStyle.genesysRateLimited(seconds);
		}
		return style.generic(fail.status()).withHeader(Reply.RETRY_AFTER, Long.toString(seconds));
	}

	private Reply malform(Reply reply, Malformation kind) {
		switch (kind) {
			case NOT_JSON:
				return Reply.text(200, "text/html; charset=utf-8", NOT_JSON);
			case TRUNCATED:
				byte[] body = reply.body();
				if (body.length < 2) {
					// a 204 cannot carry a body: make it a 200 whose JSON stops short
					return Reply.text(200, "application/json", "{");
				}
				return reply.withBody(Arrays.copyOf(body, body.length / 2));
			default:
				return withoutField(reply, kind == Malformation.NO_ACCESS_TOKEN ? "access_token" : "expires_in");
		}
	}

	/** A token response without one field; a token nobody received is taken back. */
	private Reply withoutField(Reply reply, String field) {
		ObjectNode json = reply.isSuccess() ? Json.object(reply.body()) : null;
		if (json == null) {
			return reply;
		}
		JsonNode removed = json.remove(field);
		if (removed != null && field.equals("access_token")) {
			tokens.forget(removed.asString());
		}
		return reply.withBody(Json.bytes(json));
	}

	private static Mono<Void> write(HttpServerResponse response, Reply reply) {
		response.status(reply.status());
		reply.headers().forEach(response::header);
		if (reply.body().length == 0) {
			return response.send();
		}
		response.header(Reply.CONTENT_LENGTH, Integer.toString(reply.body().length));
		return response.sendByteArray(Mono.just(reply.body())).then();
	}

	/** Close the connection without a byte of response, as a crashed proxy would. */
	private static Mono<Void> drop(HttpServerResponse response) {
		response.withConnection(connection -> connection.channel().close());
		return Mono.empty();
	}

}
