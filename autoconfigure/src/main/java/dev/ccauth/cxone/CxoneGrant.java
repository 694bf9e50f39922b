package dev.ccauth.cxone;

/** How a CXone registration obtains its tokens ({@code ccauth.cxone.<name>.grant}). */
public enum CxoneGrant {

	/**
	 * CXone's back-end login: the application's client id and secret plus a user's access
	 * key, sent as an OAuth password grant to the token endpoint discovered from the
	 * issuer.
	 */
	ACCESS_KEY,

	/**
	 * Client credentials at the tutorial's regional endpoints, or at a gateway in front
	 * of CXone.
	 */
	CLIENT_CREDENTIALS

}
