package dev.moviedb.testing;

import dev.moviedb.identity.LocalIssuer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Tokens for tests: the local issuer with a key pair of the test JVM's module (under {@code
 * java.io.tmpdir}, which the build points into {@code target/}), made on first use. The application
 * under test verifies them with the public key {@link TestIssuerConfigSource} gives it.
 */
public final class TestIssuer {

  private TestIssuer() {}

  /** Where the test issuer's keys are (as {@code $MOVIEDB_HOME/issuer} on the local stack). */
  public static Path directory() {
    return Path.of(System.getProperty("java.io.tmpdir"), "moviedb-test-issuer");
  }

  public static LocalIssuer issuer() {
    return LocalIssuer.createOrLoad(directory());
  }

  /** A bearer token of the user, without roles. */
  public static String token(String userId) {
    return issuer().token(userId, false, Duration.ofHours(1));
  }

  /** A bearer token with the admin role. */
  public static String admin() {
    return issuer().token("test-admin", true, Duration.ofHours(1));
  }

  /** {@code Bearer <token>} of the user. */
  public static String bearer(String userId) {
    return "Bearer " + token(userId);
  }

  /** {@code Bearer <token>} with the admin role. */
  public static String bearerAdmin() {
    return "Bearer " + admin();
  }
}
