package dev.ccauth.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.ccauth.token.AccessToken;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSealTests {

	private static final byte[] SALT = "identity-hash".getBytes(StandardCharsets.UTF_8);

	private final AccessToken token = new AccessToken("tok-en.value~1/2+3=", Instant.ofEpochMilli(1_000),
			Instant.ofEpochMilli(3_601_000), Set.of("users:readonly"), Map.of("tenantId", "t-1", "n", 3));

	@Test
	void opensWhatItSealedWithEverythingTheSourceNeeds() {
		TokenSeal seal = seal("secret", "key");
		AccessToken opened = seal.open(seal.seal(this.token)).orElseThrow();
		assertThat(opened.value()).isEqualTo(this.token.value());
		assertThat(opened.obtainedAt()).isEqualTo(this.token.obtainedAt());
		assertThat(opened.expiresAt()).isEqualTo(this.token.expiresAt());
		assertThat(opened.scopes()).isEqualTo(this.token.scopes());
		assertThat(opened.claims()).containsEntry("tenantId", "t-1").containsEntry("n", 3);
	}

	@Test
	void otherCredentialsAnotherKeyOrAnyChangeDoNotOpen() {
		String entry = seal("secret", "key").seal(this.token);
		assertThat(seal("another secret", "key").open(entry)).isEmpty();
		assertThat(seal("secret", "another key").open(entry)).as("moved under another key").isEmpty();
		char[] chars = entry.toCharArray();
		int last = chars.length - 2;
		chars[last] = (chars[last] == 'A') ? 'B' : 'A';
		assertThat(seal("secret", "key").open(new String(chars))).as("tampered").isEmpty();
		assertThat(seal("secret", "key").open("v1.x.y")).isEmpty();
		assertThat(seal("secret", "key").open("not an entry")).isEmpty();
	}

	@Test
	void theFingerprintNamesTheTokenOnlyForHoldersOfTheCredentials() {
		TokenSeal seal = seal("secret", "key");
		String first = seal.seal(this.token);
		String second = seal.seal(this.token);
		assertThat(first).isNotEqualTo(second).as("a fresh nonce each time");
		assertThat(first).startsWith(seal.prefixOf(this.token));
		assertThat(second).startsWith(seal.prefixOf(this.token));
		assertThat(seal("another secret", "key").prefixOf(this.token)).isNotEqualTo(seal.prefixOf(this.token));
		Secrets.assertNoneIn(Map.of("key", first), List.of(this.token.value(), "secret"));
	}

	@Test
	void theFingerprintOutsideTheCiphertextMustMatchIt() {
		TokenSeal seal = seal("secret", "key");
		AccessToken other = new AccessToken("other", Instant.EPOCH, Instant.ofEpochSecond(60), Set.of(), Map.of());
		String entry = seal.seal(this.token);
		String swapped = seal.prefixOf(other) + entry.substring(seal.prefixOf(this.token).length());
		assertThat(seal.open(swapped)).isEmpty();
	}

	private static TokenSeal seal(String secret, String key) {
		return new TokenSeal(SALT, secret.getBytes(StandardCharsets.UTF_8), key);
	}

}
