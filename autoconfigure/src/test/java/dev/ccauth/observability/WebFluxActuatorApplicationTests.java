package dev.ccauth.observability;

import org.springframework.boot.WebApplicationType;

/** {@link ActuatorApplicationTests} as a WebFlux application on Reactor Netty. */
class WebFluxActuatorApplicationTests extends ActuatorApplicationTests {

	@Override
	WebApplicationType type() {
		return WebApplicationType.REACTIVE;
	}

}
