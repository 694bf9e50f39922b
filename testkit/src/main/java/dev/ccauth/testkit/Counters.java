package dev.ccauth.testkit;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** Requests per endpoint and per bearer token, and the last {@value #RECENT} requests. */
final class Counters {

	static final int RECENT = 1_000;

	private final AtomicIntegerArray perEndpoint = new AtomicIntegerArray(Endpoint.values().length);

	private final ConcurrentHashMap<String, AtomicInteger> perToken = new ConcurrentHashMap<>();

	private final ArrayDeque<RecordedRequest> recent = new ArrayDeque<>(RECENT);

	void request(Endpoint endpoint) {
		perEndpoint.incrementAndGet(endpoint.ordinal());
	}

	int requests(Endpoint endpoint) {
		return perEndpoint.get(endpoint.ordinal());
	}

	void tokenUse(String token) {
		perToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
	}

	int tokenUses(String token) {
		AtomicInteger count = perToken.get(token);
		return count == null ? 0 : count.get();
	}

	void record(RecordedRequest request) {
		synchronized (recent) {
			if (recent.size() == RECENT) {
				recent.removeFirst();
			}
			recent.addLast(request);
		}
	}

	List<RecordedRequest> recent() {
		synchronized (recent) {
			return List.copyOf(recent);
		}
	}

	void reset() {
		for (int i = 0; i < perEndpoint.length(); i++) {
			perEndpoint.set(i, 0);
		}
		perToken.clear();
		synchronized (recent) {
			recent.clear();
		}
	}

}
