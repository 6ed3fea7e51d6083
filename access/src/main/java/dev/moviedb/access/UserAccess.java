package dev.moviedb.access;

import dev.moviedb.identity.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The rule of a user's endpoints: the caller's token has that user as its subject, or the admin
 * role. Endpoints with a {@code userId} path parameter declare it with
 * {@code @PermissionsAllowed(UserAccess.USER_DATA)}: the service's {@code @PermissionChecker} of
 * that name calls {@link #allows} (Quarkus refuses a checker that no endpoint uses, so each service
 * with such endpoints declares its own). An endpoint where the user is optional (a recommendation
 * with or without a taste) calls {@link #require} when one is given.
 */
public final class UserAccess {

  /** The permission of a user's own data, checked against the method's {@code userId}. */
  public static final String USER_DATA = "user-data";

  private UserAccess() {}

  /** Whether the identity may read or change what is stored about {@code userId}. */
  public static boolean allows(SecurityIdentity identity, String userId) {
    if (identity == null || identity.isAnonymous()) {
      return false;
    }
    return identity.hasRole(Roles.ADMIN)
        || (userId != null && userId.equals(identity.getPrincipal().getName()));
  }

  /** 401 without a token, 403 with a token of another user (and not admin). */
  public static void require(SecurityIdentity identity, String userId) {
    if (identity == null || identity.isAnonymous()) {
      throw new UnauthorizedException(
          "the data of user " + userId + " needs a bearer token of that user");
    }
    if (!allows(identity, userId)) {
      throw new ForbiddenException(
          "the token is for user "
              + identity.getPrincipal().getName()
              + ", not for "
              + userId
              + ", and has no admin role");
    }
  }
}
