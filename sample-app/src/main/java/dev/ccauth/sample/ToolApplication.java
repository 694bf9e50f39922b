package dev.ccauth.sample;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The Spring Boot application behind the commands: no beans of its own, only what the ccauth
 * starter auto-configures from {@code ccauth.*} or the environment ({@code GENESYS_CLIENT_ID}...).
 * Auto-configuration stays on, as in any application using the starter, minus what a short-lived,
 * non-web command never uses: JMX, AOP, task executors and schedulers, HTTP service clients,
 * observation and the blocking HTTP clients.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.autoconfigure.admin.SpringApplicationAdminJmxAutoConfiguration",
		"org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
		"org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
		"org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration",
		"org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
		"org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.metrics.HttpClientMetricsAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration",
		"org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.service.ReactiveHttpServiceClientAutoConfiguration" })
class ToolApplication {

}
