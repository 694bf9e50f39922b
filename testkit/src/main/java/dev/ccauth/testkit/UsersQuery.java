package dev.ccauth.testkit;

import dev.ccauth.testkit.Directory.UserState;
import dev.ccauth.testkit.Directory.Users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query of {@code GET /api/v2/users}: paging, {@code state}, {@code id},
 * {@code sortOrder}, {@code expand} and {@code integrationPresenceSource}, checked as
 * Genesys checks them (a 400 with the platform's body for a value it does not know).
 * {@code jabberId} is refused: the sandbox's users have no chat address. Other parameters
 * are ignored, as the platform ignores them.
 *
 * @param pageSize 1 to {@value #MAX_PAGE_SIZE}, default {@value #DEFAULT_PAGE_SIZE}
 * @param pageNumber from 1
 * @param states the states listed ({@code any} is all three); default active
 * @param ids {@code id}: only these users, or empty for all
 * @param descending {@code sortOrder=descending}: the directory's order reversed
 * @param expand what to add to each user
 * @param presenceSource {@code integrationPresenceSource}, or {@code null}
 * @param carried the parameters other than paging as the client gave them, for the paging
 * links
 */
record UsersQuery(int pageSize, int pageNumber, Set<UserState> states, Set<String> ids, boolean descending,
		Set<UserExpansion> expand, String presenceSource, String carried) {

	static final int DEFAULT_PAGE_SIZE = 25;
	static final int MAX_PAGE_SIZE = 500;

	/**
	 * The SDK's documentation of {@code integrationPresenceSource}: "at most 100 users".
	 */
	static final int MAX_PAGE_SIZE_WITH_PRESENCE_SOURCE = 100;
	static final List<String> PRESENCE_SOURCES = List.of("MicrosoftTeams", "ZoomPhone", "EightByEight");

	static UsersQuery of(Exchange exchange) {
		int pageSize = GenesysApi.intParam(exchange, "pageSize", DEFAULT_PAGE_SIZE);
		int pageNumber = GenesysApi.intParam(exchange, "pageNumber", 1);
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new BadRequest("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
		}
		if (pageNumber < 1) {
			throw new BadRequest("pageNumber must be at least 1, was " + pageNumber);
		}
		if (!exchange.queryValues("jabberId").isEmpty()) {
			throw new BadRequest("jabberId is not emulated by the sandbox: its users have no chat address");
		}
		Set<String> ids = new LinkedHashSet<>(exchange.queryValues("id"));
		Set<UserExpansion> expand = EnumSet.noneOf(UserExpansion.class);
		exchange.queryValues("expand").forEach(value -> expand.add(UserExpansion.of(value)));
		String presenceSource = presenceSource(exchange.query("integrationPresenceSource"));
		if (presenceSource != null && expand.contains(UserExpansion.PRESENCE)
				&& pageSize > MAX_PAGE_SIZE_WITH_PRESENCE_SOURCE) {
			throw new BadRequest("pageSize must be at most " + MAX_PAGE_SIZE_WITH_PRESENCE_SOURCE
					+ " with integrationPresenceSource, was " + pageSize);
		}
		return new UsersQuery(pageSize, pageNumber, states(exchange.query("state")), ids,
				descending(exchange.query("sortOrder")), expand, presenceSource, carried(exchange));
	}

	/** The directory positions of the users this query lists, in its order. */
	record Selection(int size, int[] positions, int offset, boolean descending) {

		/** The position of the {@code k}-th listed user. */
		int position(int k) {
			int index = descending ? size - 1 - k : k;
			return positions != null ? positions[index] : offset + index;
		}
	}

	/**
	 * Which users match. Without an {@code id} filter, one state or all of them is a
	 * range of the directory: no scan, whatever its size.
	 */
	Selection select(Users users) {
		if (ids.isEmpty()) {
			if (states.size() == UserState.values().length) {
				return new Selection(users.total(), null, 0, descending);
			}
			if (states.size() == 1) {
				UserState state = states.iterator().next();
				return new Selection(users.count(state), null, users.offset(state), descending);
			}
		}
		List<Integer> matching = new ArrayList<>();
		for (UserState state : states) {
			for (int i = 0; i < users.count(state); i++) {
				int position = users.offset(state) + i;
				if (ids.contains(Directory.user(users, position).id())) {
					matching.add(position);
				}
			}
		}
		return new Selection(matching.size(), matching.stream().mapToInt(Integer::intValue).toArray(), 0, descending);
	}

	/**
	 * A paging link: a path relative to the API host that keeps every parameter of this
	 * query.
	 */
	String uri(int page) {
		return "/api/v2/users?pageSize=" + pageSize + "&pageNumber=" + page + carried;
	}

	private static Set<UserState> states(String value) {
		if (value == null || value.isBlank()) {
			return EnumSet.of(UserState.ACTIVE);
		}
		String state = value.trim().toLowerCase(Locale.ROOT);
		if (state.equals("any")) {
			return EnumSet.allOf(UserState.class);
		}
		for (UserState known : UserState.values()) {
			if (known.wire().equals(state)) {
				return EnumSet.of(known);
			}
		}
		throw new BadRequest("state must be one of active, inactive, deleted, any; was " + value);
	}

	/**
	 * {@code ascending} or {@code descending}, as the SDKs send it; also {@code ASC} and
	 * {@code DESC}.
	 */
	private static boolean descending(String value) {
		if (value == null || value.isBlank()) {
			return false;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "ascending", "asc" -> false;
			case "descending", "desc" -> true;
			default -> throw new BadRequest("sortOrder must be ascending or descending, was " + value);
		};
	}

	private static String presenceSource(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (String known : PRESENCE_SOURCES) {
			if (known.equalsIgnoreCase(value.trim())) {
				return known;
			}
		}
		throw new BadRequest(
				"integrationPresenceSource must be one of " + String.join(", ", PRESENCE_SOURCES) + ", was " + value);
	}

	/** Every parameter but the paging ones, encoded again in a fixed order. */
	private static String carried(Exchange exchange) {
		StringBuilder query = new StringBuilder();
		for (String name : List.of("id", "sortOrder", "expand", "integrationPresenceSource", "state")) {
			for (String value : exchange.queryValues(name)) {
				query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		}
		return query.toString();
	}
}
