package dev.moviedb.events;

import java.util.List;
import java.util.Map;

/**
 * The Kafka topics of MovieDB and the configuration each one must be created with. Deployment files
 * (docker-compose, Strimzi) and the local stack are checked against this list.
 */
public final class Topics {

  /** Full current record of each title, keyed by title id; a tombstone removes the title. */
  public static final String CATALOG_TITLES = "catalog.titles";

  /**
   * One merged record per work (a film or series, whatever the sources that list it), keyed by work
   * id; a tombstone removes the work. Same record type as {@link #CATALOG_TITLES}.
   */
  public static final String CATALOG_WORKS = "catalog.works";

  /**
   * What a user watched or rated, keyed by user id, as read from exports or single events, resolved
   * to catalogue titles where they are read (the one stream every consumer of watch events reads).
   */
  public static final String WATCH_EVENTS = "user.watch-events";

  /**
   * What people did with recommended titles (impressions, clicks, likes, dislikes), keyed by user
   * id ({@link FeedbackGiven}): acceptance per ranking variant is counted from it, and likes and
   * dislikes become the user's taste.
   */
  public static final String FEEDBACK = "user.feedback";

  /** Suffix of the dead-letter topic that belongs to each consumed topic. */
  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  /** Every topic with its partitions and its topic-level configuration. */
  public static final List<TopicSpec> ALL =
      List.of(
          new TopicSpec(
              CATALOG_TITLES,
              3,
              Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")),
          new TopicSpec(
              CATALOG_WORKS,
              3,
              Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")),
          new TopicSpec(WATCH_EVENTS, 3, Map.of("cleanup.policy", "delete", "retention.ms", "-1")),
          // Feedback is personal and only needed until it is counted and applied: 28 days.
          new TopicSpec(
              FEEDBACK, 3, Map.of("cleanup.policy", "delete", "retention.ms", "2419200000")),
          new TopicSpec(
              CATALOG_TITLES + DEAD_LETTER_SUFFIX,
              1,
              Map.of("cleanup.policy", "delete", "retention.ms", "2592000000")),
          new TopicSpec(
              CATALOG_WORKS + DEAD_LETTER_SUFFIX,
              1,
              Map.of("cleanup.policy", "delete", "retention.ms", "2592000000")),
          new TopicSpec(
              WATCH_EVENTS + DEAD_LETTER_SUFFIX,
              1,
              Map.of("cleanup.policy", "delete", "retention.ms", "2592000000")),
          new TopicSpec(
              FEEDBACK + DEAD_LETTER_SUFFIX,
              1,
              Map.of("cleanup.policy", "delete", "retention.ms", "2419200000")));

  private Topics() {}

  /** A topic's name, partition count and topic-level configs. */
  public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
      configs = Map.copyOf(configs);
    }
  }
}
