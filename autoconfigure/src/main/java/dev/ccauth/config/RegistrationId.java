package dev.ccauth.config;

import java.util.Objects;

/**
 * Identifies a registration: its platform and the name it has under
 * {@code ccauth.<platform>}.
 *
 * @param platform the platform
 * @param name the registration name, for example {@code prod}
 */
public record RegistrationId(Platform platform, String name) {

	public RegistrationId {
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(name, "name");
	}

	public static RegistrationId genesys(String name) {
		return new RegistrationId(Platform.GENESYS, name);
	}

	public static RegistrationId cxone(String name) {
		return new RegistrationId(Platform.CXONE, name);
	}

	/** The prefix of this registration's properties, {@code ccauth.genesys.prod}. */
	public String propertyPrefix() {
		return "ccauth." + this.platform.key() + "." + this.name;
	}

	@Override
	public String toString() {
		return this.platform.key() + "/" + this.name;
	}

}
