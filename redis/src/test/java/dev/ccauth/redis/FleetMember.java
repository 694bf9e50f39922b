package dev.ccauth.redis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.token.AccessToken;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One process of a fleet under test ({@link FleetProcessTests}): a Spring Boot
 * application with ccauth and this module, driven by commands on stdin, answering on
 * stdout with lines that start with {@code fleet: } (everything else on stdout is its
 * log). It prints tokens only as a short hash.
 * <ul>
 * <li>{@code start k=v ...}: (re)starts the application with these properties (a cold
 * token cache); answers {@code started}</li>
 * <li>{@code burst N}: N concurrent calls; answers
 * {@code burst ok=.. failed=.. token=<hash>}</li>
 * <li>{@code load MILLIS CONCURRENCY PAUSE}: calls in a closed loop for that long, each
 * worker pausing PAUSE ms between calls (so that the machine is not saturated); answers
 * {@code load ok=.. failed=.. tokens=<hash>,<hash>...}</li>
 * <li>{@code status}: answers {@code status available=.. fallbacks=..}</li>
 * <li>{@code quit}, or the end of stdin: exits</li>
 * </ul>
 */
public final class FleetMember {

	static final String PREFIX = "fleet: ";

	private static final RegistrationId REGISTRATION = RegistrationId.genesys("default");

	private static final PrintStream out = System.out;

	private static ConfigurableApplicationContext context;

	private FleetMember() {
	}

	public static void main(String[] args) throws Exception {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		answer("jvm-ready");
		String line;
		while ((line = in.readLine()) != null) {
			List<String> words = Arrays.asList(line.trim().split(" "));
			try {
				switch (words.get(0)) {
					case "start" -> start(words.subList(1, words.size()));
					case "burst" -> burst(Integer.parseInt(words.get(1)));
					case "load" -> load(Duration.ofMillis(Long.parseLong(words.get(1))), Integer.parseInt(words.get(2)),
							Duration.ofMillis(Long.parseLong(words.get(3))));
					case "status" -> status();
					case "quit" -> {
						stop();
						System.exit(0);
					}
					default -> answer("error unknown command " + words.get(0));
				}
			}
			catch (Exception ex) {
				answer("error " + ex.getClass().getSimpleName());
			}
		}
		stop();
		System.exit(0);
	}

	private static void start(List<String> properties) {
		stop();
		List<String> args = new ArrayList<>();
		properties.forEach((property) -> args.add("--" + property));
		context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
		answer("started");
	}

	private static void stop() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	private static void burst(int calls) {
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Flux.range(0, calls).flatMap((i) -> call(ok, failed), calls).blockLast(Duration.ofSeconds(60));
		AccessToken token = clients().tokenSource(REGISTRATION).currentToken();
		answer("burst ok=" + ok + " failed=" + failed + " token=" + hash(token) + " fallbacks=" + fallbacks());
	}

	private static void load(Duration duration, int concurrency, Duration pause) {
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Set<String> tokens = ConcurrentHashMap.newKeySet();
		long end = System.nanoTime() + duration.toNanos();
		Flux.range(0, concurrency).flatMap((worker) -> Mono.defer(() -> call(ok, failed)).doOnTerminate(() -> {
			AccessToken token = clients().tokenSource(REGISTRATION).currentToken();
			if (token != null) {
				tokens.add(hash(token));
			}
		}).then(Mono.delay(pause)).repeat(() -> System.nanoTime() < end).then(), concurrency)
			.blockLast(duration.plusSeconds(60));
		answer("load ok=" + ok + " failed=" + failed + " tokens=" + String.join(",", tokens) + " fallbacks="
				+ fallbacks());
	}

	private static Mono<Void> call(AtomicInteger ok, AtomicInteger failed) {
		return clients().webClient(REGISTRATION)
			.get()
			.uri("/api/v2/users?pageSize=1")
			.retrieve()
			.toBodilessEntity()
			.doOnSuccess((response) -> ok.incrementAndGet())
			.onErrorResume((error) -> {
				failed.incrementAndGet();
				System.err.println("call failed: " + error);
				return Mono.empty();
			})
			.then();
	}

	private static void status() {
		RedisTokenStore.Status status = context.getBean(RedisTokenStore.class).status();
		answer("status available=" + status.available() + " fallbacks=" + status.fallbacks());
	}

	/** Token requests made without Redis because it did not answer. */
	private static long fallbacks() {
		return context.getBean(RedisTokenStore.class).status().fallbacks();
	}

	private static ContactCenterClients clients() {
		return context.getBean(ContactCenterClients.class);
	}

	/** A short hash: enough to tell tokens apart, useless as a credential. */
	static String hash(AccessToken token) {
		if (token == null) {
			return "none";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.value().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(String line) {
		synchronized (out) {
			out.println(PREFIX + line);
			out.flush();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
