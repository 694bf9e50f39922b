package dev.ccauth.config;

/** How the client id and secret reach the token endpoint. */
public enum ClientAuthentication {

	/**
	 * {@code Authorization: Basic base64(client_id:client_secret)}, what the official
	 * clients send.
	 */
	BASIC,

	/**
	 * {@code client_id} and {@code client_secret} in the form body, as the tutorial does.
	 */
	POST

}
