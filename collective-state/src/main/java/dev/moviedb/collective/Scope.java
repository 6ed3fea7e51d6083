package dev.moviedb.collective;

import dev.moviedb.events.WatchedOn;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where popularity is counted: everywhere ({@link #GLOBAL}) or on one streaming service in one
 * country. Services are lower case ({@code netflix}), countries ISO 3166 alpha-2 upper case ({@code
 * NL}); {@link #key()} names the scope in Redis keys.
 */
public record Scope(String service, String country) {

  public static final Scope GLOBAL = new Scope(null, null);

  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public Scope {
    if ((service == null) != (country == null)) {
      throw new IllegalArgumentException("a scope needs both service and country, or neither");
    }
    if (service != null && !SERVICE.matcher(service).matches()) {
      throw new IllegalArgumentException(
          "service '" + service + "' is not a lower-case name of letters, digits and '-'");
    }
    if (country != null && !COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException(
          "country '" + country + "' is not an ISO 3166 alpha-2 code such as NL");
    }
  }

  /** The scope of a service and country in any case, e.g. ("Netflix", "nl"). */
  public static Scope of(String service, String country) {
    if (service == null || service.isBlank() || country == null || country.isBlank()) {
      throw new IllegalArgumentException("service and country are both needed");
    }
    return new Scope(
        service.strip().toLowerCase(Locale.ROOT), country.strip().toUpperCase(Locale.ROOT));
  }

  /** The scope an event names, or empty-handed {@link #GLOBAL} when it names none. */
  public static Scope of(WatchedOn where) {
    if (where == null || where.service() == null || where.country() == null) {
      return GLOBAL;
    }
    return of(where.service(), where.country());
  }

  public boolean isGlobal() {
    return service == null;
  }

  /** {@code global} or {@code <service>:<country>}, e.g. {@code netflix:NL}. */
  public String key() {
    return isGlobal() ? "global" : service + ":" + country;
  }

  /** The scope named by {@link #key()}. */
  public static Scope parse(String key) {
    if ("global".equals(key)) {
      return GLOBAL;
    }
    int colon = key.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("scope key '" + key + "' is neither global nor s:CC");
    }
    return new Scope(key.substring(0, colon), key.substring(colon + 1));
  }

  @Override
  public String toString() {
    return key();
  }
}
