package dev.moviedb.taste.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.adapter.in.file.NetflixExportReader;
import dev.moviedb.taste.domain.HistoryReport;
import dev.moviedb.taste.domain.ParsedHistory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportHistoryTest {

  private static final byte[] CSV =
      ("Title,Date\n\"Rough Diamonds: Aflevering 8\",\"27-06-23\"\n"
              + "\"Rough Diamonds: Aflevering 7\",\"bad\"\n")
          .getBytes(StandardCharsets.UTF_8);

  private final List<WatchRecorded> published = new ArrayList<>();
  private final ImportHistory importHistory = new ImportHistory(published::addAll);

  @Test
  void givenSameFileTwice_run_publishesTheSameEventIds() {
    ParsedHistory parsed = new NetflixExportReader(120).read(CSV, null, null);

    HistoryReport report = importHistory.run("u1", parsed);
    importHistory.run("u1", parsed);

    assertThat(report.eventsPublished()).isEqualTo(1);
    assertThat(report.rejected()).hasSize(1);
    assertThat(published).hasSize(2);
    assertThat(published.get(0).eventId()).isEqualTo(published.get(1).eventId());
    assertThat(published.get(0))
        .extracting(WatchRecorded::userId, WatchRecorded::titleId, WatchRecorded::source)
        .containsExactly("u1", null, "NetflixViewingHistory.csv:2");
  }

  @Test
  void givenOtherUser_run_publishesOtherEventIds() {
    ParsedHistory parsed = new NetflixExportReader(120).read(CSV, null, null);

    importHistory.run("u1", parsed);
    importHistory.run("u2", parsed);

    assertThat(published.get(0).eventId()).isNotEqualTo(published.get(1).eventId());
  }
}
