package dev.ccauth.autoconfigure;

import dev.ccauth.ContactCenterException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed token fetch at startup ({@code ccauth.validate-on-startup=true}) as
 * the platform's answer and its fix, rather than as a stack trace.
 */
class ContactCenterFailureAnalyzer extends AbstractFailureAnalyzer<ContactCenterException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ContactCenterException cause) {
		return new FailureAnalysis("ccauth could not obtain a token at startup: " + cause.getMessage(),
				(cause.hint() != null) ? cause.hint() + "." : "Check the registration's settings.", cause);
	}

}
