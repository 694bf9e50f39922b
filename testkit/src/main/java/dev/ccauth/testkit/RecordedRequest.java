package dev.ccauth.testkit;

import java.time.Instant;

/**
 * One request the sandbox answered (or dropped).
 *
 * @param endpoint what it reached
 * @param method HTTP method
 * @param path path without the query
 * @param query raw query string, {@code ""} when absent
 * @param host the {@code Host} header as sent, {@code null} when absent
 * @param hasAuthorization whether an {@code Authorization} header was sent
 * @param status the response status, {@code 0} when the connection was dropped
 * @param receivedAt when the sandbox had read the whole request, before any added
 * latency: the gaps between requests show how long a client waited (for example after a
 * {@code Retry-After})
 */
public record RecordedRequest(Endpoint endpoint, String method, String path, String query, String host,
		boolean hasAuthorization, int status, Instant receivedAt) {
}
