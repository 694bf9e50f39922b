package dev.ccauth.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON mapper of the sandbox: fields in declaration order, so bodies read like
 * the platforms'.
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

	/**
	 * Both platforms write instants in UTC with milliseconds:
	 * {@code 2024-01-01T09:30:00.000Z}.
	 */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private Json() {
	}

	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	static byte[] bytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/** The body as an object node, or {@code null} when it is not a JSON object. */
	static ObjectNode object(byte[] body) {
		try {
			JsonNode node = MAPPER.readTree(body);
			return node instanceof ObjectNode object ? object : null;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

}
