package dev.ccauth.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the redactor masks: every form of a secret, and the shapes that carry credentials.
 */
class RedactorTests {

	@Test
	void everyEncodingOfASecretIsMasked() {
		String secret = "s3cr+t/with=chars& and%";
		Redactor redactor = Redactor.of("client", List.of(secret));
		String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
		String basic = java.util.Base64.getEncoder()
			.encodeToString(("client:" + encoded).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(redactor.redact("raw " + secret + " form " + encoded + " basic-value " + basic))
			.isEqualTo("raw ****** form ****** basic-value ******");
	}

	@Test
	void credentialShapesAreMaskedWhateverTheirValue() {
		Redactor redactor = Redactor.of(null, List.of());
		assertThat(redactor.redact("Authorization: Bearer abc.def-ghi Basic Zm9vOmJhcg== client_secret=x&password=y"))
			.isEqualTo("Authorization: Bearer ****** Basic ****** client_secret=******&password=******");
		assertThat(redactor.redact("{\"access_token\":\"abc\",\"refresh_token\":\"def\"}"))
			.isEqualTo("{\"access_token\":\"******\",\"refresh_token\":\"******\"}");
	}

	@Test
	void aShortSecretIsMaskedWhereItStandsAloneNotInsideWords() {
		Redactor redactor = Redactor.of("a", List.of("y"));
		assertThat(redactor.redact("genesys/default refused secret y"))
			.isEqualTo("genesys/default refused secret ******");
	}

}
