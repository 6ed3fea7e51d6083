package dev.moviedb.catalog.domain;

import dev.moviedb.catalog.domain.WorkDecision.NearMiss;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import or a change did to the works, for a person to read: records that started a work of
 * their own, records that joined a work and on what evidence, records that looked like several
 * works (conflicts), records that share a name with a work but were not merged (with the reason),
 * members that disagree on a field, and how many {@code catalog.works} records were published or
 * removed. Each list holds at most {@link #MAX_LISTED} entries; the counts are complete.
 */
public record WorkReport(
    long newWorkCount,
    long mergeCount,
    long conflictCount,
    long notMergedCount,
    long metadataConflictCount,
    long worksPublished,
    long worksRemoved,
    List<NewWork> newWorks,
    List<Merge> merges,
    List<Conflict> conflicts,
    List<NotMerged> notMerged,
    List<FieldConflict> metadataConflicts) {

  /** The most entries an import report lists per kind (rejections too); counts are complete. */
  public static final int MAX_LISTED = 1_000;

  /** A record that started a work of its own. */
  public record NewWork(String titleId, String workId) {}

  /** A record that joined a work: the members it joined and why. */
  public record Merge(String titleId, String workId, List<String> joined, String evidence) {}

  /** A record that looked like several works equally: it started its own instead. */
  public record Conflict(String titleId, String workId, List<String> candidates, String reason) {}

  /** A record that shares a name with a work but was not merged into it. */
  public record NotMerged(
      String titleId, String workId, String otherTitleId, String otherWorkId, String reason) {}

  public static WorkReport empty() {
    return new Builder().build();
  }

  /** Collects an import's work changes as they happen. */
  public static final class Builder {
    private long newWorkCount;
    private long mergeCount;
    private long conflictCount;
    private long notMergedCount;
    private long metadataConflictCount;
    private long worksPublished;
    private long worksRemoved;
    private final List<NewWork> newWorks = new ArrayList<>();
    private final List<Merge> merges = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<NotMerged> notMerged = new ArrayList<>();
    private final List<FieldConflict> metadataConflicts = new ArrayList<>();

    public synchronized void decided(WorkDecision d) {
      switch (d.outcome()) {
        case NEW -> {
          newWorkCount++;
          add(newWorks, new NewWork(d.titleId(), d.workId()));
        }
        case JOINED -> {
          mergeCount++;
          add(merges, new Merge(d.titleId(), d.workId(), d.members(), d.evidence()));
        }
        case CONFLICT -> {
          conflictCount++;
          add(conflicts, new Conflict(d.titleId(), d.workId(), d.members(), d.evidence()));
        }
      }
      for (NearMiss miss : d.nearMisses()) {
        notMergedCount++;
        add(
            notMerged,
            new NotMerged(
                d.titleId(), d.workId(), miss.otherTitleId(), miss.otherWorkId(), miss.reason()));
      }
    }

    public synchronized void published(int works, List<FieldConflict> conflicts) {
      worksPublished += works;
      metadataConflictCount += conflicts.size();
      conflicts.forEach(c -> add(metadataConflicts, c));
    }

    public synchronized void removed(int works) {
      worksRemoved += works;
    }

    public synchronized WorkReport build() {
      return new WorkReport(
          newWorkCount,
          mergeCount,
          conflictCount,
          notMergedCount,
          metadataConflictCount,
          worksPublished,
          worksRemoved,
          List.copyOf(newWorks),
          List.copyOf(merges),
          List.copyOf(conflicts),
          List.copyOf(notMerged),
          List.copyOf(metadataConflicts));
    }

    private static <T> void add(List<T> list, T item) {
      if (list.size() < MAX_LISTED) {
        list.add(item);
      }
    }
  }
}
