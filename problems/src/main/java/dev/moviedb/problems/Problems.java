package dev.moviedb.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds the error answers: every service turns its failures into problems through here. */
public final class Problems {

  private Problems() {}

  /** A problem answer of the given status and kind. */
  public static Response response(
      int status, String kind, String title, String detail, UriInfo uri) {
    return response(
        new Problem(type(kind), title, status, detail, path(uri), null, null, null, null));
  }

  /** A 400 naming the parameter at fault. */
  public static Response badParameter(String parameter, String detail, UriInfo uri) {
    return response(
        new Problem(
            type("bad-parameter"),
            "A parameter has a value the service cannot use",
            400,
            detail,
            path(uri),
            parameter,
            null,
            null,
            null));
  }

  /** A 400 naming the field of the request body at fault. */
  public static Response badField(String field, String detail, UriInfo uri) {
    return response(
        new Problem(
            type("bad-field"),
            "A field of the request has a value the service cannot use",
            400,
            detail,
            path(uri),
            null,
            field,
            null,
            null));
  }

  /** A 400 listing several invalid parameters or fields; the first one is named at the top. */
  static Response invalid(List<Problem.Violation> errors, UriInfo uri) {
    Problem.Violation first = errors.get(0);
    String detail =
        errors.size() == 1
            ? first.detail()
            : String.join("; ", errors.stream().map(Problem.Violation::detail).toList());
    return response(
        new Problem(
            type(first.field() != null ? "bad-field" : "bad-parameter"),
            "The request has values the service cannot use",
            400,
            detail,
            path(uri),
            first.parameter(),
            first.field(),
            null,
            errors.size() > 1 ? errors : null));
  }

  public static Response response(Problem problem) {
    Response.ResponseBuilder answer =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 503 || problem.status() == 429) {
      answer.header("Retry-After", "5");
    }
    return answer.build();
  }

  static String type(String kind) {
    return Problem.type(kind);
  }

  static String path(UriInfo uri) {
    return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
  }
}
