package dev.ccauth.token;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ccauth against an independent, standards-conformant OAuth2 authorization server: Spring
 * Authorization Server, in-process on a free port, issuing JWTs that live ten seconds,
 * and a resource server that refuses them the moment they expire. Client secrets hold the
 * characters RFC 6749 section 2.3.1 requires to be form-encoded before Basic encoding.
 */
class AuthorizationServerInteropTests {

	private static final String BASIC_SECRET = "ba+s/i=c&s%e:cret with space";

	private static final String POST_SECRET = "po+s/t=s&e%c:ret with space";

	private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(10);

	private static final Duration RUN = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext authorizationServer;

	private static String url;

	@BeforeAll
	static void startAuthorizationServer() {
		Map<String, Object> properties = new java.util.HashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		client(properties, "basic", BASIC_SECRET, "client_secret_basic");
		client(properties, "post", POST_SECRET, "client_secret_post");
		authorizationServer = new SpringApplicationBuilder(AuthorizationServer.class).web(WebApplicationType.SERVLET)
			.properties(properties)
			.run();
		int port = ((WebServerApplicationContext) authorizationServer).getWebServer().getPort();
		url = "http://127.0.0.1:" + port;
	}

	private static void client(Map<String, Object> properties, String id, String secret, String method) {
		String prefix = "spring.security.oauth2.authorizationserver.client." + id + ".";
		properties.put(prefix + "registration.client-id", id + "-client");
		properties.put(prefix + "registration.client-secret", "{noop}" + secret);
		properties.put(prefix + "registration.client-authentication-methods", method);
		properties.put(prefix + "registration.authorization-grant-types", "client_credentials");
		properties.put(prefix + "registration.scopes", "api.read");
		properties.put(prefix + "token.access-token-time-to-live", TOKEN_LIFETIME.toSeconds() + "s");
	}

	@AfterAll
	static void stopAuthorizationServer() {
		authorizationServer.close();
	}

	@Test
	void basicAndPostClientsCallContinuouslyWithOneTokenRequestPerLifetime() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CcauthAutoConfiguration.class, WebClientAutoConfiguration.class,
					SslAutoConfiguration.class))
			.withPropertyValues(registration("basic"))
			.withPropertyValues(registration("post"))
			.withPropertyValues("ccauth.token.refresh-skew=1s")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new org.springframework.core.env.MapPropertySource("secrets",
						Map.of("ccauth.genesys.basic.client-secret", BASIC_SECRET, "ccauth.genesys.post.client-secret",
								POST_SECRET))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				AtomicLong calls = new AtomicLong();
				List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
				List<Thread> callers = new ArrayList<>();
				long end = System.nanoTime() + RUN.toNanos();
				for (String name : List.of("genesysBasicWebClient", "genesysPostWebClient")) {
					WebClient client = context.getBean(name, WebClient.class);
					for (int i = 0; i < 16; i++) {
						Thread caller = new Thread(() -> {
							while (System.nanoTime() < end) {
								try {
									String body = client.get()
										.uri("/api/hello")
										.retrieve()
										.bodyToMono(String.class)
										.block(Duration.ofSeconds(10));
									assertThat(body).startsWith("hello ");
									calls.incrementAndGet();
								}
								catch (Throwable ex) {
									failures.add(ex);
								}
							}
						});
						caller.start();
						callers.add(caller);
					}
				}
				for (Thread caller : callers) {
					caller.join();
				}
				assertThat(failures).as("failed calls").isEmpty();
				assertThat(calls.get()).as("calls made").isGreaterThan(2_000);
				int lifetimes = (int) ((RUN.toSeconds() + TOKEN_LIFETIME.toSeconds() - 1) / TOKEN_LIFETIME.toSeconds());
				Counts counts = authorizationServer.getBean(Counts.class);
				for (String client : List.of("basic-client", "post-client")) {
					assertThat(counts.issued(client)).as("tokens issued to %s", client)
						.isBetween(lifetimes, lifetimes + 2);
				}
				assertThat(counts.tokenRequests.get()).as("token requests, refused ones included")
					.isEqualTo(counts.issued("basic-client") + counts.issued("post-client"));
			});
	}

	private static String[] registration(String name) {
		String prefix = "ccauth.genesys." + name + ".";
		return new String[] { prefix + "client-id=" + name + "-client", prefix + "token-uri=" + url + "/oauth2/token",
				prefix + "base-url=" + url, prefix + "scopes=api.read", prefix + "client-authentication=" + name };
	}

	/** What the authorization server counted. */
	static final class Counts {

		final AtomicInteger tokenRequests = new AtomicInteger();

		final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();

		int issued(String clientId) {
			AtomicInteger count = this.issued.get(clientId);
			return (count != null) ? count.get() : 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Api.class)
	static class AuthorizationServer {

		@Bean
		Counts counts() {
			return new Counts();
		}

		@Bean
		@Order(1)
		SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer((server) -> http.securityMatcher(server.getEndpointsMatcher()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
			http.securityMatcher("/api/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> {
				}));
			return http.build();
		}

		/**
		 * Refuses a token the moment it expires (the default allows 60 s of clock skew).
		 */
		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
			decoder.setJwtValidator(new JwtTimestampValidator(Duration.ZERO));
			return decoder;
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> countIssued(Counts counts) {
			return (context) -> counts.issued
				.computeIfAbsent(context.getRegisteredClient().getClientId(), (id) -> new AtomicInteger())
				.incrementAndGet();
		}

		@Bean
		org.springframework.boot.web.servlet.FilterRegistrationBean<OncePerRequestFilter> countTokenRequests(
				Counts counts) {
			OncePerRequestFilter filter = new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (request.getRequestURI().equals("/oauth2/token")) {
						counts.tokenRequests.incrementAndGet();
					}
					chain.doFilter(request, response);
				}

			};
			var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@RestController
	static class Api {

		@GetMapping("/api/hello")
		String hello(org.springframework.security.core.Authentication authentication) {
			return "hello " + authentication.getName();
		}

	}

}
