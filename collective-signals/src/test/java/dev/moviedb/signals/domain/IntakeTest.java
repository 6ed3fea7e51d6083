package dev.moviedb.signals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.collective.Scope;
import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.events.WatchedOn;
import dev.moviedb.signals.domain.Intake.Count;
import dev.moviedb.signals.domain.Intake.Erase;
import dev.moviedb.signals.domain.Intake.Ignore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntakeTest {

  private static final Instant AT = Instant.parse("2026-11-20T20:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static Intake.Decision read(String key, WatchRecorded event) {
    return Intake.read(key, event, NOW);
  }

  private static WatchRecorded event(
      String user, String titleId, Signal signal, Instant at, WatchedOn where) {
    return new WatchRecorded(
        1,
        "e1",
        user,
        null,
        titleId,
        titleId == null ? "Dark" : null,
        signal,
        null,
        at,
        "test",
        null,
        null,
        where);
  }

  @Test
  void givenAWatchInTheNetherlands_intake_countsItThereAndGlobally() {
    var decision =
        read(
            "anna",
            event("anna", "netflix:s1", Signal.WATCHED, AT, new WatchedOn("Netflix", "nl")));

    assertThat(decision).isInstanceOf(Count.class);
    Count count = (Count) decision;
    assertThat(count.watched().item()).isEqualTo("netflix:s1");
    assertThat(count.watched().scope()).isEqualTo(Scope.of("netflix", "NL"));
    assertThat(count.watched().at()).isEqualTo(AT);
  }

  @Test
  void givenThumbsUp_intake_counts_andThumbsDownListedAbandoned_countNothing() {
    assertThat(read("anna", event("anna", "netflix:s1", Signal.LIKED, AT, null)))
        .isInstanceOf(Count.class);
    assertThat(read("anna", event("anna", "netflix:s1", Signal.LOVED, AT, null)))
        .isInstanceOf(Count.class);
    for (Signal s : new Signal[] {Signal.DISLIKED, Signal.LISTED, Signal.ABANDONED}) {
      assertThat(read("anna", event("anna", "netflix:s1", s, AT, null)))
          .as(s.name())
          .isInstanceOf(Ignore.class);
    }
  }

  @Test
  void givenAnUnresolvedTitle_intake_ignoresIt() {
    assertThat(read("anna", event("anna", null, Signal.WATCHED, AT, null)))
        .isEqualTo(new Ignore("anna", "unresolved"));
  }

  @Test
  void givenATombstone_intake_erasesTheUser() {
    assertThat(read("anna", null)).isEqualTo(new Erase("anna"));
  }

  @Test
  void givenRecordsThatCanNeverCount_intake_namesWhatIsWrong() {
    assertThatThrownBy(() -> read("bob", event("anna", "netflix:s1", Signal.WATCHED, AT, null)))
        .hasMessageContaining("record key 'bob' is not the event's userId 'anna'");
    assertThatThrownBy(() -> read("anna", event("anna", "netflix:s1", null, AT, null)))
        .hasMessageContaining("signal is missing");
    assertThatThrownBy(() -> read("anna", event("anna", "netflix:s1", Signal.WATCHED, null, null)))
        .hasMessageContaining("occurredAt is missing");
    assertThatThrownBy(() -> read("anna", event("anna", "netflix|s1", Signal.WATCHED, AT, null)))
        .hasMessageContaining("contains '|'");
    assertThatThrownBy(
            () ->
                read(
                    "anna",
                    event(
                        "anna", "netflix:s1", Signal.WATCHED, AT, new WatchedOn("netflix", "NLD"))))
        .hasMessageContaining("country 'NLD'");
    assertThatThrownBy(() -> read(null, null)).hasMessageContaining("record key");
    assertThatThrownBy(
            () ->
                read(
                    "anna",
                    event("anna", "netflix:s1", Signal.WATCHED, NOW.plusSeconds(2 * 86_400), null)))
        .hasMessageContaining("is in the future");
  }
}
