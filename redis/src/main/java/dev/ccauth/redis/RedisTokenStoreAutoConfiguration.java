package dev.ccauth.redis;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import dev.ccauth.token.TokenClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Shares every registration's token across processes through Redis, when this module is
 * on the classpath and the application has a (Lettuce) Redis connection, Boot's
 * {@code spring.data.redis.*}. {@code ccauth.token.store=local}, globally or per
 * registration, keeps registrations out of it.
 */
@AutoConfiguration(after = DataRedisAutoConfiguration.class, before = CcauthAutoConfiguration.class)
@ConditionalOnClass({ TokenClient.class, ReactiveRedisConnectionFactory.class })
@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
@EnableConfigurationProperties(RedisTokenStoreProperties.class)
public final class RedisTokenStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedisTokenStore ccauthRedisTokenStore(ReactiveRedisConnectionFactory connectionFactory,
			RedisTokenStoreProperties properties) {
		return RedisTokenStore.create(connectionFactory, properties);
	}

	/**
	 * The store in {@code /actuator/health}: UP whether it shares or falls back, since no
	 * call fails either way.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class Health {

		@Bean
		@ConditionalOnMissingBean(name = "ccauthTokenStoreHealthIndicator")
		org.springframework.boot.health.contributor.HealthIndicator ccauthTokenStoreHealthIndicator(
				RedisTokenStore store) {
			return () -> {
				RedisTokenStore.Status status = store.status();
				var health = org.springframework.boot.health.contributor.Health.up()
					.withDetail("sharing", status.available())
					.withDetail("since", String.valueOf(status.since()))
					.withDetail("fallbacks", status.fallbacks());
				if (status.lastFailure() != null) {
					health.withDetail("reason", "Redis does not answer (" + status.lastFailure()
							+ "); each process uses its own token engine until it does");
				}
				return health.build();
			};
		}

	}

	/**
	 * {@code ccauth.token.store.available} (1 sharing, 0 falling back) and
	 * {@code ccauth.token.store.fallbacks}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class Metrics {

		@Bean
		@ConditionalOnMissingBean(name = "ccauthTokenStoreMeters")
		io.micrometer.core.instrument.binder.MeterBinder ccauthTokenStoreMeters(RedisTokenStore store) {
			return (registry) -> {
				io.micrometer.core.instrument.Gauge
					.builder("ccauth.token.store.available", store, (s) -> s.status().available() ? 1 : 0)
					.description(
							"Whether the Redis token store answers (1) or each process falls back to its own engine (0)")
					.register(registry);
				io.micrometer.core.instrument.FunctionCounter
					.builder("ccauth.token.store.fallbacks", store, (s) -> s.status().fallbacks())
					.description("Token requests made with the process's own engine because Redis did not answer")
					.register(registry);
			};
		}

	}

}
