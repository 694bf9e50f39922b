package dev.ccauth.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ccauth.benchmarks.FleetBenchmark.Row;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FleetBenchmark} end to end at its smoke size (two member JVMs): the counts that
 * are deterministic, never a timing.
 */
class FleetBenchmarkSmokeTests {

	@Test
	void twoProcessesShareOneTokenWithTheStoreAndEachAsksWithout(@TempDir Path dir) throws Exception {
		FleetBenchmark.Settings settings = FleetBenchmark.Settings.SMOKE;
		FleetBenchmark.Results results = new FleetBenchmark(settings, null).run();

		assertThat(results.rows()).hasSize(1);
		Row row = results.rows().get(0);
		assertThat(row.processes()).isEqualTo(2);
		assertThat(row.coldLocal()).isEqualTo(2);
		assertThat(row.coldShared()).isEqualTo(1);
		// a cold start and a renewal: each process alone, or the two together
		assertThat(row.lifetimesShared()).isBetween(1L, settings.alone() + 1);
		assertThat(row.lifetimesLocal()).isGreaterThanOrEqualTo(2 * settings.alone() - 1);
		assertThat(row.failed()).isZero();

		Path file = dir.resolve("RESULTS.md");
		Files.writeString(file, "# ccauth benchmark results\n\ntable\n");
		String section = FleetBenchmark.markdown(results, "smoke", OffsetDateTime.now(), "1", "2");
		FleetBenchmark.write(file, section);
		FleetBenchmark.write(file, section);
		assertThat(Files.readString(file))
			.startsWith("# ccauth benchmark results\n\ntable\n\n" + FleetBenchmark.HEADING)
			.containsOnlyOnce(FleetBenchmark.HEADING)
			.contains("| 2 | 2 / **1** |");
	}

}
