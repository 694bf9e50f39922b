package dev.ccauth.cxone;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.ccauth.config.PlatformDetails;
import dev.ccauth.config.Secret;

/** A CXone registration's own part, by grant. */
final class CxoneDetails {

	private CxoneDetails() {
	}

	/**
	 * A real CXone tenant: the issuer endpoints are discovered from, and the access key.
	 *
	 * @param issuer the issuer
	 * @param accessKeyId the access key id, or {@code null} with a handed-over token only
	 * @param accessKeySecret the access key secret, or {@code null} with a handed-over
	 * token only
	 * @param tenantId the tenant id when configured, else {@code null} (read from the
	 * id_token)
	 */
	record AccessKey(URI issuer, String accessKeyId, Secret accessKeySecret,
			String tenantId) implements PlatformDetails {

		@Override
		public String grant() {
			return "access-key";
		}

		@Override
		public Map<String, String> location() {
			return Map.of("issuer", String.valueOf(this.issuer));
		}

		@Override
		public String tokenIdentity() {
			return "access-key:" + issuerBase() + ":" + this.accessKeyId;
		}

		@Override
		public String discoveredFrom(String endpoint) {
			return "discovered from " + issuerBase() + (endpoint.equals("token endpoint")
					? "/.well-known/openid-configuration" : "/.well-known/cxone-configuration");
		}

		@Override
		public List<Secret> secrets() {
			return (this.accessKeySecret != null) ? List.of(this.accessKeySecret) : List.of();
		}

		String issuerBase() {
			String issuer = this.issuer.toString();
			return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
		}

	}

	/**
	 * The tutorial's client-credentials mode at a regional endpoint or a gateway.
	 *
	 * @param region the tutorial region as configured (or the default)
	 */
	record ClientCredentials(String region) implements PlatformDetails {

		@Override
		public String grant() {
			return "client-credentials";
		}

		@Override
		public Map<String, String> location() {
			return Map.of("region", this.region);
		}

	}

}
