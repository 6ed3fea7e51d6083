package dev.moviedb.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssuerTest {

  @TempDir Path dir;

  @Test
  void firstUse_makesAKeyPairThatOnlyItsOwnerReads_andLaterUsesKeepIt() throws Exception {
    LocalIssuer first = LocalIssuer.createOrLoad(dir.resolve("issuer"));
    LocalIssuer again = LocalIssuer.createOrLoad(dir.resolve("issuer"));

    assertThat(again.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(
                    dir.resolve("issuer").resolve(LocalIssuer.PRIVATE_KEY_FILE))))
        .isEqualTo("rw-------");
  }

  @Test
  void token_isSignedForTheUserWithTheAdminRoleOnlyWhenAsked() throws Exception {
    LocalIssuer issuer = LocalIssuer.createOrLoad(dir);

    JwtClaims user = verify(issuer, issuer.token("anna", false, Duration.ofHours(1)));
    JwtClaims admin = verify(issuer, issuer.token("ops", true, Duration.ofHours(1)));

    assertThat(user.getSubject()).isEqualTo("anna");
    assertThat(user.getStringListClaimValue("groups")).isEmpty();
    assertThat(admin.getStringListClaimValue("groups")).containsExactly(Roles.ADMIN);
    assertThat(user.getIssuer()).isEqualTo(LocalIssuer.ISSUER);
    assertThat(user.getAudience()).containsExactly(LocalIssuer.AUDIENCE);
  }

  @Test
  void token_ofAnotherIssuersKey_doesNotVerify() {
    LocalIssuer mine = LocalIssuer.createOrLoad(dir.resolve("a"));
    LocalIssuer other = LocalIssuer.createOrLoad(dir.resolve("b"));

    assertThatThrownBy(() -> verify(mine, other.token("anna", true, Duration.ofMinutes(5))))
        .isInstanceOf(InvalidJwtException.class);
  }

  @Test
  void token_forAnInvalidUserIdOrLifetime_isRefusedNamingTheRule() {
    LocalIssuer issuer = LocalIssuer.createOrLoad(dir);

    assertThatThrownBy(() -> issuer.token("anna/../bert", false, Duration.ofHours(1)))
        .hasMessageContaining(UserIds.MESSAGE);
    assertThatThrownBy(() -> issuer.token("anna", false, Duration.ofDays(30)))
        .hasMessageContaining("7 days");
  }

  @Test
  void load_withoutKeys_saysHowToMakeThem() {
    assertThatThrownBy(() -> LocalIssuer.load(dir)).hasMessageContaining("bin/moviedb up");
  }

  private static JwtClaims verify(LocalIssuer issuer, String token) throws InvalidJwtException {
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setVerificationKey(issuer.publicKey())
            .setExpectedIssuer(LocalIssuer.ISSUER)
            .setExpectedAudience(LocalIssuer.AUDIENCE)
            .setRequireExpirationTime()
            .build();
    return consumer.processToClaims(token);
  }
}
