package dev.ccauth.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipes' class-data sharing script, {@code ci-recipes/ccauth-cds.sh}, on the
 * packaged jar: it makes an archive once, the tool runs with it, and an archive that no
 * longer fits is ignored at run time and made again by the next {@code prepare}, never
 * fatal and never in the tool's stdout.
 */
class CdsArchiveIT {

	static final Path SCRIPT = Path.of("..", "ci-recipes", "ccauth-cds.sh").toAbsolutePath().normalize();

	@TempDir
	Path dir;

	record Run(int exitCode, String stdout, String stderr) {
	}

	@Test
	void aStaleArchiveIsIgnoredThenMadeAgain() throws Exception {
		Path cache = this.dir.resolve("cache");
		Run prepared = run(List.of("sh", SCRIPT.toString(), "prepare", Tool.JAR.toString(), cache.toString()));
		assertThat(prepared.exitCode()).as(prepared.toString()).isZero();
		String command = prepared.stdout().strip();
		boolean aotCache = Runtime.version().feature() >= 25;
		Path archive = cache.resolve(aotCache ? "ccauth.aot" : "ccauth.jsa");
		assertThat(archive).isNotEmptyFile();
		assertThat(command).contains((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive)
			.contains("-jar " + cache.resolve("app").resolve(Tool.JAR.getFileName()));
		assertThat(Files.readString(cache.resolve("key")).strip())
			.isEqualTo(run(List.of("sh", SCRIPT.toString(), "key", Tool.JAR.toString())).stdout().strip());

		Run fitting = tool(command, "token", "--sandbox", "--platform", "genesys");
		assertThat(fitting.exitCode()).as(fitting.toString()).isZero();
		assertThat(fitting.stdout()).matches("[A-Za-z0-9_-]{43}\n");

		// one of the extracted jars changes (a new build, a cache restored over other
		// files): the archive no
		// longer fits them; the JVM says so on stderr and loads the classes from the jars
		try (Stream<Path> jars = Files.list(cache.resolve("app").resolve("lib"))) {
			Path jar = jars.filter((path) -> path.getFileName().toString().startsWith("picocli"))
				.findFirst()
				.orElseThrow();
			Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
		}
		Run stale = tool(command, "token", "--sandbox", "--platform", "genesys");
		assertThat(stale.exitCode()).as(stale.toString()).isZero();
		assertThat(stale.stdout()).as(stale.toString()).matches("[A-Za-z0-9_-]{43}\n");
		if (!aotCache) {
			assertThat(stale.stderr()).contains("Unable to use shared archive");
		}

		Run again = run(List.of("sh", SCRIPT.toString(), "prepare", Tool.JAR.toString(), cache.toString()));
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.stderr()).contains("does not fit this JDK or these jars; making it again");
		assertThat(again.stdout().strip()).isEqualTo(command);
		String strict = command.replace("-XX:TieredStopAtLevel=1", aotCache ? "-XX:AOTMode=on" : "-Xshare:on");
		assertThat(tool(strict, "--version").exitCode()).as("the new archive fits").isZero();

		// garbage where the archive was: also ignored
		Files.writeString(archive, "not an archive");
		Run garbage = tool(command, "token", "--sandbox", "--platform", "genesys");
		assertThat(garbage.exitCode()).as(garbage.toString()).isZero();
		assertThat(garbage.stdout()).matches("[A-Za-z0-9_-]{43}\n");
	}

	private Run tool(String command, String... args) throws Exception {
		List<String> words = new ArrayList<>(List.of(command.split(" ")));
		words.addAll(List.of(args));
		return run(words);
	}

	private Run run(List<String> command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile());
		builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("GENESYS") || name.startsWith("CXONE")
					|| name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS"));
		Path out = Files.createTempFile(this.dir, "out", ".txt");
		Path err = Files.createTempFile(this.dir, "err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

}
