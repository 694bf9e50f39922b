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
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/** {@code users}: Genesys Cloud users, name and email, one page or every page, streamed. */
@Command(name = "users", sortOptions = false,
		description = { "List Genesys Cloud users (GET /api/v2/users): name and email in a table, more fields in json and csv.",
				"One page by default; --all follows nextUri to the last page, printing each page as it arrives." },
		exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = { Cli.EXIT_OK, Cli.EXIT_FAILURE, Cli.EXIT_USAGE, Cli.EXIT_REFUSED },
		footer = Cli.FOOTER)
final class UsersCommand implements ToolCommand {

	static final int MAX_PAGE_SIZE = 500;

	static final List<Field<User>> FIELDS = List.of(new Field<>("id", User::id), new Field<>("name", User::name),
			new Field<>("email", User::email), new Field<>("state", User::state));

	static final List<Column<User>> COLUMNS = List.of(new Column<>("NAME", 28, User::name),
			new Column<>("EMAIL", 0, User::email));

	@Spec
	CommandSpec spec;

	@Option(names = "--registration", paramLabel = "NAME",
			description = "Genesys Cloud registration (default: 'default', or the only one).")
	String registration;

	@Option(names = "--page-size", paramLabel = "N", defaultValue = "100",
			description = "Users per page, 1 to " + MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
	int pageSize;

	@Option(names = "--all", description = "List every page, not only the first.")
	boolean all;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
			description = "table, json (a streamed array, one user per line) or csv (default: ${DEFAULT-VALUE}).")
	ListFormat format;

	@Mixin
	CommonOptions common;

	@Override
	public CommonOptions common() {
		return this.common;
	}

	@Override
	public void validate() {
		if (this.pageSize < 1 || this.pageSize > MAX_PAGE_SIZE) {
			throw new ParameterException(this.spec.commandLine(),
					"--page-size must be between 1 and " + MAX_PAGE_SIZE + ", was " + this.pageSize + ".");
		}
	}

	@Override
	public int run(Session session) {
		Registration registration = session.registration(Platform.GENESYS, this.registration);
		WebClient client = session.clients().webClient(registration.id());
		String base = stripTrailingSlash(registration.baseUrl().toString());
		RowWriter<User> rows = RowWriter.of(this.format, session.out(), FIELDS, COLUMNS);
		Progress progress = Progress.onTerminal(session.err());
		URI next = URI.create(base + "/api/v2/users?pageSize=" + this.pageSize + "&pageNumber=1");
		UsersPage page = null;
		int pages = 0;
		while (next != null) {
			page = client.get().uri(next).accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(UsersPage.class)
				.block();
			if (pages++ == 0) {
				rows.begin(); // once the first page is in: a refused call leaves stdout empty
			}
			List<User> users = (page != null && page.entities() != null) ? page.entities() : List.of();
			progress.clear();
			users.forEach(rows::row);
			rows.flush();
			URI following = (this.all && !users.isEmpty() && page.nextUri() != null) ? resolve(base, page.nextUri()) : null;
			next = (following != null && !following.equals(next)) ? following : null;
			if (next != null) {
				progress.show("users: " + rows.rows() + ((page.total() != null) ? " of " + page.total() : "")
						+ ", page " + pages + ((page.pageCount() != null) ? " of " + page.pageCount() : "") + "...");
			}
		}
		progress.clear();
		rows.end();
		rows.flush();
		if (!this.all && page != null && page.nextUri() != null) {
			session.err().println("ccauth: " + rows.rows() + ((page.total() != null) ? " of " + page.total() : "")
					+ " users shown; --all lists every page.");
		}
		return ExitCode.OK;
	}

	/** Genesys gives {@code nextUri} as a path relative to the API host; the base URL may carry a gateway's prefix. */
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
