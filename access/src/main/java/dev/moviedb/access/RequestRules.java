package dev.moviedb.access;

import dev.moviedb.problems.Problems;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Two rules for every request with a body, before the body is read:
 *
 * <ol>
 *   <li><b>No simple cross-site posts.</b> A browser sends a form ({@code
 *       application/x-www-form-urlencoded}, {@code multipart/form-data}), {@code text/plain} or a
 *       body without a type to any site without asking it first (no CORS pre-flight). Such a body
 *       is refused with 415 everywhere, so that no other web page can make a developer's browser
 *       post to their stack; JSON endpoints take {@code application/json}, uploads their file's own
 *       type ({@code text/csv}, {@code application/zip}, {@code application/x-ndjson}).
 *   <li><b>A body size per endpoint.</b> {@link BodyLimit} on the method or its class, else {@code
 *       moviedb.access.max-body-bytes}: a larger declared {@code Content-Length} is a 413, and a
 *       body of unknown length (chunked) is a 411, except where the resource reads the body within
 *       its own limit.
 * </ol>
 */
public class RequestRules {

  private static final Set<String> SIMPLE_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  private final AccessConfig config;

  public RequestRules(AccessConfig config) {
    this.config = config;
  }

  @ServerRequestFilter
  public Response check(ContainerRequestContext request, ResourceInfo resource, UriInfo uri) {
    String method = request.getMethod();
    if (!("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
      return null;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
    long declared = parse(length);
    if (!chunked && declared <= 0) {
      return null; // no body: a command such as POST /v1/index/promote
    }
    MediaType type = request.getMediaType();
    String name =
        type == null ? null : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    if (name == null || SIMPLE_TYPES.contains(name)) {
      return Problems.response(
          415,
          "unsupported-media-type",
          "The body's type is one a web page may post to any site; it is refused",
          (name == null ? "the body has no Content-Type" : "Content-Type " + name + " is refused")
              + ": send JSON as application/json and files with their own type (text/csv,"
              + " application/zip, application/x-ndjson)",
          uri);
    }
    long limit = limit(resource);
    if (limit == BodyLimit.READ_BY_THE_RESOURCE) {
      return null;
    }
    if (chunked && declared < 0) {
      return Problems.response(
          411,
          "length-required",
          "The body must declare its length",
          "send Content-Length with the body (at most " + limit + " bytes here)",
          uri);
    }
    if (declared > limit) {
      return Problems.response(
          413,
          "body-too-large",
          "The request body is larger than this endpoint takes",
          "the body is " + declared + " bytes; this endpoint takes at most " + limit + " bytes",
          uri);
    }
    return null;
  }

  /**
   * A body type the endpoint does not take (JAX-RS refuses it before any filter): the same 415
   * problem, saying what to send, unless the resource explained it itself.
   */
  @ServerExceptionMapper
  public Response unsupported(
      NotSupportedException e, ContainerRequestContext request, UriInfo uri) {
    String message = e.getMessage();
    boolean framework =
        message == null
            || message.startsWith("HTTP 415")
            || message.startsWith("The content-type header value did not match");
    MediaType type = request.getMediaType();
    return Problems.response(
        415,
        "unsupported-media-type",
        "The endpoint does not take a body of this type",
        framework
            ? (type == null
                    ? "the body has no Content-Type"
                    : "Content-Type " + type + " is not taken here")
                + ": send JSON as application/json and files with their own type (text/csv,"
                + " application/zip, application/x-ndjson)"
            : message,
        uri);
  }

  private long limit(ResourceInfo resource) {
    BodyLimit declared = null;
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method != null) {
      declared = method.getAnnotation(BodyLimit.class);
      if (declared == null) {
        declared = method.getDeclaringClass().getAnnotation(BodyLimit.class);
      }
    }
    return declared == null ? config.maxBodyBytes() : declared.value();
  }

  private static long parse(String length) {
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
