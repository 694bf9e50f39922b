package dev.ccauth.autoconfigure;

import java.time.Clock;

import reactor.core.scheduler.Schedulers;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.Platform;
import dev.ccauth.cxone.CxonePlatform;
import dev.ccauth.genesys.GenesysPlatform;
import dev.ccauth.retry.ContactCenterRetryPolicies;
import dev.ccauth.token.TokenClient;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * ccauth's auto-configuration: the registrations from {@code ccauth.*} (or the environment), a
 * {@link ContactCenterClients}, and one {@link WebClient} bean per registration. It defines no
 * security configuration and no {@code spring.security.*} registration, so the host application's
 * own security stays as it was.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, SslAutoConfiguration.class })
@ConditionalOnClass({ WebClient.class, reactor.netty.http.client.HttpClient.class })
@EnableConfigurationProperties(CcauthProperties.class)
@Import(RegistrationWebClientsRegistrar.class)
public final class CcauthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ContactCenterRegistrations contactCenterRegistrations(CcauthProperties properties, Environment environment) {
		return RegistrationResolution.resolve(properties, environment::getProperty);
	}

	@Bean
	@ConditionalOnMissingBean
	ContactCenterRetryPolicies contactCenterRetryPolicies() {
		return ContactCenterRetryPolicies.fromSettings();
	}

	@Bean
	@ConditionalOnMissingBean
	ContactCenterClients contactCenterClients(ContactCenterRegistrations registrations,
			ContactCenterRetryPolicies retryPolicies, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<TokenClient.Decorator> tokenClientDecorators,
			Environment environment) {
		ContactCenterClients.Builder builder = ContactCenterClients.builder(registrations);
		tokenClientDecorators.orderedStream().forEach(builder::tokenClientDecorator);
		return builder
			.platform(Platform.GENESYS, GenesysPlatform::endpoints)
			.platform(Platform.CXONE, CxonePlatform::endpoints)
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.connectorBuilder(ClientHttpConnectorBuilder.reactor())
			.sslBundles(sslBundles.getIfAvailable())
			.environment(environment::getProperty)
			.retryPolicies(retryPolicies)
			.clock(Clock.systemUTC())
			.scheduler(Schedulers.parallel())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("ccauth.validate-on-startup")
	StartupTokenCheck ccauthStartupTokenCheck(ContactCenterClients clients) {
		return new StartupTokenCheck(clients);
	}

}
