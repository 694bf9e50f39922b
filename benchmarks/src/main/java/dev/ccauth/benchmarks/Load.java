package dev.ccauth.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Load generators and latency records. Latencies are kept exactly (no histogram buckets).
 */
final class Load {

	private Load() {
	}

	/**
	 * Latencies in nanoseconds, recorded from any thread; capacity fixed, the rest
	 * counted as dropped.
	 */
	static final class Recorder {

		private final long[] values;

		private final AtomicInteger next = new AtomicInteger();

		private final AtomicLong errors = new AtomicLong();

		private volatile Throwable firstError;

		Recorder(int capacity) {
			this.values = new long[capacity];
		}

		void record(long nanos) {
			int i = this.next.getAndIncrement();
			if (i < this.values.length) {
				this.values[i] = nanos;
			}
		}

		void error(Throwable error) {
			if (this.errors.getAndIncrement() == 0) {
				this.firstError = error;
			}
		}

		int count() {
			return Math.min(this.next.get(), this.values.length);
		}

		long errors() {
			return this.errors.get();
		}

		Throwable firstError() {
			return this.firstError;
		}

		long[] values() {
			return Arrays.copyOf(this.values, count());
		}

	}

	/**
	 * What one run did: successful calls, failed calls, how long it took, the latencies,
	 * and what the whole process spent meanwhile (CPU time and bytes allocated by every
	 * thread: client and sandbox alike).
	 */
	record Run(long calls, long errors, long elapsedNanos, long[] latencies, Throwable firstError, long cpuNanos,
			long allocatedBytes) {

		double perSecond() {
			return this.calls * 1e9 / this.elapsedNanos;
		}

	}

	/** CPU time and allocation of the whole process, read before and after a run. */
	private record Usage(long cpuNanos, long allocatedBytes) {

		static Usage now() {
			return new Usage(processCpuNanos(), processAllocatedBytes());
		}

		Usage since(Usage start) {
			return new Usage(Math.max(0, this.cpuNanos - start.cpuNanos),
					Math.max(0, this.allocatedBytes - start.allocatedBytes));
		}

	}

	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/**
	 * Bytes allocated so far by the threads alive now (event loops live for the whole
	 * run).
	 */
	static long processAllocatedBytes() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
			long sum = 0;
			for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
				sum += Math.max(0, bytes);
			}
			return sum;
		}
		return 0;
	}

	/**
	 * {@code concurrency} callers, each sending its next call as soon as the last one is
	 * answered, until {@code duration} has passed.
	 */
	static Run closedLoop(Supplier<Mono<?>> call, int concurrency, Duration duration, int capacity) {
		Recorder recorder = new Recorder(capacity);
		Usage before = Usage.now();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Flux.range(0, concurrency)
			.flatMap((caller) -> timed(call, recorder).repeat(() -> System.nanoTime() < deadline), concurrency)
			.blockLast(duration.plusSeconds(60));
		long elapsed = System.nanoTime() - start;
		Usage used = Usage.now().since(before);
		return new Run(recorder.count(), recorder.errors(), elapsed, recorder.values(), recorder.firstError(),
				used.cpuNanos(), used.allocatedBytes());
	}

	/**
	 * An open loop: {@code perSecond} calls a second, each sent on its tick whatever the
	 * others do, for {@code duration}. A call that has to wait (for a token, say) shows
	 * in its own latency and slows no other.
	 */
	static Run fixedRate(Supplier<Mono<?>> call, int perSecond, Duration duration) {
		long periodNanos = 1_000_000_000L / perSecond;
		long ticks = duration.toNanos() / periodNanos;
		Recorder recorder = new Recorder((int) ticks + 1);
		Usage before = Usage.now();
		long start = System.nanoTime();
		Flux.interval(Duration.ofNanos(periodNanos))
			.take(ticks)
			.onBackpressureBuffer()
			.flatMap((tick) -> timed(call, recorder), 100_000)
			.blockLast(duration.plusSeconds(60));
		long elapsed = System.nanoTime() - start;
		Usage used = Usage.now().since(before);
		return new Run(recorder.count(), recorder.errors(), elapsed, recorder.values(), recorder.firstError(),
				used.cpuNanos(), used.allocatedBytes());
	}

	/**
	 * What a burst did.
	 *
	 * @param issueNanos from the first call's start to the last call's start
	 */
	record Burst(long succeeded, long failed, long issueNanos, Throwable firstError) {
	}

	/**
	 * Starts {@code calls} calls at once (none waits for another) and waits for all of
	 * them to end.
	 */
	static Burst burst(Supplier<Mono<?>> call, int calls) {
		Recorder recorder = new Recorder(calls);
		AtomicLong lastStart = new AtomicLong();
		long start = System.nanoTime();
		Flux.range(0, calls).flatMap((i) -> Mono.defer(() -> {
			lastStart.set(System.nanoTime());
			return timed(call, recorder);
		}), calls).blockLast(Duration.ofSeconds(120));
		return new Burst(recorder.count(), recorder.errors(), lastStart.get() - start, recorder.firstError());
	}

	private static Mono<Object> timed(Supplier<Mono<?>> call, Recorder recorder) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return call.get()
				.cast(Object.class)
				.doOnSuccess((value) -> recorder.record(System.nanoTime() - start))
				.onErrorResume((error) -> {
					recorder.error(error);
					return Mono.empty();
				});
		});
	}

	/** Latency figures in milliseconds (nearest rank). */
	record Percentiles(double p50, double p99, double max) {

		static Percentiles of(long[] nanos) {
			if (nanos.length == 0) {
				return new Percentiles(Double.NaN, Double.NaN, Double.NaN);
			}
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
		}

		private static double rank(long[] sorted, double quantile) {
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}

	}

	/** Concatenates the latencies of several runs. */
	static long[] concat(Iterable<Run> runs) {
		int length = 0;
		for (Run run : runs) {
			length += run.latencies().length;
		}
		long[] all = new long[length];
		int at = 0;
		for (Run run : runs) {
			System.arraycopy(run.latencies(), 0, all, at, run.latencies().length);
			at += run.latencies().length;
		}
		return all;
	}

}
