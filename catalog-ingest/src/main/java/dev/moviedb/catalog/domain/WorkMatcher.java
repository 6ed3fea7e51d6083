package dev.moviedb.catalog.domain;

import dev.moviedb.catalog.domain.PairVerdict.Kind;
import dev.moviedb.catalog.domain.WorkDecision.NearMiss;
import dev.moviedb.catalog.domain.WorkDecision.Outcome;
import dev.moviedb.catalogfiles.CatalogTitle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Decides which existing work a new record joins (docs/WORKS.md). A wrong merge is worse than a
 * miss: a work is joined only when one of its members matches the record and none contradicts it,
 * and a record that looks like two works equally joins neither.
 */
public final class WorkMatcher {

  /** An existing work that shares a name or an external id with the record. */
  public record Candidate(String workId, List<CatalogTitle> members) {
    public Candidate {
      Objects.requireNonNull(workId, "workId");
      members = List.copyOf(members);
    }
  }

  private record Accepted(Candidate work, Verdict best, boolean byExternalId) {
    int score() {
      return best.verdict().sharedPeople().size();
    }
  }

  private WorkMatcher() {}

  /** The decision for {@code record}; a new work's id is left for the caller to name. */
  public static WorkDecision decide(CatalogTitle record, List<Candidate> candidates) {
    List<Accepted> accepted = new ArrayList<>();
    List<NearMiss> nearMisses = new ArrayList<>();
    for (Candidate work : candidates) {
      if (work.members().stream().anyMatch(m -> m.source().equals(record.source()))) {
        continue; // the source already has its own record of this work: a different item
      }
      List<Verdict> verdicts =
          work.members().stream().map(m -> new Verdict(m, PairVerdict.of(record, m))).toList();
      Verdict idConflict = first(verdicts, Kind.CONTRADICTED, true);
      Verdict idMatch = first(verdicts, Kind.MATCH, true);
      Verdict contradiction = first(verdicts, Kind.CONTRADICTED, false);
      Verdict unsure = first(verdicts, Kind.UNSURE, false);
      if (idConflict != null) {
        nearMisses.add(nearMiss(work, idConflict));
      } else if (idMatch != null) {
        accepted.add(new Accepted(work, idMatch, true));
      } else if (contradiction != null) {
        nearMisses.add(nearMiss(work, contradiction));
      } else {
        Verdict best =
            verdicts.stream()
                .filter(v -> v.verdict().kind() == Kind.MATCH)
                .max(Comparator.comparingInt(v -> v.verdict().sharedPeople().size()))
                .orElse(null);
        if (best != null) {
          accepted.add(new Accepted(work, best, false));
        } else if (unsure != null) {
          nearMisses.add(nearMiss(work, unsure));
        }
      }
    }
    List<Accepted> pool =
        accepted.stream().anyMatch(Accepted::byExternalId)
            ? accepted.stream().filter(Accepted::byExternalId).toList()
            : accepted;
    if (pool.isEmpty()) {
      return new WorkDecision(record.titleId(), Outcome.NEW, null, null, List.of(), nearMisses);
    }
    List<Accepted> ranked =
        pool.stream().sorted(Comparator.comparingInt(Accepted::score).reversed()).toList();
    Accepted top = ranked.get(0);
    if (ranked.size() == 1) {
      return joined(record, top, "");
    }
    Accepted second = ranked.get(1);
    if (!top.byExternalId() && top.score() >= 1 && top.score() > second.score()) {
      String others =
          String.join(
              ", ", ranked.subList(1, ranked.size()).stream().map(a -> a.work().workId()).toList());
      return joined(
          record, top, "; it also looked like " + others + ", which share fewer cast/directors");
    }
    List<String> works = ranked.stream().map(a -> a.work().workId()).sorted().toList();
    return new WorkDecision(
        record.titleId(),
        Outcome.CONFLICT,
        null,
        "looks like each of "
            + String.join(", ", works)
            + " and nothing tells them apart; merged into none",
        works,
        nearMisses);
  }

  private record Verdict(CatalogTitle member, PairVerdict verdict) {}

  private static Verdict first(List<Verdict> verdicts, Kind kind, boolean byExternalId) {
    return verdicts.stream()
        .filter(v -> v.verdict().kind() == kind && v.verdict().byExternalId() == byExternalId)
        .findFirst()
        .orElse(null);
  }

  private static NearMiss nearMiss(Candidate work, Verdict v) {
    return new NearMiss(v.member().titleId(), work.workId(), v.verdict().reason());
  }

  private static WorkDecision joined(CatalogTitle record, Accepted a, String note) {
    return new WorkDecision(
        record.titleId(),
        Outcome.JOINED,
        a.work().workId(),
        "like " + a.best().member().titleId() + ": " + a.best().verdict().reason() + note,
        a.work().members().stream().map(CatalogTitle::titleId).sorted().toList(),
        List.of());
  }
}
