package dev.moviedb.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer of every MovieDB service: an RFC 9457 problem document ({@code
 * application/problem+json}) with the members a client acts on.
 *
 * @param type a URI naming the kind of problem ({@code urn:moviedb:problem:<kind>})
 * @param title the kind in words, the same for every problem of that type
 * @param status the HTTP status
 * @param detail what went wrong in this request, naming the parameter, field, file or line
 * @param instance the request path
 * @param parameter the query or path parameter at fault, if one is
 * @param field the field of the request body at fault, if one is
 * @param errorId for a failure of ours (500): the id under which the log holds the details
 * @param errors every problem, when there are several (each names its parameter or field)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String parameter,
    String field,
    String errorId,
    List<Violation> errors) {

  /** The media type of a problem document. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid parameter or field among several. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Violation(String parameter, String field, String detail) {}

  /** The URI of a kind of problem. */
  public static String type(String kind) {
    return "urn:moviedb:problem:" + kind;
  }
}
