package dev.ccauth.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.config.HttpSettings;
import dev.ccauth.config.RetrySettings;
import dev.ccauth.config.TokenSettings;
import dev.ccauth.cxone.CxoneRegistrationProperties;
import dev.ccauth.genesys.GenesysRegistrationProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDE completion: the configuration metadata the build produces describes every property
 * of {@code ccauth.*}, those of each registration type included (documented on the
 * {@code default} registration, the one the environment completes), with value hints
 * where the values are known.
 */
class ConfigurationMetadataTests {

	private static final Map<Class<?>, String> NESTED = Map.of(TokenSettings.class, "token", RetrySettings.class,
			"retry", HttpSettings.class, "http");

	@Test
	void everyPropertyOfEveryRegistrationTypeIsDescribed() throws IOException {
		JsonNode metadata = metadata();
		Map<String, JsonNode> properties = new HashMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		List<String> expected = new ArrayList<>();
		expected.addAll(names("ccauth.genesys.default", GenesysRegistrationProperties.class));
		expected.addAll(names("ccauth.cxone.default", CxoneRegistrationProperties.class));
		expected.addAll(names("ccauth", CcauthProperties.class));
		assertThat(expected).hasSizeGreaterThan(50);
		for (String name : expected) {
			assertThat(properties).as("metadata of %s", name).containsKey(name);
			assertThat(properties.get(name).path("description").asString("")).as("description of %s", name)
				.hasSizeGreaterThan(10);
		}
	}

	@Test
	void valueHintsForRegionsClientAuthenticationAndGrant() throws IOException {
		Map<String, List<String>> hints = new HashMap<>();
		metadata().get("hints").forEach((hint) -> {
			List<String> values = new ArrayList<>();
			hint.path("values").forEach((value) -> values.add(value.get("value").asString()));
			hints.put(hint.get("name").asString(), values);
		});
		assertThat(hints.get("ccauth.genesys.default.region")).hasSize(18).contains("eu-west-1", "ap-northeast-3");
		assertThat(hints.get("ccauth.cxone.default.region")).containsExactly("us-east-1", "eu-west-1",
				"ap-southeast-2");
		assertThat(hints.get("ccauth.genesys.default.client-authentication")).containsExactly("basic", "post");
		assertThat(hints.get("ccauth.cxone.default.client-authentication")).containsExactly("basic", "post");
		assertThat(hints.get("ccauth.cxone.default.grant")).containsExactly("access-key", "client-credentials");
		assertThat(hints.get("ccauth.token.store")).containsExactly("shared", "local");
	}

	/**
	 * Property names of a record, nested settings records expanded; maps of registrations
	 * left out.
	 */
	private static List<String> names(String prefix, Class<?> type) {
		List<String> names = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + kebab(component.getName());
			if (NESTED.containsKey(component.getType())) {
				names.addAll(names(prefix + "." + NESTED.get(component.getType()), component.getType()));
			}
			else if (!Map.class.isAssignableFrom(component.getType())) {
				names.add(name);
			}
		}
		return names;
	}

	private static String kebab(String name) {
		return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * ccauth's own metadata, as the build produced it (annotation processor and
	 * additional metadata).
	 */
	private static JsonNode metadata() throws IOException {
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode node = JsonMapper.shared().readTree(in);
				if (node.path("groups").toString().contains("\"ccauth\"")) {
					return node;
				}
			}
		}
		throw new IllegalStateException("ccauth's configuration metadata is not on the class path");
	}

}
