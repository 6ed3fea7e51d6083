package dev.moviedb.recommend.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.moviedb.access.UserAccess;
import dev.moviedb.access.UserId;
import dev.moviedb.events.FeedbackKind;
import dev.moviedb.problems.Problem;
import dev.moviedb.recommend.application.RecordFeedback;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /v1/feedback}: what a person did with recommended titles. Anyone may report what they
 * saw and opened; feedback naming a {@code userId} (a like or a dislike becomes that user's taste)
 * needs their bearer token or the admin role.
 */
@Path("/v1/feedback")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

  /** The body: who, which list, and what they did with which titles. */
  public record FeedbackBody(
      @Schema(description = "the signed-in user; absent for someone not signed in") @UserId
          String userId,
      @Schema(description = "meta.listId of the answer the titles were shown in") @Size(max = 64)
          String listId,
      @Schema(
              description =
                  "meta.variant of that answer; absent: the user's variant (anonymous without a"
                      + " user)")
          @Size(max = 40)
          String variant,
      @Schema(description = "where the feedback comes from (default api)")
          @Pattern(regexp = "[a-z0-9-]{1,20}", message = "must be a short name such as web")
          String source,
      @Schema(description = "what was done, one entry per title and kind")
          @NotNull(message = "are missing: send at least one event")
          @Size(min = 1, max = RecordFeedback.MAX_EVENTS)
          List<@NotNull @Valid FeedbackEvent> events) {}

  /** One thing done with one title. */
  public record FeedbackEvent(
      @Schema(description = "IMPRESSION (shown), CLICK (opened), LIKE or DISLIKE")
          @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
          @NotNull(message = "is missing: IMPRESSION, CLICK, LIKE or DISLIKE")
          FeedbackKind kind,
      @Schema(description = "the catalogue title") @NotBlank @Size(max = 200) String titleId,
      @Schema(description = "its place in the list, from 1") @Min(1) @Max(1100) Integer position) {}

  /** The answer: how many events were kept, and the variant they count for. */
  public record Accepted(int accepted, String experiment, String variant) {}

  private final RecordFeedback feedback;
  private final SecurityIdentity identity;

  public FeedbackResource(RecordFeedback feedback, SecurityIdentity identity) {
    this.feedback = feedback;
    this.identity = identity;
  }

  @POST
  @Operation(
      summary =
          "Record impressions, clicks, likes and dislikes (user.feedback): acceptance per ranking"
              + " variant, and a signed-in user's likes and dislikes become their taste")
  @APIResponse(responseCode = "202", description = "Kept: counted and learnt from shortly")
  @APIResponse(
      responseCode = "400",
      description = "A field the service cannot use; the problem names it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "401",
      description = "A userId was given without a bearer token",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "A userId was given with a token of another user (and no admin role)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description = "Kafka did not keep the feedback; send it again",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response record(
      @NotNull(message = "send a JSON body with events") @Valid FeedbackBody body) {
    if (body.userId() != null && !body.userId().isBlank()) {
      UserAccess.require(identity, body.userId().strip());
    }
    RecordFeedback.Recorded recorded =
        feedback.record(
            new RecordFeedback.Request(
                body.userId(),
                body.listId(),
                body.variant(),
                body.source() == null ? "api" : body.source(),
                body.events().stream()
                    .map(e -> new RecordFeedback.Item(e.kind(), e.titleId(), e.position()))
                    .toList()));
    return Response.accepted(
            new Accepted(recorded.accepted(), recorded.experiment(), recorded.variant()))
        .build();
  }
}
