package dev.ccauth.sample;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;

/**
 * The Spring Boot application behind the commands: no beans of its own, only what the ccauth
 * starter auto-configures from {@code ccauth.*} or the environment ({@code GENESYS_CLIENT_ID}...).
 *
 * <p>A command runs for a second and makes a few requests, so instead of every auto-configuration
 * on the classpath (each one's conditions evaluated on every start) it imports the three it uses:
 * ccauth's, SSL bundles ({@code spring.ssl.bundle.*}, for a registration's {@code ssl-bundle}) and
 * placeholders. Without Boot's {@code WebClient.Builder} the starter clones a plain
 * {@code WebClient.builder()}, with Spring's default codecs (Jackson from the classpath).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, SslAutoConfiguration.class,
		CcauthAutoConfiguration.class })
class ToolApplication {

}
