package dev.ccauth.config;

/** The contact-center platforms ccauth authenticates against. */
public enum Platform {

	GENESYS("genesys", "Genesys Cloud"),

	CXONE("cxone", "NICE CXone");

	private final String key;

	private final String displayName;

	Platform(String key, String displayName) {
		this.key = key;
		this.displayName = displayName;
	}

	/**
	 * The lower-case key used in property names and bean names
	 * ({@code ccauth.genesys.*}).
	 */
	public String key() {
		return this.key;
	}

	public String displayName() {
		return this.displayName;
	}

}
