package dev.moviedb.catalog.domain;

import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.events.Availability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Builds the merged record of a work from its members (docs/WORKS.md, "The merged record").
 *
 * <p>The representative is the member with the most complete record (most fields given; on a tie,
 * the smallest title id); its values win, and each field it lacks is taken from the next most
 * complete member that has it. Alternate titles are the union of every member's names; external ids
 * the union of their ids; availability is merged per service and country, the union of the members'
 * date windows.
 */
public final class WorkMerge {

  /** Runtimes that differ by at most this many minutes are the same cut, not a conflict. */
  public static final int RUNTIME_TOLERANCE_MINUTES = 5;

  /** The merged record, which member represents it, and where members disagree. */
  public record Result(CatalogWork work, String representativeId, List<FieldConflict> conflicts) {}

  private WorkMerge() {}

  public static Result merge(String workId, Collection<CatalogTitle> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("work " + workId + " has no members to merge");
    }
    List<CatalogTitle> ordered =
        members.stream()
            .sorted(
                Comparator.comparingInt(WorkMerge::completeness)
                    .reversed()
                    .thenComparing(CatalogTitle::titleId))
            .toList();
    CatalogTitle rep = ordered.get(0);
    List<FieldConflict> conflicts = new ArrayList<>();
    Fields f = new Fields(workId, ordered, conflicts);

