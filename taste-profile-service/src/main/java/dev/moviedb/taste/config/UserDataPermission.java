package dev.moviedb.taste.config;

import dev.moviedb.access.UserAccess;
import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The check behind {@code @PermissionsAllowed(UserAccess.USER_DATA)} on this service's user
 * endpoints: the access module's rule, against the endpoint's {@code userId}.
 */
@ApplicationScoped
public class UserDataPermission {

  @PermissionChecker(UserAccess.USER_DATA)
  boolean mayActFor(SecurityIdentity identity, String userId) {
    return UserAccess.allows(identity, userId);
  }
}
