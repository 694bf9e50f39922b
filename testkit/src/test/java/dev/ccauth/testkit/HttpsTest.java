package dev.ccauth.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsTest {

	private static Sandbox sandbox;

	@BeforeAll
	static void start() {
		sandbox = Sandbox.builder().https(true).start();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void servesHttpsWithACertificateTheSslContextTrusts() {
		assertThat(sandbox.isHttps()).isTrue();
		assertThat(sandbox.baseUrl()).isEqualTo("https://127.0.0.1:" + sandbox.port());
		assertThat(sandbox.genesysTokenUri()).startsWith("https://");

		Http http = new Http(sandbox);
		assertThat(http.get("/api/v2/users", http.genesysToken()).status()).isEqualTo(200);
		assertThat(http.get(CxoneTest.AGENTS, http.cxoneToken()).status()).isEqualTo(200);
		assertThat(http.get("https://localhost:" + sandbox.port() + "/.well-known/openid-configuration")
			.json()
			.get("issuer")
			.asString()).isEqualTo("https://localhost:" + sandbox.port());
	}

	@Test
	void theCaIsExportedAsPemStringAndFile() throws Exception {
		String pem = sandbox.caCertificatePem();
		Path file = sandbox.caCertificateFile();

		assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----");
		assertThat(Files.readString(file)).isEqualTo(pem);
		X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
		assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
		assertThat(ca.getSubjectX500Principal().getName()).contains("ccauth sandbox");
	}

	@Test
	void theServerCertificateNamesLoopbackAndLocalhost() throws Exception {
		HttpClient client = HttpClient.newBuilder().sslContext(sandbox.sslContext()).build();
		HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/")).build(),
				HttpResponse.BodyHandlers.discarding());
		X509Certificate server = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];

		assertThat(server.getSubjectAlternativeNames()).map(san -> (Object) san.get(1))
			.contains("127.0.0.1", "localhost");
	}

	@Test
	void aClientThatDoesNotTrustTheSandboxFails() throws Exception {
		HttpClient untrusting = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();

		assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/")).build(),
				HttpResponse.BodyHandlers.discarding()))
			.isInstanceOf(IOException.class);
	}

	@Test
	void closingDeletesTheCaFile() {
		Sandbox other = Sandbox.builder().https(true).start();
		Path file = other.caCertificateFile();
		assertThat(file).exists();
		assertThat(other.caCertificatePem()).isNotEqualTo(sandbox.caCertificatePem());

		other.close();
		other.close();

		assertThat(file).doesNotExist();
	}

	@Test
	void overHttpThereIsNoCertificateButAnSslContextAllTheSame() {
		try (Sandbox plain = Sandbox.start()) {
			assertThat(plain.isHttps()).isFalse();
			assertThat(plain.baseUrl()).startsWith("http://127.0.0.1:");
			assertThat(plain.caCertificatePem()).isNull();
			assertThat(plain.caCertificateFile()).isNull();
			assertThat(plain.sslContext()).isNotNull();
			try {
				assertThat(new Http(plain).genesysToken()).isNotBlank();
			}
			catch (UncheckedIOException e) {
				throw new AssertionError(e);
			}
		}
	}

}
