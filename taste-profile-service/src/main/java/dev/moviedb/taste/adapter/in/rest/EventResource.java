package dev.moviedb.taste.adapter.in.rest;

import dev.moviedb.access.UserAccess;
import dev.moviedb.access.UserId;
import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.RecordEvent;
import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code /v1/users/{userId}/events}: one watch or rating event (the user's token, or admin; a JSON
 * body of at most 64 KiB).
 */
@Path("/v1/users/{userId}/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

  /** The request body; {@code titleId} or {@code title} is required. */
  public record EventRequest(
      @Size(max = 200) String titleId,
      @Size(max = 500) String title,
      @Size(max = 20) String signal,
      @Size(max = 40) String occurredAt,
      @PositiveOrZero @Max(7 * 24 * 3600) Long watchedSeconds,
      @Size(max = 100) String profile) {}

  private final RecordEvent recordEvent;

  public EventResource(RecordEvent recordEvent) {
    this.recordEvent = recordEvent;
  }

  @POST
  @PermissionsAllowed(UserAccess.USER_DATA)
  public Response record(@PathParam("userId") @UserId String userId, @Valid EventRequest request) {
    if (request == null) {
      throw new IllegalArgumentException(
          "send a JSON body like {\"title\": \"Dark\", \"signal\": \"LIKED\"}");
    }
    WatchRecorded event =
        recordEvent.record(
            userId,
            request.titleId(),
            request.title(),
            signal(request.signal()),
            instant(request.occurredAt()),
            request.watchedSeconds(),
            request.profile());
    return Response.accepted(event).build();
  }

  private static Signal signal(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "signal is missing; one of " + Arrays.toString(Signal.values()));
    }
    try {
      return Signal.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "signal '" + value + "' is unknown; one of " + Arrays.toString(Signal.values()));
    }
  }

  private static Instant instant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "occurredAt '" + value + "' is not an ISO instant like 2024-05-06T19:29:13Z");
    }
  }
}
