package dev.ccauth.testkit;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;

/**
 * A throwaway CA and a server certificate it issued for {@code 127.0.0.1} and
 * {@code localhost}, made at start. The certificate also names {@code api.localhost} and
 * {@code login.localhost}: clients that derive the login host from the API host
 * ({@code api.} to {@code login.}, as the official Genesys SDKs do) can then reach the
 * sandbox by resolving those names to {@code 127.0.0.1}. Clients trust the CA (a CA, not
 * the leaf itself, because OpenSSL-based clients reject a leaf used as its own trust
 * anchor); its PEM also goes to a temporary file for tools that want a path.
 */
final class SandboxCertificate {

	static final String API_HOST = "api.localhost";
	static final String LOGIN_HOST = "login.localhost";

	private final X509Bundle ca;

	private final X509Bundle server;

	private final Path caFile;

	private SandboxCertificate(X509Bundle ca, X509Bundle server, Path caFile) {
		this.ca = ca;
		this.server = server;
		this.caFile = caFile;
	}

	static SandboxCertificate generate() {
		Instant now = Instant.now();
		CertificateBuilder template = new CertificateBuilder().notBefore(now.minus(Duration.ofHours(1)))
			.notAfter(now.plus(Duration.ofDays(30)))
			.ecp256();
		try {
			X509Bundle ca = template.copy()
				.subject("CN=ccauth sandbox CA, O=ccauth testkit")
				.setIsCertificateAuthority(true)
				.setKeyUsage(true, CertificateBuilder.KeyUsage.keyCertSign, CertificateBuilder.KeyUsage.cRLSign)
				.buildSelfSigned();
			X509Bundle server = template.copy()
				.subject("CN=127.0.0.1, O=ccauth testkit")
				.addSanIpAddress("127.0.0.1")
				.addSanDnsName("localhost")
				.addSanDnsName(API_HOST)
				.addSanDnsName(LOGIN_HOST)
				.setKeyUsage(true, CertificateBuilder.KeyUsage.digitalSignature)
				.addExtendedKeyUsageServerAuth()
				.buildIssuedBy(ca);
			Path caFile = Files.createTempFile("ccauth-sandbox-ca-", ".pem");
			caFile.toFile().deleteOnExit();
			Files.writeString(caFile, ca.getCertificatePEM(), StandardCharsets.US_ASCII);
			return new SandboxCertificate(ca, server, caFile);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the sandbox CA certificate", e);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot generate the sandbox certificate", e);
		}
	}

	X509Bundle server() {
		return server;
	}

	X509Bundle ca() {
		return ca;
	}

	String caPem() {
		return ca.getCertificatePEM();
	}

	Path caFile() {
		return caFile;
	}

	/** An SSL context that trusts exactly this CA. */
	SSLContext clientContext() {
		try {
			KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
			trustStore.load(null, null);
			trustStore.setCertificateEntry("ccauth-sandbox-ca", ca.getCertificate());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("cannot build an SSL context for the sandbox CA", e);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(caFile);
		}
		catch (IOException ignored) {
			// a temp file; deleteOnExit is the fallback
		}
	}

}
