package dev.ccauth.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.ccauth.cxone.CxoneRegistrationResolver;
import dev.ccauth.genesys.GenesysRegistrationResolver;

/** Every configured registration, validated, with defaults applied. */
public final class ContactCenterRegistrations {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Map<RegistrationId, Registration> registrations;

	public ContactCenterRegistrations(List<Registration> registrations) {
		Map<RegistrationId, Registration> byId = new LinkedHashMap<>();
		registrations.forEach((registration) -> byId.put(registration.id(), registration));
		this.registrations = Collections.unmodifiableMap(byId);
	}

	/**
	 * Resolves and validates every registration of the properties; reports name the process's
	 * environment variables where they could supply a missing value.
	 * @throws InvalidRegistrationException listing every problem found
	 */
	public static ContactCenterRegistrations of(CcauthProperties properties) {
		return of(properties, System::getenv);
	}

	/**
	 * Resolves and validates every registration of the properties.
	 * @param environment reads an environment variable, for the reports of missing values
	 * @throws InvalidRegistrationException listing every problem found
	 */
	public static ContactCenterRegistrations of(CcauthProperties properties, UnaryOperator<String> environment) {
		Problems problems = new Problems();
		problems.settings("ccauth", properties.token(), properties.retry(), properties.http());
		List<Registration> registrations = new ArrayList<>();
		Map<String, String> beanNames = new HashMap<>();
		new TreeMap<>(properties.genesys()).forEach((name, registration) -> {
			checkName(RegistrationId.genesys(name), beanNames, problems);
			registrations.add(GenesysRegistrationResolver.resolve(name, registration, properties, problems, environment));
		});
		new TreeMap<>(properties.cxone()).forEach((name, registration) -> {
			checkName(RegistrationId.cxone(name), beanNames, problems);
			registrations.add(CxoneRegistrationResolver.resolve(name, registration, properties, problems, environment));
		});
		problems.throwIfAny();
		return new ContactCenterRegistrations(registrations);
	}

	private static void checkName(RegistrationId id, Map<String, String> beanNames, Problems problems) {
		if (!NAME.matcher(id.name()).matches()) {
			problems.add(id.propertyPrefix(), "'" + id.name() + "' is not a valid registration name.",
					"Use a kebab-case word of lower-case letters, digits and dashes, such as prod or prod-eu.");
			return;
		}
		String previous = beanNames.put(webClientBeanName(id), id.name());
		if (previous != null) {
			problems.add(id.propertyPrefix(), "'" + id.name() + "' and '" + previous + "' both make a bean named "
					+ webClientBeanName(id) + ".", "Rename one of the two registrations.");
		}
	}

	/**
	 * The name of a registration's WebClient bean: {@code genesysWebClient} for {@code default},
	 * else {@code genesysProdEuWebClient} for {@code prod-eu}.
	 */
	public static String webClientBeanName(RegistrationId id) {
		StringBuilder name = new StringBuilder(id.platform().key());
		if (!"default".equals(id.name())) {
			for (String word : id.name().split("[-_.]")) {
				if (!word.isEmpty()) {
					name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
				}
			}
		}
		return name.append("WebClient").toString();
	}

	public List<Registration> all() {
		return List.copyOf(this.registrations.values());
	}

	public Optional<Registration> find(RegistrationId id) {
		return Optional.ofNullable(this.registrations.get(id));
	}

	/** The registration, or an exception naming the registrations that exist. */
	public Registration get(RegistrationId id) {
		Registration registration = this.registrations.get(id);
		if (registration == null) {
			throw new IllegalArgumentException("No ccauth registration " + id + "; configured: "
					+ (this.registrations.isEmpty() ? "none" : this.registrations.keySet()));
		}
		return registration;
	}

}
