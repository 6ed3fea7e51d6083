package dev.moviedb.taste.adapter.in.rest;

import dev.moviedb.taste.application.ManageProfiles;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /v1/users/{userId}}: what is stored about a user, and erasing it. */
@Path("/v1/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

  /** The answer of a delete: the Redis keys that existed and are gone. */
  public record Deleted(String userId, List<String> removedKeys) {}

  private final ManageProfiles profiles;

  public ProfileResource(ManageProfiles profiles) {
    this.profiles = profiles;
  }

  @GET
  @Path("/profile")
  public Response profile(@PathParam("userId") String userId) {
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

  @DELETE
  public Deleted delete(@PathParam("userId") String userId) {
    return new Deleted(userId, profiles.delete(userId));
  }
}
