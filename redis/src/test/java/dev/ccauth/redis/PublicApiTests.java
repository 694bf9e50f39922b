package dev.ccauth.redis;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public on purpose: what applications configure or use (listed in the README), nothing
 * else.
 */
class PublicApiTests {

	@Test
	void onlyTheDocumentedTypesArePublic() throws IOException, URISyntaxException {
		Path classes = Path.of(RedisTokenStore.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.resolve("dev/ccauth/redis");
		List<String> publicTypes;
		try (Stream<Path> files = Files.list(classes)) {
			publicTypes = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".class") && !name.equals("package-info.class"))
				.map((name) -> "dev.ccauth.redis." + name.substring(0, name.length() - ".class".length()))
				.filter((name) -> Modifier.isPublic(load(name).getModifiers()))
				.sorted()
				.toList();
		}
		assertThat(publicTypes).containsExactly("dev.ccauth.redis.RedisTokenStore",
				"dev.ccauth.redis.RedisTokenStore$Status", "dev.ccauth.redis.RedisTokenStoreAutoConfiguration",
				"dev.ccauth.redis.RedisTokenStoreProperties");
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, PublicApiTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
