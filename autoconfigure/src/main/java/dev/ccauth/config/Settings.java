package dev.ccauth.config;

final class Settings {

	private Settings() {
	}

	static <T> T first(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
