package dev.moviedb.testing;

import dev.moviedb.identity.LocalIssuer;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes every Quarkus application under test verify {@link TestIssuer}'s tokens, as the local stack
 * does with its own issuer: the public key and the issuer name. Only on the test classpath.
 */
public final class TestIssuerConfigSource implements ConfigSource {

  private Map<String, String> properties;

  private synchronized Map<String, String> properties() {
    if (properties == null) {
      properties =
          Map.of(
              "quarkus.oidc.public-key",
              TestIssuer.issuer().publicKeyBase64(),
              "quarkus.oidc.token.issuer",
              LocalIssuer.ISSUER);
    }
    return properties;
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties().keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties().get(propertyName);
  }

  @Override
  public String getName() {
    return "moviedb-test-issuer";
  }

  @Override
  public int getOrdinal() {
    return 200; // above the defaults of the access module (100), below application.properties
  }
}
