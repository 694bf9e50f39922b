package dev.ccauth.observability;

import java.time.Clock;

import dev.ccauth.web.ContactCenterClients;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The read-only {@code ccauth} Actuator endpoint ({@code /actuator/ccauth} once exposed
 * with {@code management.endpoints.web.exposure.include}), when Actuator is present.
 */
@AutoConfiguration(afterName = "dev.ccauth.autoconfigure.CcauthAutoConfiguration")
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ContactCenterClients.class)
public final class CcauthEndpointAutoConfiguration {

	// on the method, not the class: the condition's own class is then never loaded
	// without Actuator
	@Bean
	@ConditionalOnAvailableEndpoint(CcauthEndpoint.class)
	@ConditionalOnMissingBean(name = "ccauthEndpoint")
	CcauthEndpoint ccauthEndpoint(ContactCenterClients clients) {
		return new CcauthEndpoint(clients, Clock.systemUTC());
	}

}
