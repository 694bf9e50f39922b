package dev.ccauth.security;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import dev.ccauth.ContactCenterException;
import dev.ccauth.token.AccessToken;
import dev.ccauth.token.TokenSource;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * One Spring Security registration whose tokens come from a ccauth {@link TokenSource}:
 * one token for the registration whatever the principal (Spring keys authorized clients
 * by principal, which would make one token per end user), handed to Spring as an
 * {@link OAuth2AuthorizedClient}.
 */
final class BridgedRegistration {

	/**
	 * After a token was dropped on a 401, further 401s within this time are taken as late
	 * answers to requests that still carried the dropped token: Spring's failure handler
	 * does not say which token was refused.
	 */
	static final long REFUSAL_GUARD_NANOS = 1_000_000_000L;

	private final ClientRegistration clientRegistration;

	private final TokenSource tokens;

	private final Messages messages;

	private final AtomicLong lastDrop = new AtomicLong(System.nanoTime() - 2 * REFUSAL_GUARD_NANOS);

	/**
	 * The last client handed out; a call with the same token and principal gets the same
	 * object.
	 */
	private volatile Issued issued;

	BridgedRegistration(ClientRegistration clientRegistration, TokenSource tokens, Messages messages) {
		this.clientRegistration = clientRegistration;
		this.tokens = tokens;
		this.messages = messages;
	}

	String id() {
		return this.clientRegistration.getRegistrationId();
	}

	ClientRegistration clientRegistration() {
		return this.clientRegistration;
	}

	TokenSource tokens() {
		return this.tokens;
	}

	/**
	 * The authorized client for a call, without waiting when a valid token is held
	 * (renewal starts in the background when due); {@code null} when the caller must wait
	 * for {@link #client}.
	 * @param given the client the caller already holds (Spring authorizes twice per
	 * request), or {@code null}
	 */
	OAuth2AuthorizedClient usableClient(OAuth2AuthorizedClient given, String principalName) {
		AccessToken token = this.tokens.usableToken();
		return (token != null) ? client(token, given, principalName) : null;
	}

	/**
	 * The authorized client for a call, once a token is there (one request however many
	 * wait).
	 */
	Mono<OAuth2AuthorizedClient> client(OAuth2AuthorizedClient given, String principalName) {
		return this.tokens.token()
			.map((token) -> client(token, given, principalName))
			.onErrorMap(ContactCenterException.class, this::authorizationFailure);
	}

	/** The same, blocking: for the servlet stack's managers. */
	OAuth2AuthorizedClient clientBlocking(OAuth2AuthorizedClient given, String principalName) {
		OAuth2AuthorizedClient usable = usableClient(given, principalName);
		if (usable != null) {
			return usable;
		}
		try {
			return this.tokens.token().map((token) -> client(token, given, principalName)).block();
		}
		catch (ContactCenterException ex) {
			throw authorizationFailure(ex);
		}
	}

	/**
	 * The API refused a token of this registration (Spring's authorization failure
	 * handler removed the authorized client): the token in use is dropped,
	 * compare-and-invalidate, so that the next call gets a new one, however many calls
	 * were refused with it.
	 * @return whether a token was dropped
	 */
	boolean refused() {
		long now = System.nanoTime();
		long last = this.lastDrop.get();
		if (now - last < REFUSAL_GUARD_NANOS) {
			return false;
		}
		AccessToken current = this.tokens.currentToken();
		if (current == null || !this.lastDrop.compareAndSet(last, now)) {
			return false;
		}
		return this.tokens.invalidate(current);
	}

	private OAuth2AuthorizedClient client(AccessToken token, OAuth2AuthorizedClient given, String principalName) {
		Issued issued = this.issued;
		if (issued == null || issued.token != token) {
			issued = new Issued(token, accessToken(token), null);
		}
		if (given != null && (given.getAccessToken() == issued.accessToken
				|| given.getAccessToken().getTokenValue().equals(token.value()))) {
			return given;
		}
		if (issued.client != null && issued.client.getPrincipalName().equals(principalName)) {
			return issued.client;
		}
		OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(this.clientRegistration, principalName,
				issued.accessToken);
		this.issued = new Issued(token, issued.accessToken, client);
		return client;
	}

	private static OAuth2AccessToken accessToken(AccessToken token) {
		Instant issuedAt = token.obtainedAt();
		Instant expiresAt = token.expiresAt().orElse(null);
		return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token.value(), issuedAt, expiresAt,
				token.scopes());
	}

	/**
	 * ccauth's failure as Spring's, with ccauth's typed exception (and its hint) as the
	 * cause.
	 */
	ClientAuthorizationException authorizationFailure(ContactCenterException failure) {
		String code = failure.errorCode().orElse("token_request_failed");
		return new ClientAuthorizationException(new OAuth2Error(code, failure.errorDescription().orElse(null), null),
				id(), this.messages.of(failure), failure);
	}

	@Override
	public String toString() {
		return "BridgedRegistration[" + id() + "]";
	}

	private record Issued(AccessToken token, OAuth2AccessToken accessToken, OAuth2AuthorizedClient client) {
	}

}
