package dev.ccauth.web;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A value obtained once and kept: concurrent first callers share one attempt, a failure is not
 * kept (the next call tries again), and the attempt runs on its own so that a caller that gives up
 * does not cancel it for the others.
 */
public final class SharedResult<T> {

	private final Supplier<Mono<T>> source;

	private final Object lock = new Object();

	private volatile T value;

	private Mono<T> inFlight;

	public SharedResult(Supplier<Mono<T>> source) {
		this.source = source;
	}

	public Mono<T> get() {
		return Mono.defer(() -> {
			T known = this.value;
			return (known != null) ? Mono.just(known) : attempt();
		});
	}

	private Mono<T> attempt() {
		synchronized (this.lock) {
			if (this.value != null) {
				return Mono.just(this.value);
			}
			if (this.inFlight != null) {
				return this.inFlight;
			}
			Sinks.One<T> result = Sinks.one();
			this.inFlight = result.asMono();
			Mono.defer(this.source)
				.switchIfEmpty(Mono.error(() -> new IllegalStateException("no value")))
				.subscribe((value) -> {
					synchronized (this.lock) {
						this.value = value;
						this.inFlight = null;
					}
					result.tryEmitValue(value);
				}, (error) -> {
					synchronized (this.lock) {
						this.inFlight = null;
					}
					result.tryEmitError(error);
				});
			// not this.inFlight: a source that completes at once has already cleared it
			return result.asMono();
		}
	}

}
