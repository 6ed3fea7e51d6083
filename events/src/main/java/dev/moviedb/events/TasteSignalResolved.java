package dev.moviedb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A watch event after the embedding worker looked up its title, published on {@link
 * Topics#TASTE_SIGNALS} with the user id as key. When the title could not be resolved, {@code
 * resolved} is false, {@code titleId} and {@code vector} are null, and {@code rawTitle} says what
 * was not found, so that the taste service can report it.
 *
 * @param vector the title's unit-length embedding, produced by {@code modelId}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TasteSignalResolved(
    int schemaVersion,
    String eventId,
    String userId,
    String profile,
    boolean resolved,
    String titleId,
    String title,
    String rawTitle,
    List<String> genres,
    Signal signal,
    Long watchedSeconds,
    Instant occurredAt,
    String source,
    String modelId,
    float[] vector) {

  public static final int SCHEMA_VERSION = 1;
}
