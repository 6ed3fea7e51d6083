package dev.moviedb.catalog.application;

import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalog.domain.WorkNames;
import dev.moviedb.catalogfiles.CatalogTitle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The last published record of every title with its work, and the last published record of every
 * work: what imports diff against, so that only real changes are published, and what new records
 * are matched against. It is rebuilt from the compacted {@code catalog.titles} and {@code
 * catalog.works} topics at start-up, so it survives restarts without a database of its own.
 *
 * <p>Reads are safe at any time; every change of the catalogue runs inside {@link #write}, one at a
 * time, so that two imports never decide the same work twice.
 */
@ApplicationScoped
public class CatalogState {

  private final Map<String, WorkMember> titles = new HashMap<>();
  private final Map<String, Set<String>> works = new HashMap<>();
  private final Map<String, Set<String>> byName = new HashMap<>();
  private final Map<String, Set<String>> byExternalId = new HashMap<>();
  private final Map<String, CatalogWork> publishedWorks = new HashMap<>();
  private final Set<String> dirtyWorks = new TreeSet<>();
  private final ReentrantLock writes = new ReentrantLock();
  private volatile boolean loaded;

  /** Runs a change of the catalogue; changes run one at a time. */
  public <T> T write(Supplier<T> change) {
    writes.lock();
    try {
      return change.get();
    } finally {
      writes.unlock();
    }
  }

  public synchronized Optional<CatalogTitle> get(String titleId) {
    return member(titleId).map(WorkMember::title);
  }

  public synchronized Optional<WorkMember> member(String titleId) {
    return Optional.ofNullable(titles.get(titleId));
  }

  /** Stores a published title under its work (replacing the last record of the same id). */
  public synchronized void put(WorkMember member) {
    remove(member.titleId());
    titles.put(member.titleId(), member);
    if (member.workId() == null) {
      return;
    }
    works.computeIfAbsent(member.workId(), k -> new TreeSet<>()).add(member.titleId());
    for (String key : WorkNames.keys(member.title())) {
      byName.computeIfAbsent(key, k -> new TreeSet<>()).add(member.titleId());
    }
    member
        .title()
        .externalIds()
        .forEach(
            (kind, id) ->
                byExternalId
                    .computeIfAbsent(kind + ":" + id, k -> new TreeSet<>())
                    .add(member.titleId()));
  }

  public synchronized void remove(String titleId) {
    WorkMember old = titles.remove(titleId);
    if (old == null || old.workId() == null) {
      return;
    }
    unindex(works, old.workId(), titleId);
    for (String key : WorkNames.keys(old.title())) {
      unindex(byName, key, titleId);
    }
    old.title()
        .externalIds()
        .forEach((kind, id) -> unindex(byExternalId, kind + ":" + id, titleId));
  }

  public synchronized Collection<CatalogTitle> all() {
    return titles.values().stream().map(WorkMember::title).toList();
  }

  public synchronized List<WorkMember> members() {
    return List.copyOf(titles.values());
  }

  public synchronized int size() {
    return titles.size();
  }

  /** The members of a work, by title id. */
  public synchronized List<WorkMember> membersOf(String workId) {
    List<WorkMember> out = new ArrayList<>();
    for (String id : works.getOrDefault(workId, Set.of())) {
      out.add(titles.get(id));
    }
    return out;
  }

  /** Titles (with a work) that have a name with this key ({@link WorkNames#keys}). */
  public synchronized Set<String> titleIdsNamed(String key) {
    return Set.copyOf(byName.getOrDefault(key, Set.of()));
  }

  /** Titles (with a work) that carry this external id. */
  public synchronized Set<String> titleIdsWithExternalId(String kind, String id) {
    return Set.copyOf(byExternalId.getOrDefault(kind + ":" + id, Set.of()));
  }

  /** Whether a work of this id has members or a published record. */
  public synchronized boolean hasWork(String workId) {
    return works.containsKey(workId) || publishedWorks.containsKey(workId);
  }

  public synchronized Set<String> workIds() {
    Set<String> ids = new TreeSet<>(works.keySet());
    ids.addAll(publishedWorks.keySet());
    return ids;
  }

  public synchronized int workCount() {
    return works.size();
  }

  public synchronized Optional<CatalogWork> publishedWork(String workId) {
    return Optional.ofNullable(publishedWorks.get(workId));
  }

  public synchronized void putPublishedWork(CatalogWork work) {
    publishedWorks.put(work.workId(), work);
  }

  public synchronized void removePublishedWork(String workId) {
    publishedWorks.remove(workId);
  }

  /** Marks works whose published record may no longer match their members. */
  public synchronized void markDirty(Collection<String> workIds) {
    workIds.stream().filter(java.util.Objects::nonNull).forEach(dirtyWorks::add);
  }

  public synchronized List<String> dirtyWorks() {
    return List.copyOf(dirtyWorks);
  }

  public synchronized void markClean(String workId) {
    dirtyWorks.remove(workId);
  }

  public boolean isLoaded() {
    return loaded;
  }

  public void markLoaded() {
    loaded = true;
  }

  private static void unindex(Map<String, Set<String>> index, String key, String titleId) {
    Set<String> ids = index.get(key);
    if (ids != null) {
      ids.remove(titleId);
      if (ids.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
