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
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Shares every registration's token across processes through Redis, when this module is on the
 * classpath and the application has a (Lettuce) Redis connection, Boot's
 * {@code spring.data.redis.*}. {@code ccauth.token.store=local}, globally or per registration, keeps
 * registrations out of it.
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

}
