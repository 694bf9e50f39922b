package dev.ccauth.sample;

import java.util.Map;

import dev.ccauth.autoconfigure.CcauthAutoConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;

/**
 * The Spring Boot application behind the commands: no beans of its own, only what the
 * ccauth starter auto-configures from {@code ccauth.*} or the environment
 * ({@code GENESYS_CLIENT_ID}...).
 *
 * <p>
 * A command runs for a second and makes a few requests, so instead of every
 * auto-configuration on the classpath (each one's conditions evaluated on every start) it
 * imports the three it uses: ccauth's, SSL bundles ({@code spring.ssl.bundle.*}, for a
 * registration's {@code ssl-bundle}) and placeholders. Without Boot's
 * {@code WebClient.Builder} the starter clones a plain {@code WebClient.builder()}, with
 * Spring's default codecs (Jackson from the classpath).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, SslAutoConfiguration.class,
		CcauthAutoConfiguration.class })
public class ToolApplication {

	/**
	 * The application as every command starts it: no web server, lazy beans, no banner.
	 * Its main class is this one, also when the tool starts it, so that in AOT mode
	 * ({@code -Dspring.aot.enabled=true}) Spring finds the initializer
	 * {@code spring-boot:process-aot} generated for this class.
	 */
	static SpringApplication application(Map<String, Object> defaults) {
		SpringApplication application = new SpringApplication(ToolApplication.class);
		application.setMainApplicationClass(ToolApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setLazyInitialization(true);
		application.setRegisterShutdownHook(false);
		application.setDefaultProperties(defaults);
		return application;
	}

	/**
	 * For {@code spring-boot:process-aot}, which runs the application up to its refresh
	 * at build time.
	 */
	public static void main(String[] args) {
		application(Map.of()).run(args);
	}

}
