package dev.moviedb.signals.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.collective.Scope;
import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveWriter.Erase;
import dev.moviedb.collective.redis.CollectiveWriter.Watch;
import dev.moviedb.signals.domain.Intake;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyWatchEventsTest {

  private static Intake.Count count(String user, String item) {
    return new Intake.Count(
        user, new Watched(item, Scope.GLOBAL, Instant.parse("2026-11-20T20:00:00Z")));
  }

  @Test
  void givenAnErasureInAPoll_changes_applyWhatCameBeforeItFirstAndCountWhatCameAfterAfresh() {
    var changes =
        ApplyWatchEvents.changes(
            List.of(
                count("anna", "a"),
                count("bob", "b"),
                new Intake.Ignore("bob", "DISLIKED"),
                count("anna", "c"),
                new Intake.Erase("anna"),
                count("anna", "d")));

    assertThat(changes)
        .containsExactly(
            new Watch("anna", List.of(count("anna", "a").watched(), count("anna", "c").watched())),
            new Watch("bob", List.of(count("bob", "b").watched())),
            new Erase("anna"),
            new Watch("anna", List.of(count("anna", "d").watched())));
  }
}
