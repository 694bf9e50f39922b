package dev.ccauth.cxone;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.ccauth.config.RegistrationId;
import dev.ccauth.token.TokenGrant;
import dev.ccauth.token.TokenRequestException.Reason;

/**
 * CXone's grants: the access key as an OAuth password grant (what NICE documents for
 * back-end applications; Spring Security 7 removed its password grant, so ccauth sends it
 * itself), or the tutorial's client credentials; and what CXone's refusals mean.
 */
final class CxoneTokenGrant implements TokenGrant {

	private final RegistrationId id;

	private final CxoneDetails.AccessKey accessKey;

	private CxoneTokenGrant(RegistrationId id, CxoneDetails.AccessKey accessKey) {
		this.id = id;
		this.accessKey = accessKey;
	}

	static CxoneTokenGrant accessKey(RegistrationId id, CxoneDetails.AccessKey accessKey) {
		return new CxoneTokenGrant(id, accessKey);
	}

	static CxoneTokenGrant clientCredentials(RegistrationId id) {
		return new CxoneTokenGrant(id, null);
	}

	@Override
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (this.accessKey == null) {
			parameters.put("grant_type", "client_credentials");
			return parameters;
		}
		parameters.put("grant_type", "password");
		parameters.put("username", this.accessKey.accessKeyId());
		parameters.put("password", this.accessKey.accessKeySecret().reveal());
		return parameters;
	}

	@Override
	public String hint(Reason reason, int status, String errorCode) {
		String prefix = this.id.propertyPrefix();
		if (this.accessKey != null && "invalid_grant".equals(errorCode)) {
			return "The access key was refused: check " + prefix
					+ ".access-key-id and access-key-secret, and that the CXone user who owns the key is active";
		}
		if (reason == Reason.BAD_CREDENTIALS) {
			return "Check " + prefix + ".client-id and client-secret of the CXone application registration";
		}
		if ("unsupported_grant_type".equals(errorCode)) {
			return (this.accessKey != null)
					? "This endpoint does not accept the access-key (password) grant: check " + prefix
							+ ".token-uri or issuer"
					: "This endpoint does not accept client credentials; real CXone tenants use grant: access-key (check "
							+ prefix + ".grant and token-uri)";
		}
		return null;
	}

}
