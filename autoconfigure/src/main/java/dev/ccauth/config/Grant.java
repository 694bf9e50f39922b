package dev.ccauth.config;

/** The OAuth grant a registration uses to obtain its tokens. */
public enum Grant {

	/** OAuth client credentials: Genesys Cloud, and CXone behind a client-credentials gateway (the tutorial's endpoints). */
	CLIENT_CREDENTIALS,

	/** CXone's back-end login: client id and secret plus a user's access key, sent as an OAuth password grant. */
	ACCESS_KEY

}
