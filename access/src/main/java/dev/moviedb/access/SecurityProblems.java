package dev.moviedb.access;

import dev.moviedb.problems.Problem;
import dev.moviedb.problems.Problems;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals of the security layer as problems: 401 without a (valid) bearer token, with {@code
 * WWW-Authenticate: Bearer} (RFC 6750); 403 with a token that does not grant the call.
 * Authentication is lazy ({@code quarkus.http.auth.proactive=false}), so these arrive here as
 * exceptions.
 */
public class SecurityProblems {

  static final String CHALLENGE = "Bearer realm=\"moviedb\"";

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthorized(
        ours(e.getMessage())
            ? e.getMessage()
            : "this endpoint needs a bearer token (Authorization: Bearer ...)",
        CHALLENGE,
        uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthorized(
        "the bearer token is not valid here (expired, not signed by the configured issuer, or for"
            + " another audience)",
        CHALLENGE + ", error=\"invalid_token\"",
        uri);
  }

  @ServerExceptionMapper
  public Response authenticationIncomplete(AuthenticationCompletionException e, UriInfo uri) {
    return authenticationFailed(new AuthenticationFailedException(e), uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return Problems.response(
        403,
        "forbidden",
        "The token does not allow this call",
        ours(e.getMessage())
            ? e.getMessage()
            : "this endpoint needs the admin role, or a token of the user whose data it is",
        uri);
  }

  private static Response unauthorized(String detail, String challenge, UriInfo uri) {
    Response problem =
        Problems.response(401, "unauthorized", "A bearer token is needed", detail, uri);
    return Response.fromResponse(problem)
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .type(Problem.MEDIA_TYPE)
        .build();
  }

  private static boolean ours(String message) {
    return message != null && !message.isBlank() && message.contains(" ");
  }
}
