package dev.ccauth.autoconfigure;

import java.util.Map;

import dev.ccauth.config.HttpSettings;
import dev.ccauth.config.RetrySettings;
import dev.ccauth.config.TokenSettings;
import dev.ccauth.cxone.CxoneRegistrationProperties;
import dev.ccauth.genesys.GenesysRegistrationProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * ccauth's configuration: registrations of both platforms and the settings they share.
 *
 * @param genesys Genesys Cloud registrations by name; each gets a WebClient bean
 * (genesysWebClient for "default", else genesys&lt;Name&gt;WebClient)
 * @param cxone NICE CXone registrations by name; each gets a WebClient bean
 * (cxoneWebClient for "default", else cxone&lt;Name&gt;WebClient)
 * @param token Token lifetime settings shared by every registration
 * @param retry Retry and backoff settings shared by every registration
 * @param http HTTP timeouts shared by every registration (default: Boot's
 * spring.http.clients.*, else ccauth's)
 * @param validateOnStartup Whether to fetch every registration's token before the
 * application reports ready, so that bad credentials stop startup (makes network calls at
 * startup)
 */
@ConfigurationProperties("ccauth")
public record CcauthProperties(Map<String, GenesysRegistrationProperties> genesys,
		Map<String, CxoneRegistrationProperties> cxone, @NestedConfigurationProperty TokenSettings token,
		@NestedConfigurationProperty RetrySettings retry, @NestedConfigurationProperty HttpSettings http,
		boolean validateOnStartup) {

	public CcauthProperties {
		genesys = (genesys != null) ? Map.copyOf(genesys) : Map.of();
		cxone = (cxone != null) ? Map.copyOf(cxone) : Map.of();
		// unset values stay unset: Boot's spring.http.clients.* and then ccauth's
		// defaults fill them in
	}

}
