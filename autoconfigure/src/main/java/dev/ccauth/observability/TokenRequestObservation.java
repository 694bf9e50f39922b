package dev.ccauth.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;

import dev.ccauth.config.Registration;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenClient;
import org.springframework.core.Ordered;

/**
 * Observes every token request as {@code ccauth.token.request} (low-cardinality keys
 * registration, platform, trigger and outcome), so that a trace shows where a slow first
 * call spent its time: the observation's parent is the call that waited for the token
 * (from its Reactor context, else the current observation of the thread), and the token
 * endpoint and CXone discovery requests ({@code http.client.requests} of ccauth's own
 * WebClient) are its children. The innermost decorator, so that it sits right around the
 * HTTP requests.
 */
final class TokenRequestObservation implements TokenClient.Decorator, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	static final String NAME = "ccauth.token.request";

	private final ObservationRegistry registry;

	TokenRequestObservation(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public TokenClient decorate(Registration registration, TokenClient client) {
		String name = RegistrationView.key(registration.id());
		String platform = registration.id().platform().key();
		return new TokenClient() {

			@Override
			public Mono<AccessToken> requestToken(Trigger trigger, AccessToken current) {
				return Mono.deferContextual((caller) -> {
					Observation observation = Observation.createNotStarted(NAME, TokenRequestObservation.this.registry)
						.contextualName("ccauth token request " + name)
						.lowCardinalityKeyValue("registration", name)
						.lowCardinalityKeyValue("platform", platform)
						.lowCardinalityKeyValue("trigger", trigger.tag());
					Observation parent = caller.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
					if (parent != null) {
						observation.parentObservation(parent);
					}
					observation.start();
					return client.requestToken(trigger, current)
						.doOnSuccess((token) -> stop(observation,
								(token != null) ? Outcome.SUCCESS.tag() : Outcome.FAILED.tag()))
						.doOnError((error) -> {
							observation.error(error);
							stop(observation, Outcome.of(error).tag());
						})
						// only a decorator outside may give up on a request; the token
						// source never does
						.doOnCancel(() -> stop(observation, "cancelled"))
						.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
				});
			}

			@Override
			public void invalidated(AccessToken refused) {
				client.invalidated(refused);
			}

		};
	}

	private static void stop(Observation observation, String outcome) {
		observation.lowCardinalityKeyValue("outcome", outcome);
		observation.stop();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
