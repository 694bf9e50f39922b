package dev.ccauth.testkit;

/** An OAuth client registered in the sandbox. */
public record ClientCredentials(String clientId, String clientSecret) {

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
	}
}
