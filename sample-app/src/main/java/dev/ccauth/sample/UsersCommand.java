package dev.ccauth.sample;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.sample.RowWriter.Column;
import dev.ccauth.sample.RowWriter.Field;

/**
 * {@code users}: Genesys Cloud users, name and email, one page or every page, streamed.
 */
@Command(name = "users", sortOptions = false, description = {
		"List Genesys Cloud users (GET /api/v2/users): name and email in a table, more fields in json and csv.",
		"One page by default; --all follows nextUri to the last page (--limit N until N users), printing each page as it arrives." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING,
		exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FAILURE, Cli.EXIT_USAGE, Cli.EXIT_REFUSED }, footer = Cli.FOOTER)
final class UsersCommand implements ToolCommand {

	static final int MAX_PAGE_SIZE = 500;

	static final int DEFAULT_PAGE_SIZE = 100;

	static final List<Field<User>> FIELDS = List.of(new Field<>("id", User::id), new Field<>("name", User::name),
			new Field<>("email", User::email), new Field<>("state", User::state));

	static final List<Column<User>> COLUMNS = List.of(new Column<>("NAME", 28, User::name),
			new Column<>("EMAIL", 0, User::email));

	@Spec
	CommandSpec spec;

	@Option(names = "--registration", paramLabel = "NAME",
			description = "Genesys Cloud registration (default: 'default', or the only one).")
	String registration;

	@Option(names = "--page-size", paramLabel = "N", description = "Users per page, 1 to " + MAX_PAGE_SIZE
			+ " (default: " + DEFAULT_PAGE_SIZE + ", or the --limit when smaller).")
	Integer pageSize;

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
		if (this.pageSize != null && (this.pageSize < 1 || this.pageSize > MAX_PAGE_SIZE)) {
			throw new ParameterException(this.spec.commandLine(),
					"--page-size must be between 1 and " + MAX_PAGE_SIZE + ", was " + this.pageSize + ".");
		}
		this.list.validate();
	}

	/** The page size asked for; with a small {@code --limit} no more than it needs. */
	int pageSize() {
		if (this.pageSize != null) {
			return this.pageSize;
		}
		return (this.list.limit != null) ? Math.min(DEFAULT_PAGE_SIZE, this.list.limit) : DEFAULT_PAGE_SIZE;
	}

	@Override
	public int run(Session session) {
		Registration registration = session.registration(Platform.GENESYS, this.registration);
		// the registration's RestClient streams each page into the records: no size limit
		// on a page
		GenesysUsersApi api = GenesysUsersApi.over(session.clients().restClient(registration.id()));
		String base = stripTrailingSlash(registration.baseUrl().toString());
		Listing<User> listing = new Listing<>(this.list, session, FIELDS, COLUMNS);
		URI next = null;
		UsersPage page = null;
		boolean more = false;
		do {
			boolean first = next == null;
			URI current = first ? URI.create(base + "/api/v2/users?pageSize=" + pageSize() + "&pageNumber=1") : next;
			page = CallFailure.get(current, () -> first ? api.users(pageSize(), 1) : api.page(current));
			List<User> users = (page != null && page.entities() != null) ? page.entities() : List.of();
			listing.page(users);
			URI following = (!users.isEmpty() && page.nextUri() != null) ? resolve(base, page.nextUri()) : null;
			more = following != null && !following.equals(next);
			next = listing.wantsMore(more) ? following : null;
			if (next != null) {
				listing.progress("users: " + listing.rows() + ((page.total() != null) ? " of " + page.total() : "")
						+ ", page " + listing.pages() + ((page.pageCount() != null) ? " of " + page.pageCount() : "")
						+ "...");
			}
		}
		while (next != null);
		listing.end(more, "users", (page != null) ? page.total() : null);
		return ExitCode.OK;
	}

	/**
	 * Genesys gives {@code nextUri} as a path relative to the API host; the base URL may
	 * carry a gateway's prefix.
	 */
	static URI resolve(String base, String nextUri) {
		URI uri = URI.create(nextUri.trim());
		return uri.isAbsolute() ? uri : URI.create(base + (nextUri.startsWith("/") ? "" : "/") + nextUri.trim());
	}

	static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UsersPage(List<User> entities, Integer pageNumber, Integer pageCount, Long total, String nextUri) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record User(String id, String name, String email, String state) {
	}

}
