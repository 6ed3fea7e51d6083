package dev.moviedb.identity;

/**
 * The roles MovieDB's services grant on. A token carries them in its {@code groups} claim (the
 * local issuer, most providers) or as Keycloak realm roles ({@code realm_access.roles});
 * quarkus-oidc reads both. A user needs no role: their own endpoints go by the token's subject.
 */
public final class Roles {

  /** Catalogue imports, titles, availability, works, the index, and every user's data. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
