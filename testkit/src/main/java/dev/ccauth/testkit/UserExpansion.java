package dev.ccauth.testkit;

import dev.ccauth.testkit.Directory.GenesysUser;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code expand} values of {@code GET /api/v2/users} (those the official SDKs list),
 * each adding a field to every user. The values are made up from the user, plausible and
 * stable, in the shapes of the SDK's models, so a client that maps them strictly (unknown
 * properties failing) can.
 */
enum UserExpansion {

	ROUTING_STATUS("routingStatus", "routingStatus"), PRESENCE("presence", "presence"),
	INTEGRATION_PRESENCE("integrationPresence", "integrationPresence"),
	CONVERSATION_SUMMARY("conversationSummary", "conversationSummary"), OUT_OF_OFFICE("outOfOffice", "outOfOffice"),
	GEOLOCATION("geolocation", "geolocation"), STATION("station", "station"),
	AUTHORIZATION("authorization", "authorization"),
	/** Adds {@code unusedRoles} to {@code authorization}. */
	AUTHORIZATION_UNUSED_ROLES("authorization.unusedRoles", "authorization"),
	LAST_TOKEN_ISSUED("lasttokenissued", "lastTokenIssued"), DATE_LAST_LOGIN("dateLastLogin", "dateLastLogin"),
	TEAM("team", "team"), PROFILE_SKILLS("profileSkills", "profileSkills"),
	CERTIFICATIONS("certifications", "certifications"), LOCATIONS("locations", "locations"), GROUPS("groups", "groups"),
	SKILLS("skills", "skills"), LANGUAGES("languages", "languages"),
	LANGUAGE_PREFERENCE("languagePreference", "languagePreference"), EMPLOYER_INFO("employerInfo", "employerInfo"),
	BIOGRAPHY("biography", "biography");

	/**
	 * Logins, tokens and presence changes happened an hour apart per user from this
	 * instant on.
	 */
	private static final Instant ACTIVITY_FROM = Instant.parse("2025-01-06T08:00:00Z");

	private static final String OFFLINE_ID = Directory.uuid("presence-offline");

	private static final String EMPLOYEE_ROLE_ID = Directory.uuid("role-employee");

	private static final int TEAMS = 4;

	private final String wire;

	private final String field;

	UserExpansion(String wire, String field) {
		this.wire = wire;
		this.field = field;
	}

	String wire() {
		return wire;
	}

	/**
	 * The {@code expand} value; anything else is Genesys's 400. Case matters, as the
	 * values mix cases.
	 */
	static UserExpansion of(String value) {
		for (UserExpansion expansion : values()) {
			if (expansion.wire.equals(value)) {
				return expansion;
			}
		}
		throw new BadRequest("expand value " + value + " is not valid; valid values: " + validValues());
	}

	private static String validValues() {
		StringBuilder names = new StringBuilder();
		for (UserExpansion expansion : values()) {
			names.append(names.length() == 0 ? "" : ", ").append(expansion.wire);
		}
		return names.toString();
	}

	/** The user as JSON with the expanded fields added after its own. */
	static Map<String, Object> expand(GenesysUser user, int position, UsersQuery query) {
		@SuppressWarnings("unchecked")
		Map<String, Object> json = Json.MAPPER.convertValue(user, LinkedHashMap.class);
		Object selfUri = json.remove("selfUri");
		for (UserExpansion expansion : query.expand()) {
			json.put(expansion.field, expansion.value(user, position, query));
		}
		json.put("selfUri", selfUri);
		return json;
	}

