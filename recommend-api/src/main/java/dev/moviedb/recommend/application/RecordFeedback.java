package dev.moviedb.recommend.application;

import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.events.FeedbackKind;
import dev.moviedb.recommend.application.port.FeedbackPublisher;
import dev.moviedb.recommend.application.port.ServingIndex;
import dev.moviedb.recommend.domain.Experiment;
import dev.moviedb.vectors.store.StoredTitle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Use case: what a person did with recommended titles (saw, opened, liked, disliked) becomes one
 * {@link FeedbackGiven} per title on {@code user.feedback}. Every title must be in the served
 * catalogue; likes and dislikes need a signed-in user (they become that user's taste); the variant
 * is the one the answer named, or, when the caller does not say, the one the user is assigned.
 */
@ApplicationScoped
public class RecordFeedback {

  /** The most events one request may carry: a page of 100 titles, each seen once. */
  public static final int MAX_EVENTS = 100;

  private final FeedbackPublisher publisher;
  private final ServingIndex serving;
  private final RankingVariants variants;
  private final Clock clock;

  @Inject
  public RecordFeedback(
      FeedbackPublisher publisher, ServingIndex serving, RankingVariants variants) {
    this(publisher, serving, variants, Clock.systemUTC());
  }

  RecordFeedback(
      FeedbackPublisher publisher, ServingIndex serving, RankingVariants variants, Clock clock) {
    this.publisher = publisher;
    this.serving = serving;
    this.variants = variants;
    this.clock = clock;
  }

  /** One thing done with one title. */
  public record Item(FeedbackKind kind, String titleId, Integer position) {}

  /**
   * Feedback on titles of one list: who (null when not signed in), which list and variant (null:
   * not known), where it comes from, and the events.
   */
  public record Request(
      String userId, String listId, String variant, String source, List<Item> events) {}

  /** What was published. */
  public record Recorded(int accepted, String experiment, String variant) {}

  public Recorded record(Request request) {
    List<Item> events = request.events() == null ? List.of() : request.events();
    if (events.isEmpty()) {
      throw new InvalidFeedbackException("events", "is empty: send at least one event");
    }
    if (events.size() > MAX_EVENTS) {
      throw new InvalidFeedbackException(
          "events", "has " + events.size() + " entries; at most " + MAX_EVENTS + " per request");
    }
    boolean signedIn = request.userId() != null && !request.userId().isBlank();
    Experiment experiment = variants.experiment();
    String variant = request.variant();
    if (variant == null || variant.isBlank()) {
      variant = signedIn ? experiment.assign(request.userId()).name() : Experiment.ANONYMOUS;
    } else if (!experiment.knows(variant)) {
      throw new InvalidFeedbackException(
          "variant",
          "'"
              + variant
              + "' is not a variant of experiment "
              + experiment.name()
              + "; known: "
              + String.join(", ", experiment.variants().stream().map(v -> v.name()).toList())
              + ", "
              + Experiment.ANONYMOUS
              + ", "
              + Experiment.EXPLICIT);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < events.size(); i++) {
      Item item = events.get(i);
      String at = "events[" + i + "]";
      if (item == null) {
        throw new InvalidFeedbackException(at, "is null");
      }
      if (item.kind() == null) {
        throw new InvalidFeedbackException(
            at + ".kind", "is missing: IMPRESSION, CLICK, LIKE or DISLIKE");
      }
      if (item.titleId() == null || item.titleId().isBlank()) {
        throw new InvalidFeedbackException(at + ".titleId", "is missing");
      }
      if (!signedIn && (item.kind() == FeedbackKind.LIKE || item.kind() == FeedbackKind.DISLIKE)) {
        throw new InvalidFeedbackException(
            "userId",
            "is missing: a "
                + item.kind().name().toLowerCase()
                + " becomes the user's taste, so it needs a signed-in user");
      }
      if (item.position() != null && item.position() < 1) {
        throw new InvalidFeedbackException(at + ".position", "must be 1 or more");
      }
      ids.add(item.titleId().strip());
    }
    Map<String, StoredTitle> titles = serving.current().store().get(ids);
    Instant now = clock.instant();
    List<FeedbackGiven> feedback = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Item item = events.get(i);
      StoredTitle title = titles.get(item.titleId().strip());
      if (title == null) {
        throw new InvalidFeedbackException(
            "events[" + i + "].titleId",
            "'" + item.titleId().strip() + "' is not in the catalogue");
      }
      feedback.add(
          new FeedbackGiven(
              FeedbackGiven.SCHEMA_VERSION,
              UUID.randomUUID().toString(),
              signedIn ? request.userId().strip() : null,
              item.kind(),
              title.titleId(),
              title.title(),
              request.listId(),
              variant,
              experiment.name(),
              item.position(),
              now,
              request.source()));
    }
    publisher.publish(feedback);
    return new Recorded(feedback.size(), experiment.name(), variant);
  }
}
