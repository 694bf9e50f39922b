package dev.ccauth.sample;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.sample.RowWriter.Column;
import dev.ccauth.sample.RowWriter.Field;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/** {@code agents}: NICE CXone agents, one page or every page, streamed. */
@Command(name = "agents", sortOptions = false,
		description = { "List NICE CXone agents (GET /incontactapi/services/v34.0/agents): id, name and email in a table, more fields in json and csv.",
				"One page of " + AgentsCommand.PAGE_SIZE + " by default; --all pages on with skip and top until the last page, printing each page as it arrives." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FAILURE, Cli.EXIT_USAGE, Cli.EXIT_REFUSED },
		footer = Cli.FOOTER)
final class AgentsCommand implements ToolCommand {

	/** {@code top}: the largest page CXone is known to serve. */
	static final int PAGE_SIZE = 100;

	static final String PATH = "/incontactapi/services/v34.0/agents";

	static final List<Field<Agent>> FIELDS = List.of(new Field<>("agentId", Agent::agentId),
			new Field<>("userName", Agent::userName), new Field<>("firstName", Agent::firstName),
			new Field<>("lastName", Agent::lastName), new Field<>("emailAddress", Agent::emailAddress),
			new Field<>("isActive", Agent::isActive), new Field<>("teamId", Agent::teamId));

	static final List<Column<Agent>> COLUMNS = List.of(new Column<>("ID", 8, Agent::agentId),
			new Column<>("NAME", 28, Agent::name), new Column<>("EMAIL", 0, Agent::emailAddress));

	@Option(names = "--registration", paramLabel = "NAME",
			description = "NICE CXone registration (default: 'default', or the only one).")
	String registration;

	@Option(names = "--all", description = "List every page, not only the first.")
	boolean all;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table, json (a streamed array, one agent per line) or csv (default: ${DEFAULT-VALUE}).")
	ListFormat format;

	@Mixin
	CommonOptions common;

	@Override
	public CommonOptions common() {
		return this.common;
	}

	@Override
	public int run(Session session) {
		Registration registration = session.registration(Platform.CXONE, this.registration);
		// relative URLs: the starter resolves them against the base URL, configured or discovered from the tenant
		WebClient client = session.clients().webClient(registration.id());
		RowWriter<Agent> rows = RowWriter.of(this.format, session.out(), FIELDS, COLUMNS);
		Progress progress = Progress.onTerminal(session.err());
		int skip = 0;
		int pages = 0;
		boolean more = true;
		AgentsPage page = null;
		while (more) {
			page = client.get()
				.uri(PATH + "?skip={skip}&top={top}", skip, PAGE_SIZE)
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.bodyToMono(AgentsPage.class) // 204 No Content: an empty page
				.block();
			if (pages++ == 0) {
				rows.begin(); // once the first page is in: a refused call leaves stdout empty
			}
			List<Agent> agents = (page != null && page.agents() != null) ? page.agents() : List.of();
			progress.clear();
			agents.forEach(rows::row);
			rows.flush();
			skip += agents.size();
			more = this.all && !agents.isEmpty() && hasMore(page, skip);
			if (more) {
				progress.show("agents: " + skip + ((page.totalRecords() != null) ? " of " + page.totalRecords() : "")
						+ ", page " + pages + "...");
			}
		}
		progress.clear();
		rows.end();
		rows.flush();
		if (!this.all && page != null && rows.rows() > 0 && hasMore(page, skip)) {
			session.err().println("ccauth: " + skip + ((page.totalRecords() != null) ? " of " + page.totalRecords() : "")
					+ " agents shown; --all lists every page.");
		}
		return ExitCode.OK;
	}

	/** Another page exists when CXone links one, or when fewer than {@code totalRecords} have been read. */
	private static boolean hasMore(AgentsPage page, int read) {
		boolean linked = page.links() != null && page.links().next() != null && !page.links().next().isBlank();
		return linked || (page.totalRecords() != null && read < page.totalRecords());
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AgentsPage(List<Agent> agents, Integer totalRecords, @JsonProperty("_links") Links links) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Links(String next) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Agent(Long agentId, String userName, String firstName, String lastName, String emailAddress,
			@JsonProperty("isActive") Boolean isActive, Long teamId) {

		String name() {
			String first = (this.firstName != null) ? this.firstName : "";
			String last = (this.lastName != null) ? this.lastName : "";
			return (first + " " + last).trim();
		}

	}

}
