package dev.moviedb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What a person did with one recommended title, published on {@link Topics#FEEDBACK} with the user
 * id as key (no key for a person who is not signed in). Acceptance per ranking variant is counted
 * from these; likes and dislikes of a signed-in user also move their taste.
 *
 * @param eventId unique per event (a random UUID given where the feedback is received)
 * @param userId the signed-in user, or null for someone who is not signed in
 * @param kind what they did
 * @param titleId the catalogue title the feedback is about
 * @param title the title's name as it was shown, when known
 * @param listId the list the title was shown in ({@code meta.listId} of the answer), when known
 * @param variant the ranking variant that served the list ({@code meta.variant})
 * @param experiment the experiment the variant belongs to ({@code meta.experiment})
 * @param position the title's place in that list, from 1, when known
 * @param occurredAt when it happened
 * @param source where it came from, e.g. {@code web} (the page) or {@code api}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackGiven(
    int schemaVersion,
    String eventId,
    String userId,
    FeedbackKind kind,
    String titleId,
    String title,
    String listId,
    String variant,
    String experiment,
    Integer position,
    Instant occurredAt,
    String source) {

  public static final int SCHEMA_VERSION = 1;
}
