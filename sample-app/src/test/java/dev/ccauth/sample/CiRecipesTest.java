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
		assertThat(runs).filteredOn((run) -> run.contains(" token ")).singleElement().asString()
			.contains("--format github");
		Map<String, Object> mint = steps.stream().filter((step) -> String.valueOf(step.get("run")).contains(" token "))
			.findFirst().orElseThrow();
		assertThat((Map<String, Object>) mint.get("env")).containsEntry("GENESYS_CLIENT_ID", "${{ secrets.GENESYS_CLIENT_ID }}")
			.containsEntry("GENESYS_CLIENT_SECRET", "${{ secrets.GENESYS_CLIENT_SECRET }}");
		// only the minting step sees the secret; later steps list users with the handed-over token
		steps.stream().filter((step) -> step != mint).forEach((step) -> assertThat(String.valueOf(step.get("env")))
			.doesNotContain("secrets."));
		assertThat(String.valueOf(job.get("env"))).doesNotContain("secrets.");
		assertThat(runs).anyMatch((run) -> run.contains(" users --all"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void gitlabPipelineHandsTheTokenOnWithADotenvReport() throws IOException {
		Map<String, Object> pipeline = yaml("gitlab-ci.yml");
		Map<String, Object> mint = (Map<String, Object>) pipeline.get("mint-token");
		assertThat(String.join("\n", (List<String>) mint.get("script"))).contains("token --platform genesys --format gitlab");
		Map<String, Object> artifacts = (Map<String, Object>) mint.get("artifacts");
		assertThat((Map<String, Object>) artifacts.get("reports")).containsEntry("dotenv", "ccauth.env");
		Map<String, Object> users = (Map<String, Object>) pipeline.get("list-users");
		assertThat((List<String>) users.get("needs")).contains("mint-token");
		assertThat(String.join("\n", (List<String>) users.get("script"))).contains("users --all");
		assertThat(String.join("\n", (List<String>) ((Map<String, Object>) pipeline.get("preflight")).get("script")))
			.contains(" check");
		assertThat(Files.readString(RECIPES.resolve("gitlab-ci.yml"))).contains("Mask variable");
	}

	@Test
	void jenkinsfileUsesWithCredentialsAndKeepsTheTokenOutOfTheLog() throws IOException {
		String jenkinsfile = Files.readString(RECIPES.resolve("Jenkinsfile"));
		assertThat(jenkinsfile).contains("withCredentials([usernamePassword(")
			.contains("usernameVariable: 'GENESYS_CLIENT_ID'")
			.contains("passwordVariable: 'GENESYS_CLIENT_SECRET'")
			.contains("set +x")
			.contains("token --platform genesys --format env")
			.contains(" check");
	}

	@Test
	void readmeExplainsEveryRecipe() throws IOException {
		assertThat(Files.readString(RECIPES.resolve("README.md"))).contains("github-actions.yml", "gitlab-ci.yml",
				"Jenkinsfile");
	}

	private static Map<String, Object> yaml(String name) throws IOException {
		Object document = new Yaml().load(Files.readString(RECIPES.resolve(name)));
		assertThat(document).as(name).isInstanceOf(Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) document;
		return map;
	}

}
