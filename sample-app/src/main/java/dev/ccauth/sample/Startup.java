package dev.ccauth.sample;

/**
 * System properties for a process that makes two requests and exits, set before Spring
 * starts and only where the user has not set them ({@code -Dname=value} wins).
 */
final class Startup {

	private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.";

	private Startup() {
	}

	static void applyDefaults() {
		// slf4j-simple reads its settings from system properties: Boot's logging system
		// would only set it up again
		setIfAbsent("org.springframework.boot.logging.LoggingSystem", "none");
		// the background pre-initializer warms up converters and Jackson on a second
		// thread: on a two-core
		// runner it competes with the main thread for work a two-request run mostly never
		// uses
		setIfAbsent("spring.backgroundpreinitializer.ignore", "true");
		// SLF4J's provider named, not searched for: a ServiceLoader lookup reads every
		// jar on the class path
		setIfAbsent("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
		setIfAbsent("slf4j.internal.verbosity", "WARN"); // else SLF4J reports on stderr
															// that it used the property
		// Netty's JFR events for its buffer allocator: with them on, the first TLS
		// connection also builds JFR's
		// event metadata (annotation proxies and all), some 100 classes a run never uses
		setIfAbsent("io.netty.jfr.enabled", "false");
		setIfAbsent(SIMPLE_LOGGER + "logFile", "System.err"); // stdout carries the result
																// only
		setIfAbsent(SIMPLE_LOGGER + "defaultLogLevel", "warn");
		setIfAbsent(SIMPLE_LOGGER + "showDateTime", "true");
		setIfAbsent(SIMPLE_LOGGER + "dateTimeFormat", "HH:mm:ss.SSS");
		setIfAbsent(SIMPLE_LOGGER + "showThreadName", "false");
		// a failed start is reported by the tool as one line (with the stack trace under
		// --debug), not as Spring's report
		setIfAbsent(SIMPLE_LOGGER + "log.org.springframework.boot.SpringApplication", "off");
		setIfAbsent(SIMPLE_LOGGER + "log.org.springframework.boot.diagnostics", "off");
		setIfAbsent(SIMPLE_LOGGER + "log.org.springframework.context.annotation.AnnotationConfigApplicationContext",
				"error");
	}

	/**
	 * {@code --debug}: ccauth's debug log and Spring's failure report; call before the
	 * first logger exists.
	 */
	static void debugLogging() {
		System.setProperty(SIMPLE_LOGGER + "log.dev.ccauth", "debug");
		System.setProperty(SIMPLE_LOGGER + "log.org.springframework.boot.SpringApplication", "error");
		System.setProperty(SIMPLE_LOGGER + "log.org.springframework.boot.diagnostics", "error");
	}

	private static void setIfAbsent(String name, String value) {
		if (System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}

}
