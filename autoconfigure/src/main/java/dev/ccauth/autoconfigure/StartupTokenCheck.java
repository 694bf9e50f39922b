package dev.ccauth.autoconfigure;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import dev.ccauth.config.Registration;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * With {@code ccauth.validate-on-startup=true}, fetches every registration's token once
 * the singletons exist, before the application reports ready: bad credentials stop
 * startup instead of failing the first call.
 */
class StartupTokenCheck implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(StartupTokenCheck.class);

	private final ContactCenterClients clients;

	StartupTokenCheck(ContactCenterClients clients) {
		this.clients = clients;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Flux.fromIterable(this.clients.registrations())
			.map(Registration::id)
			.flatMap((id) -> this.clients.accessToken(id)
				.doOnNext((token) -> logger.info("{}: credentials checked, token valid for {}s", id,
						token.lifetime().map(Duration::toSeconds).orElse(-1L))))
			.then()
			.block();
	}

}
