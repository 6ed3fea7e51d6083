package dev.moviedb.catalog.domain;

import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.events.TitleType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Whether two records of different sources describe the same work, and why: the rules of
 * docs/WORKS.md, applied to one pair.
 *
 * @param reason what a person reads in the import report: the evidence for a match, the
 *     contradiction or the missing evidence otherwise
 * @param sharedPeople the cast and directors both records name
 * @param byExternalId whether an external id decided it
 */
public record PairVerdict(
    Kind kind, String reason, List<String> sharedPeople, boolean byExternalId) {

  /** How far two records agree. */
  public enum Kind {
    /** Same work: a shared external id, or a shared name with agreeing type, year and people. */
    MATCH,
    /** A shared name and nothing against it, but not enough to be sure: not merged. */
    UNSURE,
    /** A shared name (or id kind) and a fact against it: type, year, people or external id. */
    CONTRADICTED,
    /** Nothing in common: not a candidate at all. */
    UNRELATED
  }

  /** Series whose records are this many seasons apart at most count as one run, see {@link #of}. */
  public static final int YEARS_PER_SEASON = 2;

  /** Shared cast and directors needed before two series records years apart are one run. */
  public static final int PEOPLE_FOR_A_RUN = 2;

  public PairVerdict {
    Objects.requireNonNull(kind, "kind");
    sharedPeople = List.copyOf(sharedPeople);
  }

  /**
   * Compares a record with one member of a work. Records of one source are never compared: each
   * source's records are distinct items by that source's own word.
   */
  public static PairVerdict of(CatalogTitle record, CatalogTitle member) {
    if (record.source().equals(member.source())) {
      return unrelated();
    }
    PairVerdict byId = byExternalIds(record.externalIds(), member.externalIds());
    if (byId != null) {
      return byId;
    }
    Set<String> names = WorkNames.keys(record);
    String sharedName =
        WorkNames.keys(member).stream().filter(names::contains).findFirst().orElse(null);
    if (sharedName == null) {
      return unrelated();
    }
    String subject = "title '" + sharedName + "'";
    if (record.type() != member.type()) {
      return new PairVerdict(
          Kind.CONTRADICTED,
          subject + " but " + member.titleId() + " is a " + name(member.type()),
          List.of(),
          false);
    }
    List<String> shared = WorkNames.sharedPeople(people(record), people(member));
    String people =
        shared.isEmpty()
            ? "no shared cast or directors"
            : shared.size() + " shared cast/directors (" + String.join(", ", shared) + ")";
    boolean bothNamePeople = !people(record).isEmpty() && !people(member).isEmpty();
    if (bothNamePeople && shared.isEmpty()) {
      return new PairVerdict(
          Kind.CONTRADICTED,
          subject + " but no cast or director in common: a look-alike",
          shared,
          false);
    }
    if (record.year() == null || member.year() == null) {
      return shared.isEmpty()
          ? new PairVerdict(Kind.UNSURE, subject + ", a year unknown and " + people, shared, false)
          : new PairVerdict(Kind.MATCH, subject + ", a year unknown, " + people, shared, false);
    }
    int gap = Math.abs(record.year() - member.year());
    String years = "years " + member.year() + "/" + record.year();
    if (gap <= 1) {
      return new PairVerdict(
          Kind.MATCH,
          subject + ", " + name(record.type()) + ", " + years + ", " + people,
          shared,
          false);
    }
    if (record.type() == TitleType.MOVIE) {
      return new PairVerdict(
          Kind.CONTRADICTED,
          subject + " but films of " + years + ", " + gap + " years apart",
          shared,
          false);
    }
    int seasons = Math.max(orZero(record.seasons()), orZero(member.seasons()));
    if (seasons == 0) {
      return new PairVerdict(
          Kind.UNSURE,
          subject + ", series of " + years + " but no season count to tell whether it is one run",
          shared,
          false);
    }
    if (gap > YEARS_PER_SEASON * seasons) {
      return new PairVerdict(
          Kind.CONTRADICTED,
          subject
              + " but series of "
              + years
              + ", "
              + gap
              + " apart: longer than a run of "
              + seasons
              + " season(s)",
          shared,
          false);
    }
    if (shared.size() < PEOPLE_FOR_A_RUN) {
      return new PairVerdict(
          Kind.UNSURE,
          subject
              + ", series of "
              + years
              + " (one may be dated by its latest season) but "
              + people
              + ": fewer than "
              + PEOPLE_FOR_A_RUN
              + " to show it is one run",
          shared,
          false);
    }
    return new PairVerdict(
        Kind.MATCH,
        subject + ", series run of " + years + " (" + seasons + " seasons), " + people,
        shared,
        false);
  }

  private static PairVerdict byExternalIds(Map<String, String> a, Map<String, String> b) {
    String same = null;
    for (Map.Entry<String, String> e : a.entrySet()) {
      String other = b.get(e.getKey());
      if (other == null) {
        continue;
      }
      if (!other.equals(e.getValue())) {
        return new PairVerdict(
            Kind.CONTRADICTED,
            "different " + e.getKey() + " ids (" + other + ", " + e.getValue() + ")",
            List.of(),
            true);
      }
      same = e.getKey() + " id " + e.getValue();
    }
    return same == null ? null : new PairVerdict(Kind.MATCH, "same " + same, List.of(), true);
  }

  private static PairVerdict unrelated() {
    return new PairVerdict(Kind.UNRELATED, "", List.of(), false);
  }

  /** Cast and directors: who made or plays in a title, compared across sources. */
  static List<String> people(CatalogTitle t) {
    List<String> people = new java.util.ArrayList<>(t.cast());
    people.addAll(t.directors());
    return people;
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

  private static String name(TitleType type) {
    return type == TitleType.MOVIE ? "film" : "series";
  }
}
