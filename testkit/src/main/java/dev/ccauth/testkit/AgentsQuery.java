package dev.ccauth.testkit;

import dev.ccauth.testkit.Directory.CxoneAgent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The query of {@code GET .../agents}: every parameter CXone documents is applied or
 * refused with a 400, never silently ignored. Parameters it does not document are
 * ignored, as web APIs usually do.
 *
 * @param skip agents to leave out before the page
 * @param top page size, at most {@value #MAX_TOP} (larger values are capped)
 * @param filter {@code isActive}, {@code searchString} and {@code updateSince} together
 * @param order {@code orderBy}, or {@code null} for the directory's order
 * @param fields {@code fields}: the agent fields to return, or empty for all
 * @param carried the other parameters as the client sent them, for {@code _links}
 */
record AgentsQuery(int skip, int top, Predicate<CxoneAgent> filter, Comparator<CxoneAgent> order, List<String> fields,
		String carried) {

	static final int DEFAULT_TOP = 100;
	static final int MAX_TOP = 100;

	/** The agent fields by their JSON names, for {@code fields} and {@code orderBy}. */
	private static final Map<String, Function<CxoneAgent, Object>> FIELDS = agentFields();

	private static final List<String> CARRIED = List.of("isActive", "searchString", "updateSince", "orderBy");

	static AgentsQuery of(Exchange exchange) {
		int skip = GenesysApi.intParam(exchange, "skip", 0);
		int top = GenesysApi.intParam(exchange, "top", DEFAULT_TOP);
		if (skip < 0) {
			throw new BadRequest("skip must not be negative, was " + skip);
		}
		if (top < 1) {
			throw new BadRequest("top must be at least 1, was " + top);
		}
		Predicate<CxoneAgent> filter = isActive(exchange.query("isActive")).and(search(exchange.query("searchString")))
			.and(updatedSince(exchange.query("updateSince")));
		List<String> fields = fieldNames(exchange.queryValues("fields"));
		return new AgentsQuery(skip, Math.min(top, MAX_TOP), filter, orderBy(exchange.query("orderBy")), fields,
				carried(exchange, fields));
	}

	/** One page of the agents that match, and how many match in all. */
	record Page(List<CxoneAgent> agents, int matching) {
	}

	/**
	 * Filters and sorts the whole directory (small: scanning it is fine), then takes the
	 * page.
	 */
	Page select(int total) {
		List<CxoneAgent> matching = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			CxoneAgent agent = Directory.agent(i);
			if (filter.test(agent)) {
				matching.add(agent);
			}
		}
		if (order != null) {
			matching.sort(order);
		}
		int from = Math.min(skip, matching.size());
		return new Page(matching.subList(from, Math.min(matching.size(), from + top)), matching.size());
	}

	/** An agent as JSON: every field, or only those {@code fields} asks for. */
	Object render(CxoneAgent agent) {
		if (fields.isEmpty()) {
			return agent;
		}
		Map<String, Object> projected = new LinkedHashMap<>();
		fields.forEach(name -> projected.put(name, FIELDS.get(name).apply(agent)));
		return projected;
	}

	/** A link to another page of the same query. */
	String link(String self, int otherSkip) {
		return self + "?skip=" + otherSkip + "&top=" + top + carried;
	}

	private static Predicate<CxoneAgent> isActive(String value) {
		if (value == null || value.isBlank()) {
			return agent -> true;
		}
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "true" -> CxoneAgent::isActive;
			case "false" -> agent -> !agent.isActive();
			default -> throw new BadRequest("isActive must be true or false, was " + value);
		};
	}

	/** First name, last name, user name or email containing the string, ignoring case. */
	private static Predicate<CxoneAgent> search(String value) {
		if (value == null || value.isBlank()) {
			return agent -> true;
		}
		String wanted = value.trim().toLowerCase(Locale.ROOT);
		return agent -> contains(agent.firstName(), wanted) || contains(agent.lastName(), wanted)
				|| contains(agent.userName(), wanted) || contains(agent.emailAddress(), wanted);
	}

	private static boolean contains(String text, String wanted) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
	}

	/** Agents updated at or after the instant; one without an offset is taken as UTC. */
	private static Predicate<CxoneAgent> updatedSince(String value) {
		if (value == null || value.isBlank()) {
			return agent -> true;
		}
		Instant since = instant(value.trim());
		return agent -> !Instant.parse(agent.lastUpdated()).isBefore(since);
	}

	private static Instant instant(String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notADate) {
				throw new BadRequest("updateSince must be an ISO-8601 date and time, was " + value);
			}
		}
	}

	/**
	 * {@code orderBy=lastName desc,firstName}: fields, each optionally followed by asc or
	 * desc.
	 */
	private static Comparator<CxoneAgent> orderBy(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Comparator<CxoneAgent> order = null;
		for (String clause : value.split(",")) {
			String[] words = clause.trim().split("\\s+");
			if (words.length > 2 || words[0].isEmpty()) {
				throw new BadRequest("orderBy must be fields, each optionally followed by asc or desc, was " + value);
			}
			Function<CxoneAgent, Object> field = FIELDS.get(fieldName(words[0], "orderBy"));
			@SuppressWarnings({ "unchecked", "rawtypes" })
			Comparator<CxoneAgent> next = Comparator.comparing(agent -> (Comparable) field.apply(agent));
			if (words.length == 2) {
				next = switch (words[1].toLowerCase(Locale.ROOT)) {
					case "asc" -> next;
					case "desc" -> next.reversed();
					default -> throw new BadRequest("orderBy direction must be asc or desc, was " + words[1]);
				};
			}
			order = order == null ? next : order.thenComparing(next);
		}
		return order;
	}

	private static List<String> fieldNames(List<String> requested) {
		List<String> names = new ArrayList<>();
		for (String name : requested) {
			String canonical = fieldName(name, "fields");
			if (!names.contains(canonical)) {
				names.add(canonical);
			}
		}
		return names;
	}

	/**
	 * A field's JSON name, whatever the case it was given in; an unknown one is a 400
	 * naming the known ones.
	 */
	private static String fieldName(String name, String parameter) {
		for (String known : FIELDS.keySet()) {
			if (known.equalsIgnoreCase(name)) {
				return known;
			}
		}
		throw new BadRequest(
				parameter + ": unknown agent field " + name + "; known fields: " + String.join(", ", FIELDS.keySet()));
	}

	/**
	 * The query's other parameters, encoded again, so that a link keeps the filter, order
	 * and fields.
	 */
	private static String carried(Exchange exchange, List<String> fields) {
		StringBuilder query = new StringBuilder();
		for (String name : CARRIED) {
			String value = exchange.query(name);
			if (value != null && !value.isEmpty()) {
				query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		}
		if (!fields.isEmpty()) {
			query.append("&fields=").append(String.join(",", fields));
		}
		return query.toString();
	}

	private static Map<String, Function<CxoneAgent, Object>> agentFields() {
		Map<String, Function<CxoneAgent, Object>> fields = new LinkedHashMap<>();
		fields.put("agentId", CxoneAgent::agentId);
		fields.put("userName", CxoneAgent::userName);
		fields.put("firstName", CxoneAgent::firstName);
		fields.put("lastName", CxoneAgent::lastName);
		fields.put("emailAddress", CxoneAgent::emailAddress);
		fields.put("isActive", CxoneAgent::isActive);
		fields.put("teamId", CxoneAgent::teamId);
		fields.put("teamName", CxoneAgent::teamName);
		fields.put("lastUpdated", CxoneAgent::lastUpdated);
		return fields;
	}
}
