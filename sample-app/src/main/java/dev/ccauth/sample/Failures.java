package dev.ccauth.sample;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import reactor.core.Exceptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.ConfigurationProblem;
import dev.ccauth.config.InvalidRegistrationException;
import dev.ccauth.token.TokenRequestException;
import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.UnknownContentTypeException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Turns any failure into an exit code and a clear message on stderr: one line (with the
 * fix) for what ccauth and the platforms report, the problems and fixes for an invalid
 * configuration, and a stack trace only with {@code --debug}.
 */
final class Failures {

	private static final int MAX_DESCRIPTION = 200;

	private Failures() {
	}

	/** Prints the failure on stderr and returns its exit code. */
	static int report(Throwable failure, boolean debug, Redactor redactor, PrintStream err) {
		for (String line : describe(failure)) {
			err.println(redactor.redact(line));
		}
		if (debug) {
			StringWriter trace = new StringWriter();
			failure.printStackTrace(new PrintWriter(trace));
			err.print(redactor.redact(trace.toString()));
		}
		err.flush();
		return exitCode(failure);
	}

	/**
	 * 3 when authentication or authorization was refused (a token request refused, or an
	 * HTTP 401 or 403), 2 for a usage or configuration error, 1 for everything else
	 * (network, 5xx, 429 after retries, malformed answers).
	 */
	static int exitCode(Throwable failure) {
		for (Throwable cause : chain(failure)) {
			if (cause instanceof ToolException tool) {
				return tool.code();
			}
			if (cause instanceof InvalidRegistrationException || cause instanceof BindException
					|| cause instanceof ConfigDataException) {
				return ExitCode.USAGE;
			}
			if (cause instanceof TokenRequestException token) {
				return switch (token.reason()) {
					case BAD_CREDENTIALS, REFUSED, HANDED_OVER_TOKEN_REFUSED -> ExitCode.REFUSED;
					default -> ExitCode.FAILURE;
				};
			}
			int status = status(cause);
			if (status == 401 || status == 403) {
				return ExitCode.REFUSED;
			}
		}
		return ExitCode.FAILURE;
	}

	/**
	 * The lines that explain the failure, the first one prefixed with {@code ccauth: }.
	 */
	static List<String> describe(Throwable failure) {
		List<Throwable> chain = chain(failure);
		for (Throwable cause : chain) {
			if (cause instanceof ToolException) {
				return List.of("ccauth: " + cause.getMessage());
			}
			if (cause instanceof InvalidRegistrationException invalid) {
				List<String> lines = new ArrayList<>();
				lines.add("ccauth: the configuration is invalid:");
				for (ConfigurationProblem problem : invalid.problems()) {
					lines.add("  " + problem.property() + ": " + problem.problem());
					lines.add("    fix: " + problem.fix());
				}
				return lines;
			}
			if (cause instanceof BindException bind) {
				return List.of("ccauth: the configuration is invalid: " + oneLine(bind.getMessage()) + ": "
						+ oneLine(rootMessage(bind)));
			}
			if (cause instanceof ConfigDataException configData) {
				return List.of("ccauth: the configuration cannot be read: " + oneLine(configData.getMessage()));
			}
		}
		for (Throwable cause : chain) {
			if (cause instanceof ContactCenterException contactCenter) {
				return List.of("ccauth: " + oneLine(contactCenter.getMessage()));
			}
		}
		for (Throwable cause : chain) {
			if (cause instanceof WebClientResponseException response) {
				return List.of("ccauth: " + describe(response));
			}
			if (cause instanceof CallFailure call && call.getCause() instanceof UnknownContentTypeException unknown) {
				return List
					.of("ccauth: " + describe(call.method() + " " + call.uri() + ": ", unknown.getStatusCode().value(),
							unknown.getStatusText(), unknown.getContentType(), unknown.getResponseBodyAsString()));
			}
			if (cause instanceof CallFailure call && call.getCause() instanceof RestClientResponseException response) {
				return List
					.of("ccauth: " + describe(call.method() + " " + call.uri() + ": ", response.getStatusCode().value(),
							response.getStatusText(), response.getResponseHeaders() != null
									? response.getResponseHeaders().getContentType() : null,
							response.getResponseBodyAsString()));
			}
			if (cause instanceof CallFailure call && call.getCause() instanceof ResourceAccessException access) {
				return List.of("ccauth: could not reach " + call.method() + " " + call.uri() + ": "
						+ rootMessage(access) + ". Check the base URL (GENESYS_BASE_URL, CXONE_BASE_URL or"
						+ " ccauth.<platform>.<name>.base-url), the network and the proxy settings.");
			}
			if (cause instanceof CallFailure call) {
				return List.of("ccauth: an answer could not be read: " + call.method() + " " + call.uri() + ": "
						+ oneLine(rootMessage(call))
						+ ". Check the base URL and any proxy in between (--debug shows the details).");
			}
		}
		for (Throwable cause : chain) {
			if (cause instanceof CodecException codec) {
				return List.of("ccauth: an answer could not be read: " + oneLine(rootMessage(codec))
						+ ". Check the base URL and any proxy in between (--debug shows the details).");
			}
		}
		for (Throwable cause : chain) {
			if (cause instanceof WebClientRequestException request) {
				return List.of("ccauth: could not reach " + request.getMethod() + " " + request.getUri() + ": "
						+ rootMessage(request) + ". Check the base URL (GENESYS_BASE_URL, CXONE_BASE_URL or"
						+ " ccauth.<platform>.<name>.base-url), the network and the proxy settings.");
			}
		}
		Throwable root = chain.get(chain.size() - 1);
		return List.of("ccauth: " + oneLine(root.getClass().getSimpleName() + ": " + root.getMessage())
				+ " (--debug shows the stack trace)");
	}

