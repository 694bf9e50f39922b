package dev.ccauth;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the runtime module: packages that depend one way, lowest first, platforms
 * that know nothing of each other, and a public surface that is exactly the documented
 * API.
 */
class ArchitectureTests {

	/**
	 * Every public type, as the README's "Public API" lists it; anything else is
	 * package-private.
	 */
	static final Set<String> PUBLIC_API = Set.of(
			// what applications use
			"dev.ccauth.ContactCenterException", "dev.ccauth.web.ContactCenterClients",
			"dev.ccauth.web.ApiCallException", "dev.ccauth.token.TokenRequestException",
			"dev.ccauth.token.TokenRequestException$Reason", "dev.ccauth.cxone.CxoneDiscoveryException",
			"dev.ccauth.token.AccessToken", "dev.ccauth.config.RegistrationId", "dev.ccauth.config.Platform",
			"dev.ccauth.config.Registration", "dev.ccauth.config.ContactCenterRegistrations",
			"dev.ccauth.config.InvalidRegistrationException", "dev.ccauth.config.ConfigurationProblem",
			"dev.ccauth.config.Secret", "dev.ccauth.config.OAuthClient", "dev.ccauth.retry.ContactCenterRetryPolicies",
			"dev.ccauth.autoconfigure.CcauthAutoConfiguration",
			// auto-configurations of the optional observability (Boot needs them public)
			"dev.ccauth.observability.CcauthHealthAutoConfiguration",
			"dev.ccauth.observability.CcauthMetricsAutoConfiguration",
			"dev.ccauth.observability.CcauthObservationAutoConfiguration",
			"dev.ccauth.observability.CcauthEndpointAutoConfiguration",
			// configuration properties
			"dev.ccauth.autoconfigure.CcauthProperties", "dev.ccauth.genesys.GenesysRegistrationProperties",
			"dev.ccauth.cxone.CxoneRegistrationProperties", "dev.ccauth.cxone.CxoneGrant",
			"dev.ccauth.config.ClientAuthentication", "dev.ccauth.config.TokenSettings",
			"dev.ccauth.config.RetrySettings", "dev.ccauth.config.HttpSettings",
			"dev.ccauth.config.TokenSettings$Store",
			// what integrations build on
			"dev.ccauth.token.TokenSource", "dev.ccauth.token.TokenSource$Builder",
			"dev.ccauth.token.TokenSource$Statistics", "dev.ccauth.token.TokenSource$State",
			"dev.ccauth.token.TokenClient", "dev.ccauth.token.TokenClient$Trigger",
			"dev.ccauth.token.TokenClient$Decorator", "dev.ccauth.web.ContactCenterClients$Builder",
			"dev.ccauth.retry.RetryAfterBackoff", "dev.ccauth.retry.RetryObserver",
			"dev.ccauth.retry.RetryObserver$Reason", "dev.ccauth.genesys.GenesysPlatform",
			"dev.ccauth.cxone.CxonePlatform",
			// what a platform implements and uses
			"dev.ccauth.token.PlatformEndpoints", "dev.ccauth.token.PlatformEndpoints$Factory",
			"dev.ccauth.token.TokenGrant", "dev.ccauth.config.PlatformDetails",
			"dev.ccauth.config.Registration$Builder", "dev.ccauth.config.RegistrationDefaults",
			"dev.ccauth.config.RegistrationProblems", "dev.ccauth.config.EnvironmentVariables",
			"dev.ccauth.config.Endpoints", "dev.ccauth.http.ResponseBodies", "dev.ccauth.http.RetryAfter");

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("dev.ccauth");

	@Test
	void packagesDependOneWayLowestFirst() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Config")
			.definedBy("dev.ccauth.config..")
			.layer("Base")
			.definedBy("dev.ccauth")
			.layer("Http")
			.definedBy("dev.ccauth.http..")
			.layer("Retry")
			.definedBy("dev.ccauth.retry..")
			.layer("Token")
			.definedBy("dev.ccauth.token..")
			.layer("Genesys")
			.definedBy("dev.ccauth.genesys..")
			.layer("Cxone")
			.definedBy("dev.ccauth.cxone..")
			.layer("Web")
			.definedBy("dev.ccauth.web..")
			.layer("Observability")
			.definedBy("dev.ccauth.observability..")
			.layer("Autoconfigure")
			.definedBy("dev.ccauth.autoconfigure..")
			.whereLayer("Autoconfigure")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Observability")
			.mayOnlyBeAccessedByLayers("Autoconfigure")
			.whereLayer("Web")
			.mayOnlyBeAccessedByLayers("Observability", "Autoconfigure")
			.whereLayer("Genesys")
			.mayOnlyBeAccessedByLayers("Autoconfigure")
			.whereLayer("Cxone")
			.mayOnlyBeAccessedByLayers("Autoconfigure")
			.whereLayer("Token")
			.mayOnlyBeAccessedByLayers("Genesys", "Cxone", "Web", "Observability", "Autoconfigure")
			.whereLayer("Retry")
			.mayOnlyBeAccessedByLayers("Token", "Genesys", "Cxone", "Web", "Observability", "Autoconfigure")
			.whereLayer("Http")
			.mayOnlyBeAccessedByLayers("Token", "Genesys", "Cxone", "Web", "Observability", "Autoconfigure")
			.whereLayer("Base")
			.mayOnlyBeAccessedByLayers("Retry", "Token", "Genesys", "Cxone", "Web", "Observability", "Autoconfigure")
			.check(CLASSES);
	}

	@Test
	void noCyclesBetweenPackages() {
		slices().matching("dev.ccauth.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void publicTypesAreExactlyTheDocumentedApi() {
		Set<String> publicTypes = new TreeSet<>();
		for (JavaClass type : CLASSES) {
			if (type.getModifiers().contains(JavaModifier.PUBLIC) && !type.isAnonymousClass()
					&& !type.getSimpleName().equals("package-info") && isPublicAllTheWayOut(type)) {
				publicTypes.add(type.getName());
			}
		}
		assertThat(publicTypes)
			.as("public types; add a new one to the README's Public API and to this list, "
					+ "or make it package-private")
			.containsExactlyInAnyOrderElementsOf(PUBLIC_API);
	}

	private static boolean isPublicAllTheWayOut(JavaClass type) {
		return type.getEnclosingClass()
			.map((outer) -> (outer.getModifiers().contains(JavaModifier.PUBLIC) || outer.isInterface())
					&& isPublicAllTheWayOut(outer))
			.orElse(true);
	}

}
