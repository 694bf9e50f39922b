package dev.ccauth.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The people of the sandbox's org, made up deterministically from their index so that
 * every run (and every sandbox) lists the same users and agents, and nothing has to be
 * held in memory.
 *
 * <p>
 * Genesys users come in the three states the platform knows. Their positions in the
 * directory run through the active users first, then the inactive, then the deleted ones;
 * a person's name and email follow from the position, so they are unique across states.
 */
final class Directory {

	private static final String[] FIRST = { "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken",
			"Margaret", "Dennis", "Radia", "Tim", "Hedy", "Linus", "Katherine", "John", "Shafi", "Niklaus", "Sophie",
			"Claude" };

	private static final String[] LAST = { "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen",
			"Thompson", "Hamilton", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Torvalds", "Johnson", "McCarthy",
			"Goldwasser", "Wirth", "Wilson", "Shannon" };

	private static final String[] TITLES = { "Agent", "Senior Agent", "Team Lead", "Supervisor", "Quality Analyst",
			"Workforce Planner" };

	private static final String[] DEPARTMENTS = { "Customer Care", "Sales", "Billing", "Technical Support",
			"Retention" };

	private static final String EMAIL_DOMAIN = "ccauth-sandbox.example";

	/**
	 * Agents were last updated an hour apart from this instant on, so {@code updateSince}
	 * has something to cut.
	 */
	static final Instant AGENTS_UPDATED_FROM = Instant.parse("2024-01-01T00:00:00Z");

	/**
	 * Every this many agents, one is inactive (the last of each ten), so {@code isActive}
	 * has something to cut.
	 */
	private static final int INACTIVE_AGENT_EVERY = 10;

	private static final int TEAMS = 4;

	static final String HOME_DIVISION_ID = uuid("division-home");

	/** The states of a Genesys user, as {@code state} names them. */
	enum UserState {

		ACTIVE, INACTIVE, DELETED;

		String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** How many Genesys users there are in each state. */
	record Users(int active, int inactive, int deleted) {

		int total() {
			return active + inactive + deleted;
		}

		int count(UserState state) {
			return switch (state) {
				case ACTIVE -> active;
				case INACTIVE -> inactive;
				case DELETED -> deleted;
			};
		}

		/** The directory position of the first user in this state. */
		int offset(UserState state) {
			return switch (state) {
				case ACTIVE -> 0;
				case INACTIVE -> active;
				case DELETED -> active + inactive;
			};
		}

		UserState stateAt(int position) {
			return position < active ? UserState.ACTIVE
					: position < active + inactive ? UserState.INACTIVE : UserState.DELETED;
		}
	}

	record Division(String id, String name, String selfUri) {
	}

	/**
	 * A user as {@code GET /api/v2/users} lists it. Real users also carry {@code chat},
	 * {@code primaryContactInfo}, {@code addresses} and {@code acdAutoAnswer}; they are
	 * left out (see the testkit README).
	 */
	record GenesysUser(String id, String name, Division division, String email, String state, String username,
			String title, String department, int version, String selfUri) {
	}

	record CxoneAgent(long agentId, String userName, String firstName, String lastName, String emailAddress,
			boolean isActive, long teamId, String teamName, String lastUpdated) {
	}

	private static final Division HOME = new Division(HOME_DIVISION_ID, "Home",
			"/api/v2/authorization/divisions/" + HOME_DIVISION_ID);

	private Directory() {
	}

	/** The user at a directory position (see the class comment). */
	static GenesysUser user(Users users, int position) {
		UserState state = users.stateAt(position);
		int inState = position - users.offset(state);
		// active users keep the ids they had before states existed; the others get ids of
		// their own
		String id = uuid(
				state == UserState.ACTIVE ? "genesys-user-" + inState : "genesys-user-" + state.wire() + "-" + inState);
		String email = email(position);
		return new GenesysUser(id, first(position) + " " + last(position), HOME, email, state.wire(), email,
				TITLES[position % TITLES.length], DEPARTMENTS[position % DEPARTMENTS.length], 1, "/api/v2/users/" + id);
	}

	static CxoneAgent agent(int index) {
		String email = email(index + 7);
		long team = index % TEAMS;
		return new CxoneAgent(30_000L + index, email, first(index + 7), last(index + 7), email,
				index % INACTIVE_AGENT_EVERY != INACTIVE_AGENT_EVERY - 1, 1_000L + team, "Team " + (team + 1),
				Json.timestamp(AGENTS_UPDATED_FROM.plus(Duration.ofHours(index))));
	}

	private static String first(int index) {
		return FIRST[index % FIRST.length];
	}

	private static String last(int index) {
		return LAST[(index + index / FIRST.length) % LAST.length]; // unique pairs for the
																	// first 400
	}

	/** Unique per index: names repeat after 400 people, so later ones get a number. */
	private static String email(int index) {
		String local = (first(index) + "." + last(index)).toLowerCase(Locale.ROOT);
		int round = index / (FIRST.length * LAST.length);
		return (round == 0 ? local : local + (round + 1)) + "@" + EMAIL_DOMAIN;
	}

	static String uuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
