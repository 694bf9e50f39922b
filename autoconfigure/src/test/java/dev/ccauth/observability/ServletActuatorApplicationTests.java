package dev.ccauth.observability;

import org.springframework.boot.WebApplicationType;

/**
 * {@link ActuatorApplicationTests} as a servlet application on Tomcat, calling through
 * RestClients.
 */
class ServletActuatorApplicationTests extends ActuatorApplicationTests {

	@Override
	WebApplicationType type() {
		return WebApplicationType.SERVLET;
	}

}
