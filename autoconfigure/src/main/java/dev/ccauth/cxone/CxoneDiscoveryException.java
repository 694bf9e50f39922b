package dev.ccauth.cxone;

import dev.ccauth.ContactCenterException;
import dev.ccauth.config.RegistrationId;

/**
 * A CXone discovery step failed: OpenID configuration, tenant id, or tenant
 * configuration.
 */
public class CxoneDiscoveryException extends ContactCenterException {

	public CxoneDiscoveryException(RegistrationId registration, String endpoint, int status, String summary,
			String hint, Throwable cause) {
		super(registration, endpoint, status, null, null, summary, hint, cause);
	}

	@Override
	public CxoneDiscoveryException repeated(String note) {
		return new CxoneDiscoveryException(registration(), endpoint(), status(), summary() + note, hint(), this);
	}

}
