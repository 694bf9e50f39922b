package dev.ccauth.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import dev.ccauth.config.RegistrationId;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The two kinds of client a registration has, behind one small API, so that one suite
 * proves the same guarantees for both. Failures surface as each client throws them.
 */
enum ClientKind {

	WEB_CLIENT {

		@Override
		Api api(ApplicationContext context, RegistrationId id) {
			WebClient client = context.getBean(ContactCenterClients.class).webClient(id);
			return new Api() {

				@Override
				public JsonNode get(String uri) {
					return client.get().uri(uri).retrieve().bodyToMono(JsonNode.class).block(TIMEOUT);
				}

				@Override
				public int status(String uri) {
					return client.get()
						.uri(uri)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
						.block(TIMEOUT);
				}

				@Override
				public void post(String uri, String body) {
					client.post()
						.uri(uri)
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(body)
						.retrieve()
						.toBodilessEntity()
						.block(TIMEOUT);
				}

				@Override
				public long getMany(String uri, int calls, int concurrency, Runnable afterEach) {
					return Flux.range(0, calls)
						.flatMap((i) -> client.get()
							.uri(uri)
							.retrieve()
							.toBodilessEntity()
							.doOnNext((r) -> afterEach.run()), concurrency)
						.filter((response) -> response.getStatusCode().is2xxSuccessful())
						.count()
						.block(Duration.ofMinutes(3));
				}

				@Override
				public List<JsonNode> getConcurrently(String uri, int calls) {
					return Flux.range(0, calls)
						.flatMap((i) -> client.get().uri(uri).retrieve().bodyToMono(JsonNode.class), calls)
						.collectList()
						.block(Duration.ofMinutes(2));
				}

			};
		}

	},

	REST_CLIENT {

		@Override
		Api api(ApplicationContext context, RegistrationId id) {
			RestClient client = context.getBean(ContactCenterClients.class).restClient(id);
			return new Api() {

				@Override
				public JsonNode get(String uri) {
					return client.get().uri(uri).retrieve().body(JsonNode.class);
				}

				@Override
				public int status(String uri) {
					return client.get().uri(uri).exchange((request, response) -> response.getStatusCode().value());
				}

				@Override
				public void post(String uri, String body) {
					client.post()
						.uri(uri)
						.contentType(MediaType.APPLICATION_JSON)
						.body(body)
						.retrieve()
						.toBodilessEntity();
				}

				@Override
				public long getMany(String uri, int calls, int concurrency, Runnable afterEach) {
					java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
					java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
					List<Thread> threads = new ArrayList<>();
					for (int t = 0; t < concurrency; t++) {
						Thread thread = new Thread(() -> {
							while (next.getAndIncrement() < calls) {
								if (client.get()
									.uri(uri)
									.retrieve()
									.toBodilessEntity()
									.getStatusCode()
									.is2xxSuccessful()) {
									ok.incrementAndGet();
									afterEach.run();
								}
							}
						});
						thread.start();
						threads.add(thread);
					}
					for (Thread thread : threads) {
						try {
							thread.join();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							throw new IllegalStateException(ex);
						}
					}
					return ok.get();
				}

				@Override
				public List<JsonNode> getConcurrently(String uri, int calls) {
					ExecutorService threads = Executors.newFixedThreadPool(calls);
					try {
						List<Future<JsonNode>> pages = new ArrayList<>();
						for (int i = 0; i < calls; i++) {
							pages.add(threads.submit(() -> get(uri)));
						}
						List<JsonNode> results = new ArrayList<>();
						for (Future<JsonNode> page : pages) {
							results.add(page.get());
						}
						return results;
					}
					catch (ExecutionException ex) {
						throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
								: new IllegalStateException(ex.getCause());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
					finally {
						threads.shutdownNow();
					}
				}

			};
		}

	};

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	abstract Api api(ApplicationContext context, RegistrationId id);

	/** What the suite does with a client. */
	interface Api {

		JsonNode get(String uri);

		/** The status of a GET, whatever it is. */
		int status(String uri);

		void post(String uri, String body);

		/**
		 * As many GETs at once as asked for, each on its own (thread or subscription).
		 */
		List<JsonNode> getConcurrently(String uri, int calls);

		/**
		 * Many GETs, so many at a time, calling back after each one that succeeded.
		 * @return how many succeeded
		 */
		long getMany(String uri, int calls, int concurrency, Runnable afterEach);

	}

}
