package dev.ccauth.config;

import java.util.List;
import java.util.Map;

/**
 * The platform's own part of a registration: what only Genesys Cloud or only NICE CXone
 * knows (a region and its domain, an issuer and an access key). The generic layers see it
 * only through this interface: to describe the registration to people and to mask its
 * secrets.
 */
public interface PlatformDetails {

	/** The grant, for people: {@code client-credentials} or {@code access-key}. */
	String grant();

	/**
	 * What locates the org or tenant, for people, in a stable order:
	 * {@code region -> eu-west-1}, or {@code issuer -> https://cxone.niceincontact.com}.
	 * Never a secret.
	 */
	Map<String, String> location();

	/**
	 * Where a token endpoint or API base URL that is not configured comes from, for
	 * people ({@code discovered from https://.../.well-known/openid-configuration}), or
	 * {@code null} when the registration always has it.
	 * @param endpoint {@code token endpoint} or {@code API base URL}
	 */
	default String discoveredFrom(String endpoint) {
		return null;
	}

	/**
	 * What, besides the token endpoint, client id and scopes, makes two registrations'
	 * tokens interchangeable: the grant and its subject
	 * ({@code access-key:<access key id>}). A store shared by processes keys tokens by
	 * it. Never a secret.
	 */
	default String tokenIdentity() {
		return grant();
	}

	/**
	 * The secrets the platform part holds (an access-key secret), masked wherever text is
	 * shown.
	 */
	default List<Secret> secrets() {
		return List.of();
	}

}
