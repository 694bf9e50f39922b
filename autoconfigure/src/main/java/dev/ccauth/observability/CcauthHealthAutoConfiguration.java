package dev.ccauth.observability;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ccauth.config.Registration;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The {@code ccauth} health contributor, one component per registration
 * ({@code genesys-prod}, {@code cxone-main}), when Boot's health module is present. Off
 * with {@code management.health.ccauth.enabled=false}.
 */
@AutoConfiguration(afterName = "dev.ccauth.autoconfigure.CcauthAutoConfiguration")
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(ContactCenterClients.class)
@EnableConfigurationProperties(CcauthHealthProperties.class)
public final class CcauthHealthAutoConfiguration {

	// on the method, not the class: the condition's own class is then never loaded
	// without the health module
	@Bean
	@ConditionalOnEnabledHealthIndicator("ccauth")
	@ConditionalOnMissingBean(name = "ccauthHealthContributor")
	CompositeHealthContributor ccauthHealthContributor(ContactCenterClients clients,
			CcauthHealthProperties properties) {
		Map<String, HealthContributor> registrations = new LinkedHashMap<>();
		for (Registration registration : clients.registrations()) {
			registrations.put(RegistrationView.key(registration.id()), new RegistrationHealthIndicator(registration,
					clients.tokenSource(registration.id()), properties, Clock.systemUTC()));
		}
		return CompositeHealthContributor.fromMap(registrations);
	}

}
