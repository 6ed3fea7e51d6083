package dev.moviedb.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Field;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures every service shares, as problems: invalid parameters and fields (Bean Validation),
 * unreadable JSON, HTTP-level refusals, a dependency that does not answer (503), and our own bugs
 * (500 with an error id that the log repeats with the stack trace). A service maps its own domain
 * exceptions with {@link Problems}.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response badParameter(BadParameterException e, UriInfo uri) {
    return Problems.badParameter(e.parameter(), e.getMessage(), uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<Problem.Violation> errors = new ArrayList<>();
    e.getConstraintViolations().stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(v -> errors.add(violation(v)));
    if (errors.isEmpty()) {
      return Problems.badParameter(null, e.getMessage(), uri);
    }
    return Problems.invalid(errors, uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    String field = null;
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      // events[0].kind: a name after a dot, an index in brackets
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
        } else {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      field = path.toString();
    }
    String detail =
        "the request body is not the JSON expected"
            + (field != null ? " at " + field : "")
            + ": "
            + e.getOriginalMessage();
    return Problems.badField(field, detail, uri);
  }

  /**
   * A value of the wrong shape (an unknown enum constant, text for a number): Quarkus' own mapper
   * of this type would answer plain JSON, so it is mapped here, as a problem naming the field.
   */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return unreadableJson(e, uri);
  }

  @ServerExceptionMapper
  public Response dependencyDown(DependencyUnavailableException e, UriInfo uri) {
    LOG.warnf("%s unavailable: %s", e.dependency(), e.getMessage());
    return Problems.response(
        503,
        "dependency-unavailable",
        "A service MovieDB depends on does not answer; try again shortly",
        e.getMessage(),
        uri);
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status == 404 && e.getCause() instanceof BadParameterException bad) {
      // JAX-RS wraps a query or path parameter that cannot be converted in a 404 (spec 3.2);
      // NumberParameters says which parameter it was.
      return badParameter(bad, uri);
    }
    String reason =
        Response.Status.fromStatusCode(status) == null
            ? "HTTP " + status
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    // A message of our own says more than the framework's ("HTTP 404 Not Found", "Unable to
    // find matching target resource method").
    boolean ours =
        e.getMessage() != null
            && !e.getMessage().startsWith("HTTP " + status)
            && !e.getMessage().startsWith("Unable to find matching target resource");
    String detail =
        ours ? e.getMessage() : status == 404 ? "no such resource: " + Problems.path(uri) : reason;
    return Problems.response(status, "http-" + status, reason, detail, uri);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e, UriInfo uri) {
    if (isOutage(e)) {
      LOG.warnf("a dependency does not answer: %s", rootMessage(e));
      return Problems.response(
          503,
          "dependency-unavailable",
          "A service MovieDB depends on does not answer; try again shortly",
          rootMessage(e),
          uri);
    }
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(e, "unexpected failure, error id %s", errorId);
    return Problems.response(
        new Problem(
            Problems.type("internal"),
            "An unexpected failure of MovieDB; the error id finds it in the log",
            500,
            "internal error " + errorId,
            Problems.path(uri),
            null,
            null,
            errorId,
            null));
  }

  /**
   * Whether the failure is a dependency that cannot be reached or did not answer in time (worth
   * trying again), rather than something wrong with the request or the record.
   */
  public static boolean isOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DependencyUnavailableException
          || t instanceof ConnectException
          || t instanceof SocketTimeoutException
          || t instanceof TimeoutException) {
        return true;
      }
      String name = t.getClass().getName();
      if (name.endsWith("ConnectTimeoutException")
          || name.endsWith("ConnectionPoolTooBusyException")
          || (t.getMessage() != null && t.getMessage().contains("Connection refused"))) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** One violation: the parameter (query, path, header) or body field it concerns. */
  private static Problem.Violation violation(ConstraintViolation<?> v) {
    String name = null;
    boolean parameter = false;
    for (Path.Node node : v.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.PROPERTY) {
        name = node.getName();
        parameter = node.getKind() == ElementKind.PARAMETER;
      }
    }
    String httpName = v.getLeafBean() == null ? null : httpName(v.getLeafBean().getClass(), name);
    if (httpName != null) {
      name = httpName;
      parameter = true;
    }
    String detail = (name == null ? "" : name + " ") + v.getMessage();
    return parameter
        ? new Problem.Violation(name, null, detail)
        : new Problem.Violation(null, name, detail);
  }

  /** The HTTP name of a bean's field annotated as a parameter ({@code @QueryParam} etc.). */
  private static String httpName(Class<?> bean, String fieldName) {
    if (fieldName == null) {
      return null;
    }
    try {
      Field f = bean.getDeclaredField(fieldName);
      if (f.getAnnotation(QueryParam.class) != null) {
        return f.getAnnotation(QueryParam.class).value();
      }
      if (f.getAnnotation(PathParam.class) != null) {
        return f.getAnnotation(PathParam.class).value();
      }
      if (f.getAnnotation(HeaderParam.class) != null) {
        return f.getAnnotation(HeaderParam.class).value();
      }
      if (f.getAnnotation(FormParam.class) != null) {
        return f.getAnnotation(FormParam.class).value();
      }
      if (f.getAnnotation(CookieParam.class) != null) {
        return f.getAnnotation(CookieParam.class).value();
      }
    } catch (NoSuchFieldException e) {
      // not a field of the bean: a method parameter or a body property
    }
    return null;
  }
}
