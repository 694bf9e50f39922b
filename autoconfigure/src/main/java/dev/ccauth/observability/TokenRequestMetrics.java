package dev.ccauth.observability;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import dev.ccauth.config.Registration;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenClient;
import org.springframework.core.Ordered;

/**
 * Counts and times every request a registration makes to its token endpoint
 * ({@code ccauth.token.requests}, {@code ccauth.token.request.duration}, tagged with
 * registration, platform, outcome and trigger). A decorator of the token client: the
 * token source calls it only when it really asks the endpoint, once however many calls
 * wait, so the count is the endpoint's. Placed just outside the observation and inside
 * any shared store, whose hits are no requests.
 */
final class TokenRequestMetrics implements TokenClient.Decorator, Ordered {

	static final int ORDER = TokenRequestObservation.ORDER + 100;

	static final String REQUESTS = "ccauth.token.requests";

	static final String DURATION = "ccauth.token.request.duration";

	private final MeterRegistry registry;

	TokenRequestMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public TokenClient decorate(Registration registration, TokenClient client) {
		Tags tags = Tags.of("registration", RegistrationView.key(registration.id()), "platform",
				registration.id().platform().key());
		return new TokenClient() {

			@Override
			public Mono<AccessToken> requestToken(Trigger trigger, AccessToken current) {
				return Mono.defer(() -> {
					long start = TokenRequestMetrics.this.registry.config().clock().monotonicTime();
					Tags triggered = tags.and("trigger", trigger.tag());
					return client.requestToken(trigger, current)
						.doOnSuccess(
								(token) -> record(triggered, (token != null) ? Outcome.SUCCESS : Outcome.FAILED, start))
						.doOnError((error) -> record(triggered, Outcome.of(error), start));
				});
			}

			@Override
			public void invalidated(AccessToken refused) {
				client.invalidated(refused);
			}

		};
	}

	private void record(Tags tags, Outcome outcome, long start) {
		long nanos = this.registry.config().clock().monotonicTime() - start;
		Tags all = tags.and("outcome", outcome.tag());
		Counter.builder(REQUESTS)
			.description("Requests to the token endpoint (once per token however many calls wait for it)")
			.tags(all)
			.register(this.registry)
			.increment();
		Timer.builder(DURATION)
			.description("Time a token request took, its retries and a CXone token endpoint discovery included")
			.tags(all)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
