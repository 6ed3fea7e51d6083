package dev.moviedb.recommend.application.port;

import dev.moviedb.events.FeedbackKind;
import dev.moviedb.recommend.domain.Acceptance;
import java.util.List;
import java.util.Map;

/**
 * Port: the feedback counts per experiment and variant, shared by every instance. Counting is
 * exactly once per record of the topic: a record at or below the last offset counted for its
 * partition is skipped, so a batch delivered again changes nothing.
 */
public interface AcceptanceStore {

  /** One record of {@code user.feedback}: where it is, and what it counts for (null: nothing). */
  record Counted(
      String partition, long offset, String experiment, String variant, FeedbackKind kind) {}

  /** Counts the records not counted before; answers, per record, whether it was counted now. */
  List<Boolean> count(List<Counted> records);

  /** The counts of one experiment, by variant. */
  Map<String, Acceptance> of(String experiment);
}