    CatalogTitle merged =
        new CatalogTitle(
            workId,
            f.pick("type", CatalogTitle::type, Objects::equals),
            rep.title(),
            alternateTitles(rep, ordered),
            f.pick("year", CatalogTitle::year, Objects::equals),
            f.pick(
                "runtimeMinutes",
                CatalogTitle::runtimeMinutes,
                (a, b) -> Math.abs(a - b) <= RUNTIME_TOLERANCE_MINUTES),
            f.pick("seasons", CatalogTitle::seasons, Objects::equals),
            f.pickList(CatalogTitle::genres),
            f.pickList(CatalogTitle::cast),
            f.pick(
                "directors",
                t -> t.directors().isEmpty() ? null : t.directors(),
                (a, b) -> !WorkNames.sharedPeople(a, b).isEmpty()),
            f.pickList(CatalogTitle::countries),
            f.pickList(CatalogTitle::languages),
            f.pick("maturityRating", CatalogTitle::maturityRating, (a, b) -> a.equalsIgnoreCase(b)),
            f.pick(CatalogTitle::description),
            f.pick(CatalogTitle::franchise),
            mergeAvailability(ordered.stream().flatMap(t -> t.availability().stream()).toList()),
            externalIds(workId, ordered, conflicts));
    List<String> memberIds = ordered.stream().map(CatalogTitle::titleId).toList();
    return new Result(new CatalogWork(workId, merged, memberIds), rep.titleId(), conflicts);
  }

  /** How many of the descriptive fields a record gives: the representative has the most. */
  public static int completeness(CatalogTitle t) {
    int n = 0;
    n += t.alternateTitles().isEmpty() ? 0 : 1;
    n += t.year() == null ? 0 : 1;
    n += t.runtimeMinutes() == null && t.seasons() == null ? 0 : 1;
    n += t.genres().isEmpty() ? 0 : 1;
    n += t.cast().isEmpty() ? 0 : 1;
    n += t.directors().isEmpty() ? 0 : 1;
    n += t.countries().isEmpty() ? 0 : 1;
    n += t.languages().isEmpty() ? 0 : 1;
    n += t.maturityRating() == null ? 0 : 1;
    n += t.description() == null ? 0 : 1;
    n += t.franchise() == null ? 0 : 1;
    n += t.externalIds().isEmpty() ? 0 : 1;
    return n;
  }

  /**
   * One entry per service, country and date window: overlapping or adjoining windows (until is
   * exclusive, so a window ending on the day another starts adjoins it) become one; an open end
   * stays open.
   */
  public static List<Availability> mergeAvailability(List<Availability> all) {
    Map<String, List<Availability>> byPlace = new TreeMap<>();
    for (Availability a : all) {
      String service = a.service().toLowerCase(Locale.ROOT);
      String country = a.country().toUpperCase(Locale.ROOT);
      byPlace
          .computeIfAbsent(service + "\u0000" + country, k -> new ArrayList<>())
          .add(new Availability(service, country, a.from(), a.until()));
    }
    List<Availability> out = new ArrayList<>();
    for (List<Availability> windows : byPlace.values()) {
      windows.sort(Comparator.comparing(a -> a.from() == null ? LocalDate.MIN : a.from()));
      Availability current = null;
      for (Availability next : windows) {
        if (current == null) {
          current = next;
        } else if (current.until() == null
            || next.from() == null
            || !next.from().isAfter(current.until())) {
          LocalDate until =
              current.until() == null || next.until() == null
                  ? null
                  : next.until().isAfter(current.until()) ? next.until() : current.until();
          current = new Availability(current.service(), current.country(), current.from(), until);
        } else {
          out.add(current);
          current = next;
        }
      }
      out.add(current);
    }
    return out;
  }

  private static List<String> alternateTitles(CatalogTitle rep, List<CatalogTitle> ordered) {
    Set<String> seen = new LinkedHashSet<>();
    seen.add(WorkNames.normalise(rep.title()));
    List<String> names = new ArrayList<>();
    for (CatalogTitle t : ordered) {
      List<String> own = new ArrayList<>();
      own.add(t.title());
      own.addAll(t.alternateTitles());
      for (String name : own) {
        if (seen.add(WorkNames.normalise(name)) && names.size() < CatalogTitle.MAX_LIST_SIZE) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static Map<String, String> externalIds(
      String workId, List<CatalogTitle> ordered, List<FieldConflict> conflicts) {
    Map<String, String> ids = new TreeMap<>();
    Map<String, Map<String, String>> byKind = new TreeMap<>();
    for (CatalogTitle t : ordered) {
      t.externalIds()
          .forEach(
              (kind, id) -> {
                ids.putIfAbsent(kind, id);
                byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(t.titleId(), id);
              });
    }
    byKind.forEach(
        (kind, values) -> {
          if (Set.copyOf(values.values()).size() > 1) {
            conflicts.add(
                new FieldConflict(
                    workId, "externalIds." + kind, values, values.keySet().iterator().next()));
          }
        });
    return ids;
  }

  /** Picks each field's value in member order and notes disagreements. */
  private record Fields(String workId, List<CatalogTitle> ordered, List<FieldConflict> conflicts) {

    <T> T pick(Function<CatalogTitle, T> value) {
      for (CatalogTitle t : ordered) {
        T v = value.apply(t);
        if (v != null) {
          return v;
        }
      }
      return null;
    }

    <T> List<T> pickList(Function<CatalogTitle, List<T>> value) {
      for (CatalogTitle t : ordered) {
        List<T> v = value.apply(t);
        if (!v.isEmpty()) {
          return v;
        }
      }
      return List.of();
    }

    /** The first member's value; a conflict when another member's value does not agree with it. */
    <T> T pick(String field, Function<CatalogTitle, T> value, BiPredicate<T, T> agree) {
      Map<String, String> values = new LinkedHashMap<>();
      T kept = null;
      String keptFrom = null;
      boolean disagree = false;
      for (CatalogTitle t : ordered) {
        T v = value.apply(t);
        if (v == null) {
          continue;
        }
        values.put(t.titleId(), String.valueOf(v));
        if (kept == null) {
          kept = v;
          keptFrom = t.titleId();
        } else if (!agree.test(kept, v)) {
          disagree = true;
        }
      }
      if (disagree) {
        conflicts.add(new FieldConflict(workId, field, values, keptFrom));
      }
      return kept;
    }
  }
}
