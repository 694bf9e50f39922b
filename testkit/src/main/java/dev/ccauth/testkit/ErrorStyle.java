package dev.ccauth.testkit;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The error body shapes of the platforms (see platforms.md). */
enum ErrorStyle {

	/** Genesys token endpoint: {@code {"error","description","error_description"}}. */
	GENESYS_OAUTH,
	/**
	 * Genesys API: {@code {"message","code","status","contextId","details","errors"}}, in
	 * that order.
	 */
	GENESYS_API,
	/** CXone token endpoint: {@code {"error","errorDescription"}}. */
	CXONE_OAUTH,
	/** CXone API and discovery: same camelCase shape as its token endpoint. */
	CXONE_API;

	record GenesysOAuthError(String error, String description, String error_description) {
	}

	record GenesysApiError(String message, String code, int status, String contextId, List<Object> details,
			List<Object> errors) {
	}

	record CxoneError(String error, String errorDescription) {
	}

	static ErrorStyle of(Platform platform, boolean token) {
		if (platform == Platform.CXONE) {
			return token ? CXONE_OAUTH : CXONE_API;
		}
		return token ? GENESYS_OAUTH : GENESYS_API;
	}

	/**
	 * An error with an explicit code: the OAuth {@code error} / CXone {@code error}, or
	 * the Genesys API {@code code}.
	 */
	Reply reply(int status, String code, String description) {
		return switch (this) {
			case GENESYS_OAUTH -> Reply.json(status, new GenesysOAuthError(code, description, description));
			case GENESYS_API -> {
				String contextId = contextId();
				yield Reply
					.json(status, new GenesysApiError(description, code, status, contextId, List.of(), List.of()))
					.withHeader(Reply.CORRELATION_ID, contextId);
			}
			case CXONE_OAUTH, CXONE_API -> Reply.json(status, new CxoneError(code, description));
		};
	}

	/**
	 * A plausible error of this platform for any status, as {@link Sandbox#failNext}
	 * sends. A Genesys API 429 always says when to retry, as the platform does on every
	 * 429.
	 */
	Reply generic(int status) {
		if (this == GENESYS_API && status == 429) {
			return genesysRateLimited(1);
		}
		return reply(status, code(status), message(status));
	}

	/**
	 * The Genesys API's 429 since it normalized them (Nov 2021): {@code Retry-After} in
	 * whole seconds, and the same number in the message.
	 */
	static Reply genesysRateLimited(long retryAfterSeconds) {
		return GENESYS_API
			.reply(429, "too.many.requests.retry.after",
					"Rate limit exceeded the maximum. Retry the request in [" + retryAfterSeconds + "] seconds")
			.withHeader(Reply.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	String code(int status) {
		if (this == GENESYS_API) {
			return switch (status) {
				case 400 -> "bad.request";
				case 401 -> "bad.credentials";
				case 403 -> "not.authorized";
				case 404 -> "not.found";
				case 405 -> "method.not.allowed";
				case 408 -> "request.timeout";
				case 409 -> "conflict";
				case 415 -> "unsupported.media.type";
				case 429 -> "too.many.requests.retry.after";
				case 500 -> "internal.server.error";
				case 502 -> "bad.gateway";
				case 503 -> "service.unavailable";
				case 504 -> "gateway.timeout";
				default -> status >= 500 ? "internal.server.error" : "bad.request";
			};
		}
		return switch (status) {
			case 401 -> this == CXONE_API ? "invalid_token" : "invalid_client";
			case 403 -> "access_denied";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 429 -> "too_many_requests";
			case 502 -> "bad_gateway";
			case 503 -> "temporarily_unavailable";
			case 504 -> "gateway_timeout";
			default -> status >= 500 ? "server_error" : "invalid_request";
		};
	}

	static String message(int status) {
		return switch (status) {
			case 400 -> "The request could not be understood by the server due to malformed syntax.";
			case 401 -> "Invalid login credentials.";
			case 403 -> "You are not authorized to perform the requested action.";
			case 404 -> "The requested resource was not found.";
			case 405 -> "The requested method is not allowed for this resource.";
			case 429 -> "Rate limit exceeded the maximum.";
			case 502 -> "Bad gateway.";
			case 503 ->
				"Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).";
			case 504 -> "The request timed out.";
			default -> status >= 500
					? "The server encountered an unexpected condition which prevented it from fulfilling the request."
					: "The request failed.";
		};
	}

	/**
	 * Genesys' {@code contextId}: a random UUID, without the cost of
	 * {@link UUID#randomUUID()}'s SecureRandom.
	 */
	static String contextId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
			.toString();
	}

}
