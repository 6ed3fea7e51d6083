package dev.moviedb.catalog.domain;

import java.util.List;
import java.util.Objects;

/**
 * Which work a new record belongs to, and why.
 *
 * @param workId the work it joined, or its own new work (named by the application)
 * @param evidence for {@link Outcome#JOINED}: why; for {@link Outcome#CONFLICT}: which works it
 *     looked like
 * @param members the members of the joined work at the time it joined; the candidate works of a
 *     conflict
 * @param nearMisses works it shares a name with but was not merged into, each with the reason
 */
public record WorkDecision(
    String titleId,
    Outcome outcome,
    String workId,
    String evidence,
    List<String> members,
    List<NearMiss> nearMisses) {

  /** What happened to a record that had no work yet. */
  public enum Outcome {
    /** Nothing like it: a work of its own. */
    NEW,
    /** Joined an existing work. */
    JOINED,
    /** Looked like more than one work equally: a work of its own, reported. */
    CONFLICT
  }

  /** A work that shares a name with the record but is not the same by the rules. */
  public record NearMiss(String otherTitleId, String otherWorkId, String reason) {}

  public WorkDecision {
    Objects.requireNonNull(titleId, "titleId");
    Objects.requireNonNull(outcome, "outcome");
    members = List.copyOf(members);
    nearMisses = List.copyOf(nearMisses);
  }

  /** The same decision for a record that starts a work of its own under {@code id}. */
  public WorkDecision named(String id) {
    return new WorkDecision(titleId, outcome, id, evidence, members, nearMisses);
  }
}
