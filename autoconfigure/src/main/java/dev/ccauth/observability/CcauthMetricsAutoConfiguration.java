package dev.ccauth.observability;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import dev.ccauth.retry.RetryObserver;
import dev.ccauth.token.TokenClient;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * ccauth's meters, when the application has a Micrometer {@link MeterRegistry}:
 * {@code ccauth.token.requests}, {@code ccauth.token.request.duration},
 * {@code ccauth.token.expires.in}, {@code ccauth.http.retries} and
 * {@code ccauth.http.retry.wait}. Nothing is recorded on the path of a call that has its
 * token: only token requests and retries are counted, and the expiry gauge is read when
 * the registry is.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class CcauthMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "ccauthTokenRequestMetrics")
	TokenClient.Decorator ccauthTokenRequestMetrics(MeterRegistry meterRegistry) {
		return new TokenRequestMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean(name = "ccauthRetryMetrics")
	RetryObserver ccauthRetryMetrics(MeterRegistry meterRegistry) {
		return new RetryMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean(name = "ccauthTokenExpiryGauges")
	TokenExpiryGauges ccauthTokenExpiryGauges(MeterRegistry meterRegistry,
			ObjectProvider<ContactCenterClients> clients) {
		return new TokenExpiryGauges(meterRegistry, clients, Clock.systemUTC());
	}

}
