package dev.moviedb.taste.adapter.in.rest;

import dev.moviedb.access.UserAccess;
import dev.moviedb.access.UserId;
import dev.moviedb.taste.application.ManageProfiles;
import dev.moviedb.taste.domain.UserExport;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * {@code /v1/users/{userId}}: what is stored about a user, all of it as an export, and erasing it.
 * Each needs the user's own token, or the admin role.
 */
@Path("/v1/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

  /**
   * The answer of a delete: the Redis keys that existed and are gone, and when; the erasure is also
   * published to the other consumers of the user's events.
   */
  public record Deleted(String userId, Instant erasedAt, List<String> removedKeys) {}

  private final ManageProfiles profiles;

  public ProfileResource(ManageProfiles profiles) {
    this.profiles = profiles;
  }

  @GET
  @Path("/profile")
  @PermissionsAllowed(UserAccess.USER_DATA)
  public Response profile(@PathParam("userId") @UserId String userId) {
    return profiles
        .profile(userId)
        .map(p -> Response.ok(p).build())
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no taste profile for user "
                        + userId
                        + ": nothing was uploaded or resolved for them yet"));
  }

  @GET
  @Path("/export")
  @Blocking
  @PermissionsAllowed(UserAccess.USER_DATA)
  public UserExport export(@PathParam("userId") @UserId String userId) {
    return profiles.export(userId);
  }

  @DELETE
  @PermissionsAllowed(UserAccess.USER_DATA)
  public Deleted delete(@PathParam("userId") @UserId String userId) {
    ManageProfiles.Erasure erased = profiles.delete(userId);
    return new Deleted(erased.userId(), erased.erasedAt(), erased.removedKeys());
  }
}
