package dev.ccauth.observability;

import io.micrometer.observation.ObservationRegistry;

import dev.ccauth.token.TokenClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code ccauth.token.request} observation of every registration's token requests,
 * with the application's {@link ObservationRegistry} (Boot's, when Actuator or
 * Micrometer's tracing is present). ccauth's auto-configuration gives the same registry
 * to the WebClient its token and discovery requests use, so those appear as children of
 * the observation.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public final class CcauthObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "ccauthTokenRequestObservation")
	TokenClient.Decorator ccauthTokenRequestObservation(ObservationRegistry observationRegistry) {
		return new TokenRequestObservation(observationRegistry);
	}

}
