package dev.ccauth.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Keeps every observation that stopped, with its parent, as a tracer would turn them into
 * spans.
 */
final class RecordingObservationHandler implements ObservationHandler<Observation.Context> {

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	@Override
	public boolean supportsContext(Observation.Context context) {
		return true;
	}

	@Override
	public void onStop(Observation.Context context) {
		this.stopped.add(context);
	}

	List<Observation.Context> named(String name) {
		return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
	}

	/** The low-cardinality value of the observation, or {@code null}. */
	static String value(Observation.Context context, String key) {
		return (context.getLowCardinalityKeyValue(key) != null) ? context.getLowCardinalityKeyValue(key).getValue()
				: null;
	}

	/** The URL an {@code http.client.requests} observation was made for. */
	static String url(Observation.Context context) {
		return (context.getHighCardinalityKeyValue("http.url") != null)
				? context.getHighCardinalityKeyValue("http.url").getValue() : "";
	}

}
