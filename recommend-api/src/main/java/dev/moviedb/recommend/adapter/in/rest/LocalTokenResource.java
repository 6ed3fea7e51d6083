package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.access.UserId;
import dev.moviedb.identity.LocalIssuer;
import dev.moviedb.problems.Problem;
import dev.moviedb.recommend.config.LocalTokens;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /v1/local/token}: on the local stack only, a bearer token for a user name, so that a
 * web page can sign in without an identity provider. Off (404) unless {@code bin/moviedb} turned it
 * on; even then it answers callers on this machine only, and never gives the admin role ({@code
 * bin/moviedb token USER --admin} does, from the key file).
 */
@Path("/v1/local/token")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocalTokenResource {

  /** The body: the user to sign in as. */
  public record TokenRequest(@NotNull @UserId String user) {}

  /** The answer, to send as {@code Authorization: Bearer <accessToken>}. */
  public record TokenResponse(String accessToken, String tokenType, long expiresIn, String user) {}

  private final LocalTokens tokens;

  public LocalTokenResource(LocalTokens tokens) {
    this.tokens = tokens;
  }

  @POST
  @Operation(summary = "Local stack only: a bearer token for a user name (off elsewhere: 404)")
  @APIResponse(responseCode = "200", description = "The token")
  @APIResponse(
      responseCode = "404",
      description = "Not the local stack: tokens come from the identity provider",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public TokenResponse token(
      @NotNull(message = "send {\"user\": \"a user name\"}") @Valid TokenRequest body,
      @Context HttpServerRequest request) {
    LocalIssuer issuer =
        tokens
            .issuer()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "the local token endpoint is off: it serves the local stack only"
                            + " (bin/moviedb up turns it on); elsewhere tokens come from the"
                            + " identity provider"));
    if (!fromThisMachine(request.remoteAddress())) {
      throw new ForbiddenException(
          "local tokens are given to callers on this machine only; the stack listens on more"
              + " addresses (MOVIEDB_BIND_HOST), but this endpoint does not");
    }
    String token = issuer.token(body.user(), false, tokens.lifetime());
    return new TokenResponse(token, "Bearer", tokens.lifetime().toSeconds(), body.user());
  }

  private static boolean fromThisMachine(SocketAddress address) {
    if (address == null || address.hostAddress() == null) {
      return false;
    }
    try {
      return InetAddress.getByName(address.hostAddress()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
