package dev.ccauth.sample;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import dev.ccauth.config.Platform;
import dev.ccauth.config.Registration;
import dev.ccauth.web.ContactCenterClients;
import org.springframework.context.ApplicationContext;

/**
 * What a running command works with: the starter's {@link ContactCenterClients}, stdout
 * and stderr.
 */
final class Session {

	private final ApplicationContext context;

	private final PrintWriter out;

	private final PrintStream err;

	private ContactCenterClients clients;

	private Redactor redactor = Redactor.NONE;

	Session(ApplicationContext context, PrintWriter out, PrintStream err) {
		this.context = context;
		this.out = out;
		this.err = err;
	}

	/** Standard output: the command's result, and nothing else. */
	PrintWriter out() {
		return this.out;
	}

	/** Standard error: banners, notes, progress and errors. */
	PrintStream err() {
		return this.err;
	}

	/**
	 * The starter's clients; created on first use (the context is lazy), which is where
	 * an invalid configuration surfaces as an {@code InvalidRegistrationException}.
	 */
	ContactCenterClients clients() {
		if (this.clients == null) {
			ContactCenterClients clients = this.context.getBean(ContactCenterClients.class);
			this.redactor = new Redactor(clients.registrations());
			this.clients = clients;
		}
		return this.clients;
	}

	Redactor redactor() {
		return this.redactor;
	}

	/**
	 * The registration a command works with: the one named, else {@code default}, else
	 * the only one of the platform.
	 * @throws ToolException (exit 2) when there is none, naming the environment variables
	 * to set
	 */
	Registration registration(Platform platform, String name) {
		List<Registration> candidates = clients().registrations()
			.stream()
			.filter((registration) -> registration.id().platform() == platform)
			.toList();
		if (candidates.isEmpty()) {
			throw new ToolException(ExitCode.USAGE, Messages.noCredentials(platform));
		}
		String wanted = (name != null) ? name : "default";
		for (Registration registration : candidates) {
			if (registration.id().name().equals(wanted)) {
				return registration;
			}
		}
		if (name == null && candidates.size() == 1) {
			return candidates.get(0);
		}
		String names = candidates.stream()
			.map((registration) -> registration.id().name())
			.collect(Collectors.joining(", "));
		if (name == null) {
			throw new ToolException(ExitCode.USAGE, "There are several " + platform.displayName() + " registrations ("
					+ names + "): choose one with --registration NAME.");
		}
		throw new ToolException(ExitCode.USAGE,
				"There is no " + platform.displayName() + " registration '" + name + "'; configured: " + names + ".");
	}

}
