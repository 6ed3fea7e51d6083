package dev.moviedb.worker.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.Signal;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.events.WatchRecorded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the use cases refuse, and say about it, before any port is touched. */
class InvalidEventsTest {

  private static TitlePublished title(String id, TitleType type, String name) {
    return new TitlePublished(
        TitlePublished.SCHEMA_VERSION,
        id,
        type,
        name,
        null,
        2001,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static WatchRecorded watch(String eventId, String user, Signal signal, String raw) {
    return new WatchRecorded(
        WatchRecorded.SCHEMA_VERSION,
        eventId,
        user,
        null,
        null,
        raw,
        signal,
        null,
        Instant.parse("2024-01-01T00:00:00Z"),
        "test",
        null,
        null);
  }

  @Test
  void givenTombstoneOrCompleteTitle_check_passes() {
    assertThatCode(() -> IndexCatalogue.check("t:1", null)).doesNotThrowAnyException();
    assertThatCode(() -> IndexCatalogue.check("t:1", title("t:1", TitleType.MOVIE, "Alpha")))
        .doesNotThrowAnyException();
  }

  @Test
  void givenTitleWithoutNameTypeIdOrKey_check_namesTheProblem() {
    assertThatThrownBy(() -> IndexCatalogue.check("t:1", title("t:1", TitleType.MOVIE, " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("title t:1 has no title");
    assertThatThrownBy(() -> IndexCatalogue.check("t:1", title("t:1", null, "Alpha")))
        .hasMessageContaining("no type");
    assertThatThrownBy(() -> IndexCatalogue.check("t:1", title(null, TitleType.MOVIE, "Alpha")))
        .hasMessageContaining("no titleId");
    assertThatThrownBy(() -> IndexCatalogue.check("t:2", title("t:1", TitleType.MOVIE, "Alpha")))
        .hasMessageContaining("under another key: t:2");
    assertThatThrownBy(() -> IndexCatalogue.check(null, null))
        .hasMessageContaining("without a key");
  }

  @Test
  void givenIncompleteWatchEvent_resolve_refusesItBeforeLookingAnythingUp() {
    ResolveWatchEvent resolve = new ResolveWatchEvent(null, null, null, null);

    assertThatThrownBy(() -> resolve.resolve(watch("e1", "u1", null, "Dark")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("watch event e1 has no signal");
    assertThatThrownBy(() -> resolve.resolve(watch("e1", " ", Signal.LIKED, "Dark")))
        .hasMessage("watch event e1 has no userId");
    assertThatThrownBy(() -> resolve.resolve(watch(null, "u1", Signal.LIKED, "Dark")))
        .hasMessage("watch event without eventId");
    assertThatThrownBy(() -> resolve.resolve(watch("e1", "u1", Signal.LIKED, null)))
        .hasMessageContaining("names no title");
    assertThatThrownBy(() -> resolve.resolve(null)).hasMessage("empty watch event");
    assertThatThrownBy(
            () ->
                resolve.resolve(
                    new WatchRecorded(
                        1,
                        "e1",
                        "u1",
                        null,
                        "t:1",
                        null,
                        Signal.LIKED,
                        null,
                        null,
                        "x",
                        null,
                        null)))
        .hasMessage("watch event e1 has no occurredAt");
  }
}