	private static String describe(WebClientResponseException response) {
		HttpRequest request = response.getRequest();
		return describe((request != null) ? request.getMethod() + " " + request.getURI() + ": " : "",
				response.getStatusCode().value(), response.getStatusText(), response.getHeaders().getContentType(),
				response.getResponseBodyAsString());
	}

	private static String describe(String request, int status, String statusText, MediaType type, String body) {
		StringBuilder message = new StringBuilder(request);
		message.append("HTTP ").append(status);
		if (statusText != null && !statusText.isBlank()) {
			message.append(' ').append(statusText);
		}
		if (status >= 200 && status < 300) {
			// the body could not be read as what the API sends: HTML from a proxy or a
			// login page, most likely
			return oneLine(message.append(" with ")
				.append((type != null) ? type.toString() : "no content type")
				.append(" where JSON was expected. Check the base URL (GENESYS_BASE_URL, CXONE_BASE_URL or")
				.append(" ccauth.<platform>.<name>.base-url) and any proxy in between.")
				.toString());
		}
		String platformError = platformError(body);
		if (platformError != null) {
			message.append(" (").append(platformError).append(')');
		}
		message.append(". ").append(hint(status));
		return oneLine(message.toString());
	}

	private static String hint(int status) {
		if (status == 401) {
			return "The API refused the token: check that the credentials belong to this org and region"
					+ " (a token is valid only in its own region), or mint a new token if a handed-over one has expired.";
		}
		if (status == 403) {
			return "The credentials lack a permission or scope this call needs: check the OAuth client's roles and"
					+ " scopes (Genesys Cloud) or the access key user's permissions (NICE CXone).";
		}
		if (status == 404) {
			return "Check the base URL (GENESYS_BASE_URL, CXONE_BASE_URL or ccauth.<platform>.<name>.base-url) and the region.";
		}
		if (status == 429) {
			return "The platform is rate limiting this client: try again later (ccauth.retry.* sets how long to retry).";
		}
		if (status >= 500) {
			return "The platform failed: try again later.";
		}
		return "Check the request options.";
	}

	/**
	 * The platform's error code and message: Genesys {@code code}/{@code message}, CXone
	 * {@code error}/{@code errorDescription}.
	 */
	private static String platformError(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode json = JsonMapper.shared().readTree(body);
			if (json == null || !json.isObject()) {
				return null;
			}
			String code = text(json, "code", "error");
			String description = text(json, "message", "errorDescription", "error_description", "description");
			if (code == null && description == null) {
				return null;
			}
			String text = (code != null && description != null) ? code + ": " + description
					: (code != null) ? code : description;
			return (text.length() > MAX_DESCRIPTION) ? text.substring(0, MAX_DESCRIPTION) + "..." : text;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	private static String text(JsonNode json, String... fields) {
		for (String field : fields) {
			JsonNode value = json.get(field);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				return value.asString();
			}
		}
		return null;
	}

	/** The HTTP status a failure carries, or 0. */
	static int status(Throwable failure) {
		if (failure instanceof ContactCenterException contactCenter) {
			return contactCenter.status();
		}
		if (failure instanceof WebClientResponseException response) {
			return response.getStatusCode().value();
		}
		if (failure instanceof RestClientResponseException response) {
			return response.getStatusCode().value();
		}
		return 0;
	}

	/** The failure and its causes, Reactor's wrappers unwrapped. */
	static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Throwable cause = Exceptions.unwrap(failure);
		while (cause != null && seen.add(cause)) {
			chain.add(cause);
			cause = (cause.getCause() != null) ? Exceptions.unwrap(cause.getCause()) : null;
		}
		return chain;
	}

	private static String rootMessage(Throwable failure) {
		List<Throwable> chain = chain(failure);
		Throwable root = chain.get(chain.size() - 1);
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	private static String oneLine(String text) {
		return String.valueOf(text).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
	}

}
