package dev.moviedb.catalog.domain;

import static dev.moviedb.catalog.domain.Titles.film;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.catalog.domain.WorkDecision.Outcome;
import dev.moviedb.catalog.domain.WorkMatcher.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkMatcherTest {

  @Test
  void recordLikeOneWork_joinsIt_withTheEvidence() {
    var decision =
        WorkMatcher.decide(
            film("netflix:s4405", "Outlaw King", 2018, List.of("Chris Pine")),
            List.of(
                new Candidate(
                    "work:sample:outlaw-king",
                    List.of(
                        film("sample:outlaw-king", "Outlaw King", 2018, List.of("Chris Pine"))))));

    assertThat(decision.outcome()).isEqualTo(Outcome.JOINED);
    assertThat(decision.workId()).isEqualTo("work:sample:outlaw-king");
    assertThat(decision.members()).containsExactly("sample:outlaw-king");
    assertThat(decision.evidence()).contains("like sample:outlaw-king", "Chris Pine");
  }

  @Test
  void recordLikeTwoWorksAlike_joinsNeither_andSaysSo() {
    var decision =
        WorkMatcher.decide(
            film("sample:seven", "Seven", 2019, List.of()),
            List.of(
                new Candidate("work:a:7", List.of(film("a:7", "Seven", 2019, List.of()))),
                new Candidate("work:b:7", List.of(film("b:7", "Seven", 2019, List.of())))));

    assertThat(decision.outcome()).isEqualTo(Outcome.CONFLICT);
    assertThat(decision.workId()).isNull();
    assertThat(decision.members()).containsExactly("work:a:7", "work:b:7");
    assertThat(decision.evidence()).contains("work:a:7", "work:b:7", "merged into none");
  }

  @Test
  void twoCandidateWorks_castBreaksTheTie() {
    var decision =
        WorkMatcher.decide(
            film("c:7", "Seven", 2019, List.of("Rahman")),
            List.of(
                new Candidate("work:a:7", List.of(film("a:7", "Seven", 2019, List.of()))),
                new Candidate(
                    "work:b:7",
                    List.of(film("b:7", "Seven", 2019, List.of("Rahman", "Nandita"))))));

    assertThat(decision.outcome()).isEqualTo(Outcome.JOINED);
    assertThat(decision.workId()).isEqualTo("work:b:7");
    assertThat(decision.evidence()).contains("also looked like work:a:7");
  }

  @Test
  void oneMemberContradicting_keepsTheRecordOut_evenWhenAnotherMatches() {
    var decision =
        WorkMatcher.decide(
            film("c:1", "Harbour", 2019, List.of()),
            List.of(
                new Candidate(
                    "work:a:1",
                    List.of(
                        film("a:1", "Harbour", 2019, List.of()),
                        film("b:1", "Harbour", 2016, List.of())))));

    assertThat(decision.outcome()).isEqualTo(Outcome.NEW);
    assertThat(decision.nearMisses())
        .singleElement()
        .satisfies(
            miss -> {
              assertThat(miss.otherTitleId()).isEqualTo("b:1");
              assertThat(miss.reason()).contains("3 years apart");
            });
  }

  @Test
  void aWorkHoldingARecordOfTheSameSource_isNotJoined() {
    var decision =
        WorkMatcher.decide(
            film("netflix:s2", "Harbour", 2019, List.of()),
            List.of(
                new Candidate(
                    "work:sample:h",
                    List.of(
                        film("sample:h", "Harbour", 2019, List.of()),
                        film("netflix:s1", "Harbour", 2019, List.of())))));

    assertThat(decision.outcome()).isEqualTo(Outcome.NEW);
    assertThat(decision.nearMisses()).isEmpty();
  }
}
