package dev.ccauth.testkit;

/** A CXone access key: the user name and password of the password grant. */
public record AccessKey(String id, String secret) {

	@Override
	public String toString() {
		return "AccessKey[id=" + id + ", secret=***]";
	}
}
