package dev.moviedb.catalog.application;

import dev.moviedb.catalog.application.port.CataloguePublisher;
import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.FieldConflict;
import dev.moviedb.catalog.domain.WorkDecision;
import dev.moviedb.catalog.domain.WorkMatcher;
import dev.moviedb.catalog.domain.WorkMatcher.Candidate;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalog.domain.WorkMerge;
import dev.moviedb.catalog.domain.WorkNames;
import dev.moviedb.catalog.domain.WorkReport;
import dev.moviedb.catalogfiles.CatalogTitle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one place where titles and works are published: a title without a work gets one (it joins the
 * existing work it matches, or starts its own), the title goes to {@code catalog.titles} with its
 * work id, and every work whose members changed gets its merged record republished on {@code
 * catalog.works} (or a tombstone once its last member is gone), only when the record changed.
 *
 * <p>A work id, once given, never changes: it is stored with the title on {@code catalog.titles}
 * and read back at start-up. Callers run inside {@link CatalogState#write}.
 */
@ApplicationScoped
public class WorkCatalogue {

  /** Records per Kafka batch; a batch counts as published once all of it was acknowledged. */
  public static final int BATCH_SIZE = 500;

  /** Work ids are the id of the record that started the work, under this prefix. */
  public static final String WORK_ID_PREFIX = "work:";

  private final CataloguePublisher publisher;
  private final CatalogState state;

  public WorkCatalogue(CataloguePublisher publisher, CatalogState state) {
    this.publisher = publisher;
    this.state = state;
  }

  /**
   * Publishes the titles (each with its work id; titles without one are matched first), then the
   * works they changed. Returns the titles as published.
   */
  public List<WorkMember> publishTitles(List<CatalogTitle> titles, WorkReport.Builder report) {
    Pending batch = new Pending();
    List<WorkDecision> decisions = new ArrayList<>();
    for (CatalogTitle title : titles) {
      Set<String> keys = WorkNames.keys(title);
      String workId = state.member(title.titleId()).map(WorkMember::workId).orElse(null);
      if (workId == null) {
        WorkDecision decision = WorkMatcher.decide(title, candidates(title, keys, batch));
        if (decision.workId() == null) {
          decision = decision.named(newWorkId(title.titleId(), batch));
        }
        decisions.add(decision);
        workId = decision.workId();
      }
      batch.add(new WorkMember(title, workId), keys);
    }
    publisher.publish(batch.members);
    batch.members.forEach(state::put);
    decisions.forEach(report::decided);
    state.markDirty(batch.members.stream().map(WorkMember::workId).toList());
    publishChangedWorks(report);
    return batch.members;
  }

  /**
   * The titles of a batch not yet acknowledged, indexed like the state, so they match each other.
   */
  private static final class Pending {
    final List<WorkMember> members = new ArrayList<>();
    final Map<String, Set<String>> workIdsByKey = new HashMap<>();
    final Set<String> workIds = new HashSet<>();

    void add(WorkMember member, Set<String> keys) {
      members.add(member);
      workIds.add(member.workId());
      keys.forEach(k -> workIdsByKey.computeIfAbsent(k, x -> new TreeSet<>()).add(member.workId()));
      member
          .title()
          .externalIds()
          .forEach(
              (kind, id) ->
                  workIdsByKey
                      .computeIfAbsent("\u0000" + kind + ":" + id, x -> new TreeSet<>())
                      .add(member.workId()));
    }

    Set<String> workIdsFor(Set<String> keys, Map<String, String> externalIds) {
      Set<String> out = new TreeSet<>();
      keys.forEach(k -> out.addAll(workIdsByKey.getOrDefault(k, Set.of())));
      externalIds.forEach(
          (kind, id) ->
              out.addAll(workIdsByKey.getOrDefault("\u0000" + kind + ":" + id, Set.of())));
      return out;
    }
  }

  /** Removes the titles (tombstones), then republishes or removes the works they belonged to. */
  public void removeTitles(List<String> titleIds, WorkReport.Builder report) {
    for (int i = 0; i < titleIds.size(); i += BATCH_SIZE) {
      List<String> chunk = titleIds.subList(i, Math.min(titleIds.size(), i + BATCH_SIZE));
      publisher.remove(chunk);
      List<String> works = new ArrayList<>();
      for (String id : chunk) {
        state.member(id).map(WorkMember::workId).ifPresent(works::add);
        state.remove(id);
      }
      state.markDirty(works);
    }
    publishChangedWorks(report);
  }

  /**
   * Republishes every work whose members changed since its record was last published (including
   * works left over by a publish that failed), and tombstones works without members.
   */
  public void publishChangedWorks(WorkReport.Builder report) {
    List<CatalogWork> changed = new ArrayList<>();
    List<List<FieldConflict>> conflicts = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (String workId : state.dirtyWorks()) {
      List<WorkMember> members = state.membersOf(workId);
      Optional<CatalogWork> published = state.publishedWork(workId);
      if (members.isEmpty()) {
        if (published.isPresent()) {
          gone.add(workId);
        } else {
          state.markClean(workId);
        }
        continue;
      }
      WorkMerge.Result merged =
          WorkMerge.merge(workId, members.stream().map(WorkMember::title).toList());
      if (published.filter(merged.work()::equals).isPresent()) {
        state.markClean(workId);
      } else {
        changed.add(merged.work());
        conflicts.add(merged.conflicts());
      }
    }
    for (int i = 0; i < changed.size(); i += BATCH_SIZE) {
      int end = Math.min(changed.size(), i + BATCH_SIZE);
      List<CatalogWork> chunk = changed.subList(i, end);
      publisher.publishWorks(chunk);
      for (CatalogWork work : chunk) {
        state.putPublishedWork(work);
        state.markClean(work.workId());
      }
      report.published(
          chunk.size(), conflicts.subList(i, end).stream().flatMap(List::stream).toList());
    }
    for (int i = 0; i < gone.size(); i += BATCH_SIZE) {
      List<String> chunk = gone.subList(i, Math.min(gone.size(), i + BATCH_SIZE));
      publisher.removeWorks(chunk);
      for (String workId : chunk) {
        state.removePublishedWork(workId);
        state.markClean(workId);
      }
      report.removed(chunk.size());
    }
  }

  /**
   * At start-up, after the state was read back: titles published before works existed get their
   * work (in title id order), and every work whose published record does not match its members is
   * republished, so that a crash between a title and its work heals.
   */
  public WorkReport reconcile() {
    return state.write(
        () -> {
          WorkReport.Builder report = new WorkReport.Builder();
          List<CatalogTitle> legacy =
              state.members().stream()
                  .filter(m -> m.workId() == null)
                  .map(WorkMember::title)
                  .sorted(Comparator.comparing(CatalogTitle::titleId))
                  .toList();
          for (int i = 0; i < legacy.size(); i += BATCH_SIZE) {
            publishTitles(legacy.subList(i, Math.min(legacy.size(), i + BATCH_SIZE)), report);
          }
          state.markDirty(state.workIds());
          publishChangedWorks(report);
          return report.build();
        });
  }

  /** Existing works that share a name or an external id with the title, with all their members. */
  private List<Candidate> candidates(CatalogTitle title, Set<String> keys, Pending pending) {
    Set<String> related = new TreeSet<>();
    keys.forEach(key -> related.addAll(state.titleIdsNamed(key)));
    title
        .externalIds()
        .forEach((kind, id) -> related.addAll(state.titleIdsWithExternalId(kind, id)));
    Set<String> workIds = new TreeSet<>();
    related.forEach(id -> state.member(id).map(WorkMember::workId).ifPresent(workIds::add));
    workIds.addAll(pending.workIdsFor(keys, title.externalIds()));
    List<Candidate> candidates = new ArrayList<>();
    for (String workId : workIds) {
      Map<String, CatalogTitle> members = new TreeMap<>();
      state.membersOf(workId).forEach(m -> members.put(m.titleId(), m.title()));
      if (pending.workIds.contains(workId)) {
        pending.members.stream()
            .filter(p -> workId.equals(p.workId()))
            .forEach(p -> members.put(p.titleId(), p.title()));
      }
      candidates.add(new Candidate(workId, List.copyOf(members.values())));
    }
    return candidates;
  }

  /** {@code work:<title id>}; a suffix when that id is taken (the title left and came back). */
  private String newWorkId(String titleId, Pending pending) {
    String base = WORK_ID_PREFIX + titleId;
    String id = base;
    for (int n = 2; taken(id, pending); n++) {
      id = base + "~" + n;
    }
    return id;
  }

  private boolean taken(String workId, Pending pending) {
    return state.hasWork(workId) || pending.workIds.contains(workId);
  }
}
