package dev.ccauth.redis;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.token.TokenClient;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the store is there, and when it is not; no Redis is contacted (connections are
 * lazy).
 */
class RedisTokenStoreAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisTokenStoreAutoConfiguration.class,
						CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + TestRedis.closedPort());

	@Test
	void aRedisConnectionMakesTheStoreATokenClientDecorator() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RedisTokenStore.class);
			assertThat(context.getBeansOfType(TokenClient.Decorator.class)).containsOnlyKeys("ccauthRedisTokenStore");
			assertThat(context.getBean(RedisTokenStore.class).status().available()).isTrue();
		});
	}

	@Test
	void healthAndMetersShowWhenRedisFailsAndNoCallDoes() {
		try (dev.ccauth.testkit.Sandbox sandbox = dev.ccauth.testkit.Sandbox.start()) {
			this.runner.withPropertyValues(dev.ccauth.testkit.spring.SandboxProperties.genesys(sandbox, "prod"))
				.withPropertyValues("ccauth.redis.connect-timeout=300ms", "ccauth.redis.operation-timeout=300ms")
				.withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
				.run((context) -> {
					var registry = context.getBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class);
					context.getBean(io.micrometer.core.instrument.binder.MeterBinder.class).bindTo(registry);
					var health = context.getBean("ccauthTokenStoreHealthIndicator",
							org.springframework.boot.health.contributor.HealthIndicator.class);
					assertThat(health.health().getDetails()).containsEntry("sharing", true);
					assertThat(context.getBean(dev.ccauth.web.ContactCenterClients.class)
						.accessToken(dev.ccauth.config.RegistrationId.genesys("prod"))
						.block(Duration.ofSeconds(20))).isNotNull();
					var down = health.health();
					assertThat(down.getStatus().getCode()).isEqualTo("UP");
					assertThat(down.getDetails()).containsEntry("sharing", false)
						.containsEntry("fallbacks", 1L)
						.containsKey("reason");
					assertThat(registry.get("ccauth.token.store.available").gauge().value()).isZero();
					assertThat(registry.get("ccauth.token.store.fallbacks").functionCounter().count()).isOne();
				});
		}
	}

	@Test
	void noHealthOrMetersWithoutTheirLibraries() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health", "io.micrometer.core"))
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisTokenStore.class);
				assertThat(context).doesNotHaveBean("ccauthTokenStoreHealthIndicator")
					.doesNotHaveBean("ccauthTokenStoreMeters");
			});
	}

	@Test
	void withoutARedisConnectionNothingChanges() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisTokenStoreAutoConfiguration.class,
					CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RedisTokenStore.class);
				assertThat(context).doesNotHaveBean(TokenClient.Decorator.class);
			});
	}

	@Test
	void withoutSpringDataRedisOnTheClasspathNothingChanges() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveRedisConnectionFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RedisTokenStore.class));
	}

	@Test
	void aBlockingOnlyConnectionFactoryIsNotEnough() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisTokenStoreAutoConfiguration.class,
					CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class))
			.withBean(org.springframework.data.redis.connection.RedisConnectionFactory.class,
					() -> org.mockito.Mockito
						.mock(org.springframework.data.redis.connection.RedisConnectionFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RedisTokenStore.class));
	}

	@Test
	void anApplicationConnectionFactoryIsUsed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisTokenStoreAutoConfiguration.class,
					CcauthAutoConfiguration.class, WebClientAutoConfiguration.class, SslAutoConfiguration.class))
			.withUserConfiguration(OwnConnectionFactory.class)
			.run((context) -> assertThat(context).hasSingleBean(RedisTokenStore.class));
	}

	@Test
	void anApplicationStoreWins() {
		this.runner.withUserConfiguration(OwnStore.class).run((context) -> {
			assertThat(context).hasSingleBean(RedisTokenStore.class);
			assertThat(context.getBean(RedisTokenStore.class)).isSameAs(OwnStore.STORE);
		});
	}

	@Test
	void settingsAreBoundAndCheckedAndDefaulted() {
		this.runner
			.withPropertyValues("ccauth.redis.key-prefix=fleet:", "ccauth.redis.operation-timeout=120ms",
					"ccauth.redis.lock-timeout=3s")
			.run((context) -> {
				RedisTokenStoreProperties properties = context.getBean(RedisTokenStoreProperties.class);
				assertThat(properties.keyPrefix()).isEqualTo("fleet:");
				assertThat(properties.operationTimeout()).isEqualTo(Duration.ofMillis(120));
				assertThat(properties.lockTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(50));
				assertThat(properties.retryInterval()).isEqualTo(Duration.ofSeconds(5));
			});
		this.runner.withPropertyValues("ccauth.redis.lock-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("ccauth.redis.lock-timeout must be positive"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionFactory {

		@Bean
		LettuceConnectionFactory applicationRedis() {
			return new LettuceConnectionFactory("127.0.0.1", TestRedis.closedPort());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		static final RedisTokenStore STORE = RedisTokenStore.create(
				new LettuceConnectionFactory("127.0.0.1", TestRedis.closedPort()), RedisTokenStoreProperties.DEFAULTS);

		@Bean
		RedisTokenStore applicationStore() {
			return STORE;
		}

	}

}
