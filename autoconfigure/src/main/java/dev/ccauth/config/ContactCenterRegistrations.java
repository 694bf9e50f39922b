package dev.ccauth.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every registration, validated, with defaults applied, in a stable order (Genesys first,
 * each by name).
 */
public final class ContactCenterRegistrations {

	private final Map<RegistrationId, Registration> registrations;

	public ContactCenterRegistrations(List<Registration> registrations) {
		Map<RegistrationId, Registration> byId = new LinkedHashMap<>();
		registrations.forEach((registration) -> byId.put(registration.id(), registration));
		this.registrations = Collections.unmodifiableMap(byId);
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
