package dev.ccauth.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the sandbox: fields in declaration order, so bodies read like the platforms'. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder()
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.build();

	private Json() {
	}

	static byte[] bytes(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	/** The body as an object node, or {@code null} when it is not a JSON object. */
	static ObjectNode object(byte[] body) {
		try {
			JsonNode node = MAPPER.readTree(body);
			return node instanceof ObjectNode object ? object : null;
		} catch (RuntimeException notJson) {
			return null;
		}
	}
}
