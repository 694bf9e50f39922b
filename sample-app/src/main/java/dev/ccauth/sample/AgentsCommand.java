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
@Command(name = "agents", sortOptions = false, description = {
		"List NICE CXone agents (GET /incontactapi/services/v34.0/agents): id, name and email in a table, more fields in json and csv.",
		"One page of " + AgentsCommand.PAGE_SIZE
				+ " by default; --all pages on with skip and top until the last page (--limit N until N agents), printing each page as it arrives." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FAILURE, Cli.EXIT_USAGE, Cli.EXIT_REFUSED }, footer = Cli.FOOTER)
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

	@Mixin
	ListOptions list;

	@Mixin
	CommonOptions common;

	@Override
	public CommonOptions common() {
		return this.common;
	}

	@Override
	public void validate() {
		this.list.validate();
	}

	@Override
	public int run(Session session) {
		Registration registration = session.registration(Platform.CXONE, this.registration);
		// relative URLs: the starter resolves them against the base URL, configured or
		// discovered from the tenant
		WebClient client = session.clients().webClient(registration.id());
		Listing<Agent> listing = new Listing<>(this.list, session, FIELDS, COLUMNS);
		int skip = 0;
		boolean more = true;
		AgentsPage page = null;
		while (more) {
			page = client.get()
				.uri(PATH + "?skip={skip}&top={top}", skip, Math.min(PAGE_SIZE, listing.remaining()))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.bodyToMono(AgentsPage.class) // 204 No Content: an empty page
				.block();
			List<Agent> agents = (page != null && page.agents() != null) ? page.agents() : List.of();
			skip += listing.page(agents);
			more = listing.wantsMore(!agents.isEmpty() && hasMore(page, skip));
			if (more) {
				listing.progress("agents: " + skip + ((page.totalRecords() != null) ? " of " + page.totalRecords() : "")
						+ ", page " + listing.pages() + "...");
			}
		}
		boolean platformHasMore = page != null && listing.rows() > 0 && hasMore(page, skip);
		listing.end(platformHasMore, "agents", (page != null) ? page.totalRecords() : null);
		return ExitCode.OK;
	}

	/**
	 * Another page exists when CXone links one, or when fewer than {@code totalRecords}
	 * have been read.
	 */
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
