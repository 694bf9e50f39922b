package dev.ccauth.autoconfigure;

import dev.ccauth.config.RegistrationId;

/** The names of the beans made per registration. */
final class BeanNames {

	private BeanNames() {
	}

	/**
	 * {@code genesysWebClient} for a registration named {@code default}, else
	 * {@code genesysProdEuWebClient} for {@code prod-eu}.
	 * @param kind {@code WebClient} or {@code RestClient}
	 */
	static String of(RegistrationId id, String kind) {
		StringBuilder name = new StringBuilder(id.platform().key());
		if (!"default".equals(id.name())) {
			for (String word : id.name().split("[-_.]")) {
				if (!word.isEmpty()) {
					name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
				}
			}
		}
		return name.append(kind).toString();
	}

}
