package dev.ccauth.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.ccauth.config.ContactCenterRegistrations;
import dev.ccauth.config.HttpSettings;
import dev.ccauth.config.InvalidRegistrationException;
import dev.ccauth.config.Registration;
import dev.ccauth.config.RegistrationDefaults;
import dev.ccauth.config.RegistrationId;
import dev.ccauth.config.RegistrationProblems;
import dev.ccauth.cxone.CxonePlatform;
import dev.ccauth.genesys.GenesysPlatform;
import org.springframework.boot.http.client.HttpClientSettings;

/** Turns {@code ccauth.*} into validated registrations, each through its platform. */
final class RegistrationResolution {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private RegistrationResolution() {
	}

	/**
	 * Resolves and validates every registration of the properties.
	 * @param environment reads an environment variable, for the reports of missing values
	 * @throws InvalidRegistrationException listing every problem found
	 */
	static ContactCenterRegistrations resolve(CcauthProperties properties, UnaryOperator<String> environment) {
		return resolve(properties, null, environment);
	}

	/**
	 * Resolves and validates every registration of the properties.
	 * @param bootSettings Boot's {@code spring.http.clients.*}, for the timeouts ccauth's
	 * settings leave unset, or {@code null}
	 * @param environment reads an environment variable, for the reports of missing values
	 * @throws InvalidRegistrationException listing every problem found
	 */
	static ContactCenterRegistrations resolve(CcauthProperties properties, HttpClientSettings bootSettings,
			UnaryOperator<String> environment) {
		RegistrationProblems problems = new RegistrationProblems(environment);
		problems.settings("ccauth", properties.token(), properties.retry(), properties.http());
		HttpSettings fromBoot = (bootSettings != null)
				? new HttpSettings(bootSettings.connectTimeout(), bootSettings.readTimeout(), null) : null;
		HttpSettings http = (properties.http() != null) ? properties.http().orElse(fromBoot) : fromBoot;
		RegistrationDefaults defaults = new RegistrationDefaults(properties.token(), properties.retry(), http);
		List<Registration> registrations = new ArrayList<>();
		Map<String, String> beanNames = new HashMap<>();
		new TreeMap<>(properties.genesys()).forEach((name, registration) -> {
			checkName(RegistrationId.genesys(name), beanNames, problems);
			registrations.add(GenesysPlatform.resolve(name, registration, defaults, problems));
		});
		new TreeMap<>(properties.cxone()).forEach((name, registration) -> {
			checkName(RegistrationId.cxone(name), beanNames, problems);
			registrations.add(CxonePlatform.resolve(name, registration, defaults, problems));
		});
		problems.throwIfAny();
		return new ContactCenterRegistrations(registrations);
	}

	private static void checkName(RegistrationId id, Map<String, String> beanNames, RegistrationProblems problems) {
		if (!NAME.matcher(id.name()).matches()) {
			problems.add(id.propertyPrefix(), "'" + id.name() + "' is not a valid registration name.",
					"Use a kebab-case word of lower-case letters, digits and dashes, such as prod or prod-eu.");
			return;
		}
		String beanName = BeanNames.of(id, "WebClient");
		String previous = beanNames.put(beanName, id.name());
		if (previous != null) {
			problems.add(id.propertyPrefix(),
					"'" + id.name() + "' and '" + previous + "' both make a bean named " + beanName + ".",
					"Rename one of the two registrations.");
		}
	}

}
