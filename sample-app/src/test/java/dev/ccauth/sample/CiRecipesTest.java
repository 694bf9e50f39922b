package dev.ccauth.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** The recipes in ci-recipes/ parse and do what the README says they do. */
class CiRecipesTest {

	static final Path RECIPES = Path.of("..", "ci-recipes");

	@Test
	@SuppressWarnings("unchecked")
	void githubWorkflowMintsOnceWithMaskingAndReusesTheToken() throws IOException {
		Map<String, Object> workflow = yaml("github-actions.yml");
		Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
		Map<String, Object> job = (Map<String, Object>) jobs.get("users");
		List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
		List<String> runs = steps.stream().map((step) -> String.valueOf(step.get("run"))).toList();
		assertThat(runs).filteredOn((run) -> run.contains(" token "))
			.singleElement()
			.asString()
			.contains("--format github");
		Map<String, Object> mint = steps.stream()
			.filter((step) -> String.valueOf(step.get("run")).contains(" token "))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) mint.get("env"))
			.containsEntry("GENESYS_CLIENT_ID", "${{ secrets.GENESYS_CLIENT_ID }}")
			.containsEntry("GENESYS_CLIENT_SECRET", "${{ secrets.GENESYS_CLIENT_SECRET }}");
		// only the minting step sees the secret; later steps list users with the
		// handed-over token
		steps.stream()
			.filter((step) -> step != mint)
			.forEach((step) -> assertThat(String.valueOf(step.get("env"))).doesNotContain("secrets."));
		assertThat(String.valueOf(job.get("env"))).doesNotContain("secrets.");
		assertThat(runs).anyMatch((run) -> run.contains(" users --all"));

		// the class-data sharing archive: key from the jar's hash and the JDK, cached,
		// prepared before any use
		int key = indexOf(steps, "ci-recipes/ccauth-cds.sh key sample-app/target/ccauth-sample-app.jar");
		assertThat(steps.get(key).get("id")).isEqualTo("cds");
		Map<String, Object> cache = steps.stream()
			.filter((step) -> String.valueOf(step.get("uses")).startsWith("actions/cache@"))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) cache.get("with")).containsEntry("path", ".ccauth-cds")
			.containsEntry("key", "${{ steps.cds.outputs.key }}");
		int prepare = indexOf(steps,
				"ci-recipes/ccauth-cds.sh prepare sample-app/target/ccauth-sample-app.jar .ccauth-cds");
		assertThat(String.valueOf(steps.get(prepare).get("run"))).contains(">> \"$GITHUB_ENV\"");
		assertThat(key).isLessThan(steps.indexOf(cache));
		assertThat(steps.indexOf(cache)).isLessThan(prepare);
		assertThat(prepare).isLessThan(indexOf(steps, " token "));
		assertThat(String.valueOf(steps.get(indexOf(steps, "./mvnw"))).contains("-Dproject.build.outputTimestamp="));
	}

	private static int indexOf(List<Map<String, Object>> steps, String run) {
		for (int i = 0; i < steps.size(); i++) {
			if (String.valueOf(steps.get(i).get("run")).contains(run)) {
				return i;
			}
		}
		throw new AssertionError("no step runs " + run);
	}

	@Test
	@SuppressWarnings("unchecked")
	void gitlabPipelineHandsTheTokenOnWithADotenvReport() throws IOException {
		Map<String, Object> pipeline = yaml("gitlab-ci.yml");
		Map<String, Object> mint = (Map<String, Object>) pipeline.get("mint-token");
		assertThat(String.join("\n", (List<String>) mint.get("script")))
			.contains("token --platform genesys --format gitlab");
		Map<String, Object> artifacts = (Map<String, Object>) mint.get("artifacts");
		assertThat((Map<String, Object>) artifacts.get("reports")).containsEntry("dotenv", "ccauth.env");
		Map<String, Object> users = (Map<String, Object>) pipeline.get("list-users");
		assertThat((List<String>) users.get("needs")).contains("mint-token");
		assertThat(String.join("\n", (List<String>) users.get("script"))).contains("users --all");
		assertThat(String.join("\n", (List<String>) ((Map<String, Object>) pipeline.get("preflight")).get("script")))
			.contains(" check");
		assertThat(Files.readString(RECIPES.resolve("gitlab-ci.yml"))).contains("Mask variable");

		// every job that runs the tool prepares the archive from the cache first
		Map<String, Object> ccauth = (Map<String, Object>) pipeline.get(".ccauth");
		assertThat((List<String>) ((Map<String, Object>) ccauth.get("cache")).get("paths"))
			.containsExactly(".ccauth-cds/");
		assertThat((List<String>) ccauth.get("before_script")).singleElement()
			.asString()
			.startsWith(
					"CCAUTH=\"$(sh ci-recipes/ccauth-cds.sh prepare sample-app/target/ccauth-sample-app.jar .ccauth-cds)");
		for (String job : List.of("preflight", "mint-token", "list-users")) {
			assertThat(((Map<String, Object>) pipeline.get(job)).get("extends")).as(job).isEqualTo(".ccauth");
		}
	}

	@Test
	void jenkinsfileUsesWithCredentialsAndKeepsTheTokenOutOfTheLog() throws IOException {
		String jenkinsfile = Files.readString(RECIPES.resolve("Jenkinsfile"));
		assertThat(jenkinsfile).contains("withCredentials([usernamePassword(")
			.contains("usernameVariable: 'GENESYS_CLIENT_ID'")
			.contains("passwordVariable: 'GENESYS_CLIENT_SECRET'")
			.contains("set +x")
			.contains("token --platform genesys --format env")
			.contains(" check")
			.contains("env.CCAUTH = sh(returnStdout: true")
			.contains("ci-recipes/ccauth-cds.sh prepare sample-app/target/ccauth-sample-app.jar \"$CCAUTH_CDS\"");
	}

	@Test
	void readmeExplainsEveryRecipe() throws IOException {
		assertThat(Files.readString(RECIPES.resolve("README.md"))).contains("github-actions.yml", "gitlab-ci.yml",
				"Jenkinsfile", "ccauth-cds.sh");
	}

	private static Map<String, Object> yaml(String name) throws IOException {
		Object document = new Yaml().load(Files.readString(RECIPES.resolve(name)));
		assertThat(document).as(name).isInstanceOf(Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) document;
		return map;
	}

}
