package dev.moviedb.cli.stack;

import dev.moviedb.identity.LocalIssuer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bearer tokens commands send to the local stack, signed with its local issuer's key (the key
 * pair {@code bin/moviedb up} made under {@code $MOVIEDB_HOME/issuer}): an admin's for operations
 * (imports, the index), a user's for what a user does (a history upload).
 */
public final class StackTokens {

  /** Long enough for the longest benchmark or re-embed. */
  static final Duration LIFETIME = Duration.ofHours(8);

  /** The subject of the commands' admin tokens. */
  static final String OPERATOR = "moviedb-cli";

  private final Path directory;
  private LocalIssuer issuer;
  private String admin;

  public StackTokens(Path directory) {
    this.directory = directory;
  }

  /** {@code Bearer <token>} with the admin role. */
  public synchronized String adminBearer() {
    if (admin == null) {
      admin = "Bearer " + issuer().token(OPERATOR, true, LIFETIME);
    }
    return admin;
  }

  /** {@code Bearer <token>} of the user, without roles. */
  public String userBearer(String userId) {
    return "Bearer " + issuer().token(userId, false, LIFETIME);
  }

  private synchronized LocalIssuer issuer() {
    if (issuer == null) {
      issuer = LocalIssuer.createOrLoad(directory);
    }
    return issuer;
  }
}
