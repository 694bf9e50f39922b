package dev.ccauth.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One process of {@link FleetBenchmark}: the benchmark's ccauth application (the starter,
 * and the Redis store unless {@code ccauth.token.store=local}), driven over stdin;
 * answers on stdout with lines that start with {@code fleet: }.
 * <ul>
 * <li>{@code start k=v ...}: (re)starts the application, cold; answers
 * {@code started}</li>
 * <li>{@code calls N MILLIS PAUSE}: N concurrent first calls, then calls for MILLIS more,
 * each of the N workers pausing PAUSE ms between calls; answers
 * {@code calls ok=.. failed=..}</li>
 * <li>{@code quit}, or the end of stdin: exits</li>
 * </ul>
 */
final class FleetMember {

	static final String PREFIX = "fleet: ";

	private FleetMember() {
	}

	static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		ConfigurableApplicationContext context = null;
		answer("jvm-ready");
		for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
			List<String> words = Arrays.asList(line.trim().split(" "));
			if (words.get(0).equals("start")) {
				if (context != null) {
					context.close();
				}
				context = new SpringApplicationBuilder(Clients.BenchApplication.class).web(WebApplicationType.NONE)
					.bannerMode(Banner.Mode.OFF)
					.logStartupInfo(false)
					.properties(words.subList(1, words.size()).toArray(String[]::new))
					.run();
				answer("started");
			}
			else if (words.get(0).equals("calls") && context != null) {
				WebClient client = context.getBean("genesysBenchWebClient", WebClient.class);
				answer(calls(client, Integer.parseInt(words.get(1)), Duration.ofMillis(Long.parseLong(words.get(2))),
						Duration.ofMillis(Long.parseLong(words.get(3)))));
			}
			else {
				answer("error " + line);
			}
		}
		System.exit(0);
	}

	private static String calls(WebClient client, int workers, Duration duration, Duration pause) {
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long end = System.nanoTime() + duration.toNanos();
		Mono<Void> call = client.get()
			.uri("/api/v2/users?pageSize=1")
			.retrieve()
			.toBodilessEntity()
			.doOnSuccess((response) -> ok.incrementAndGet())
			.onErrorResume((error) -> {
				failed.incrementAndGet();
				return Mono.empty();
			})
			.then();
		Flux.range(0, workers)
			.flatMap((worker) -> call.then(Mono.delay(pause)).repeat(() -> System.nanoTime() < end).then(), workers)
			.blockLast(duration.plusMinutes(2));
		return "calls ok=" + ok + " failed=" + failed;
	}

	private static void answer(String line) {
		System.out.println(PREFIX + line);
		System.out.flush();
	}

}