	private Object value(GenesysUser user, int position, UsersQuery query) {
		String id = user.id();
		String self = user.selfUri();
		Instant lastActivity = ACTIVITY_FROM.plus(Duration.ofHours(position));
		return switch (this) {
			case ROUTING_STATUS ->
				fields("userId", id, "status", "OFF_QUEUE", "startTime", Json.timestamp(lastActivity));
			case PRESENCE ->
				presence(self, query.presenceSource() != null ? query.presenceSource() : "PURECLOUD", lastActivity);
			case INTEGRATION_PRESENCE -> presence(self,
					query.presenceSource() != null ? query.presenceSource() : UsersQuery.PRESENCE_SOURCES.get(0),
					lastActivity);
			case CONVERSATION_SUMMARY -> conversationSummary(id);
			case OUT_OF_OFFICE -> fields("id", id, "user", fields("id", id, "selfUri", self), "active", false,
					"indefinite", false, "selfUri", self + "/outofoffice");
			case GEOLOCATION -> fields("id", id, "primary", true, "country", "US", "region", "Indiana", "city",
					"Indianapolis", "selfUri", self + "/geolocations/ccauth-sandbox");
			case STATION -> Map.of();
			case AUTHORIZATION, AUTHORIZATION_UNUSED_ROLES -> authorization(query);
			case LAST_TOKEN_ISSUED -> fields("dateIssued", Json.timestamp(lastActivity));
			case DATE_LAST_LOGIN -> Json.timestamp(lastActivity);
			case TEAM -> team(position % TEAMS);
			case PROFILE_SKILLS, CERTIFICATIONS, LOCATIONS, LANGUAGES -> List.of();
			case GROUPS -> List.of(group(position % TEAMS));
			case SKILLS -> List.of(skill(self));
			case LANGUAGE_PREFERENCE -> "en-us";
			case EMPLOYER_INFO -> fields("officialName", user.name(), "employeeId", "E" + (10_000 + position),
					"employeeType", "Full-time", "dateHire", "2020-01-06");
			case BIOGRAPHY -> fields("biography", user.name() + " works in " + user.department() + ".");
		};
	}

	private static Map<String, Object> presence(String userSelf, String source, Instant modified) {
		return fields("source", source, "presenceDefinition",
				fields("id", OFFLINE_ID, "systemPresence", "Offline", "selfUri",
						"/api/v2/presencedefinitions/" + OFFLINE_ID),
				"message", "", "modifiedDate", Json.timestamp(modified), "selfUri", userSelf + "/presences/" + source);
	}

	private static Map<String, Object> conversationSummary(String userId) {
		Map<String, Object> idle = fields("contactCenter", fields("active", 0, "acw", 0), "enterprise",
				fields("active", 0, "acw", 0));
		Map<String, Object> summary = fields("userId", userId);
		for (String media : List.of("call", "callback", "email", "message", "chat", "socialExpression", "video")) {
			summary.put(media, idle);
		}
		return summary;
	}

	private static Map<String, Object> authorization(UsersQuery query) {
		Map<String, Object> authorization = fields("roles", List.of(fields("id", EMPLOYEE_ROLE_ID, "name", "employee")),
				"permissions", List.of("directory:user:view"), "permissionPolicies", List.of());
		if (query.expand().contains(AUTHORIZATION_UNUSED_ROLES)) {
			authorization.put("unusedRoles", List.of());
		}
		return authorization;
	}

	private static Map<String, Object> team(int team) {
		String id = Directory.uuid("team-" + team);
		return fields("id", id, "name", "Team " + (team + 1), "division",
				fields("id", Directory.HOME_DIVISION_ID, "name", "Home", "selfUri",
						"/api/v2/authorization/divisions/" + Directory.HOME_DIVISION_ID),
				"selfUri", "/api/v2/teams/" + id);
	}

	private static Map<String, Object> group(int group) {
		String id = Directory.uuid("group-" + group);
		return fields("id", id, "selfUri", "/api/v2/groups/" + id);
	}

	private static Map<String, Object> skill(String userSelf) {
		String id = Directory.uuid("skill-general");
		return fields("id", id, "name", "General", "proficiency", 3.0, "state", "active", "skillUri",
				"/api/v2/routing/skills/" + id, "selfUri", userSelf + "/routingskills/" + id);
	}

	/** An ordered JSON object from name, value pairs. */
	private static Map<String, Object> fields(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
