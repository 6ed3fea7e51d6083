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
   * A tombstone (the user id, no value) says the user was erased: every consumer forgets the user's
   * events before it (docs/PRIVACY.md).
   */
  public static final String WATCH_EVENTS = "user.watch-events";

  /**
   * Header of an erasure tombstone on {@link #WATCH_EVENTS}: the erasure time, epoch milliseconds
   * as text (the record's own timestamp when absent).
   */
  public static final String ERASED_AT_HEADER = "moviedb-erased-at";

  /** Suffix of the dead-letter topic that belongs to each consumed topic. */
  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  /**
   * How long the user topics keep a record: 28 days, rolled daily, so that every event, dead letter
   * and erasure tombstone of a user is gone from Kafka within 29 days of being written
   * (docs/PRIVACY.md: Redis keeps the taste; the topics carry events, they do not archive them).
   */
  public static final long USER_RETENTION_MS = 28L * 24 * 60 * 60 * 1000;

  /** The segment roll of the user topics: retention deletes whole segments only. */
  public static final long USER_SEGMENT_MS = 24L * 60 * 60 * 1000;

  private static final Map<String, String> USER_TOPIC =
      Map.of(
          "cleanup.policy",
          "delete",
          "retention.ms",
          Long.toString(USER_RETENTION_MS),
          "segment.ms",
          Long.toString(USER_SEGMENT_MS));

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
          new TopicSpec(WATCH_EVENTS, 3, USER_TOPIC),
          new TopicSpec(
              CATALOG_TITLES + DEAD_LETTER_SUFFIX,
              1,
              Map.of("cleanup.policy", "delete", "retention.ms", "2592000000")),
          new TopicSpec(
              CATALOG_WORKS + DEAD_LETTER_SUFFIX,
              1,
              Map.of("cleanup.policy", "delete", "retention.ms", "2592000000")),
          new TopicSpec(WATCH_EVENTS + DEAD_LETTER_SUFFIX, 1, USER_TOPIC));

  private Topics() {}

  /** A topic's name, partition count and topic-level configs. */
  public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
      configs = Map.copyOf(configs);
    }
  }
}
