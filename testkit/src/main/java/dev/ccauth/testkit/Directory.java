package dev.ccauth.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The people of the sandbox's org, made up deterministically from their index so that every run (and every
 * sandbox) lists the same users and agents, and nothing has to be held in memory.
 */
final class Directory {

	private static final String[] FIRST = {"Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances",
			"Ken", "Margaret", "Dennis", "Radia", "Tim", "Hedy", "Linus", "Katherine", "John", "Shafi", "Niklaus",
			"Sophie", "Claude"};
	private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen",
			"Thompson", "Hamilton", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Torvalds", "Johnson",
			"McCarthy", "Goldwasser", "Wirth", "Wilson", "Shannon"};
	private static final String[] TITLES = {"Agent", "Senior Agent", "Team Lead", "Supervisor", "Quality Analyst",
			"Workforce Planner"};
	private static final String[] DEPARTMENTS = {"Customer Care", "Sales", "Billing", "Technical Support",
			"Retention"};
	private static final String EMAIL_DOMAIN = "ccauth-sandbox.example";

	static final String HOME_DIVISION_ID = uuid("division-home");

	record Division(String id, String name, String selfUri) {
	}

	record GenesysUser(String id, String name, Division division, String email, String state, String username,
					   String title, String department, int version, String selfUri) {
	}

	record CxoneAgent(long agentId, String userName, String firstName, String lastName, String emailAddress,
					  boolean isActive, long teamId) {
	}

	private static final Division HOME = new Division(HOME_DIVISION_ID, "Home",
			"/api/v2/authorization/divisions/" + HOME_DIVISION_ID);

	private Directory() {
	}

	static GenesysUser user(int index) {
		String id = uuid("genesys-user-" + index);
		String first = first(index);
		String last = last(index);
		String email = email(index);
		return new GenesysUser(id, first + " " + last, HOME, email, "active", email,
				TITLES[index % TITLES.length], DEPARTMENTS[index % DEPARTMENTS.length], 1, "/api/v2/users/" + id);
	}

	static CxoneAgent agent(int index) {
		String email = email(index + 7);
		return new CxoneAgent(30_000L + index, email, first(index + 7), last(index + 7), email, true,
				1_000L + index % 4);
	}

	private static String first(int index) {
		return FIRST[index % FIRST.length];
	}

	private static String last(int index) {
		return LAST[(index + index / FIRST.length) % LAST.length]; // unique pairs for the first 400
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
