package dev.ccauth.sample;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version the build wrote into the jar's manifest
 * ({@code Implementation-Version}), and the Java runtime, which decides what a class-data
 * sharing archive fits.
 */
final class ManifestVersion implements IVersionProvider {

	static final String NAME = "ccauth-sample-app";

	@Override
	public String[] getVersion() {
		return new String[] { NAME + " " + version(), "Java " + System.getProperty("java.version") + " ("
				+ System.getProperty("java.vm.name") + ", " + System.getProperty("java.vm.vendor") + ")" };
	}

	/**
	 * The manifest's version, or {@code unknown} when run from classes rather than from
	 * the jar.
	 */
	static String version() {
		String version = ManifestVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "unknown (not run from the jar)";
	}

}
