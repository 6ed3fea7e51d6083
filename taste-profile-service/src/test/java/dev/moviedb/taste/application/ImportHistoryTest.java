package dev.moviedb.taste.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.adapter.in.file.NetflixExportReader;
import dev.moviedb.taste.domain.CatalogueEntry;
import dev.moviedb.taste.domain.HistoryReport;
import dev.moviedb.taste.domain.ParsedHistory;
import dev.moviedb.taste.domain.ResolvedTitle;
import dev.moviedb.taste.domain.TitleResolver;
import dev.moviedb.taste.domain.UnresolvedTitle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportHistoryTest {

  private static final byte[] CSV =
      ("Title,Date\n\"Rough Diamonds: Aflevering 8\",\"27-06-23\"\n"
              + "\"Rough Diamonds: Aflevering 7\",\"bad\"\n"
              + "\"Sig\u00ADns: Seizoen 1: Aflevering 1\",\"28-06-23\"\n"
              + "\"Rough Diamonds: Aflevering 6\",\"26-06-23\"\n")
          .getBytes(StandardCharsets.UTF_8);

  private final List<WatchRecorded> published = new ArrayList<>();
  private final TitleResolver resolver = new TitleResolver();
  private final ImportHistory importHistory = new ImportHistory(published::addAll, resolver);

  ImportHistoryTest() {
    resolver.put(
        new CatalogueEntry(
            "netflix:s1",
            "Signs",
            List.of(),
            new ResolvedTitle("netflix:s1", "Signs", List.of("Crime TV Shows"))));
  }

  @Test
  void givenSameFileTwice_run_publishesTheSameEventIds() {
    ParsedHistory parsed = new NetflixExportReader(120).read(CSV, null, null);

    HistoryReport report = importHistory.run("u1", parsed);
    importHistory.run("u1", parsed);

    assertThat(report.eventsPublished()).isEqualTo(3);
    assertThat(report.rejected()).hasSize(1);
    assertThat(published).hasSize(6);
    assertThat(published.subList(0, 3))
        .extracting(WatchRecorded::eventId)
        .containsExactlyElementsOf(
            published.subList(3, 6).stream().map(WatchRecorded::eventId).toList());
  }

  @Test
  void givenCatalogueTitle_run_publishesTheEventResolvedAndReportsTheRest() {
    ParsedHistory parsed = new NetflixExportReader(120).read(CSV, null, null);

    HistoryReport report = importHistory.run("u1", parsed);

    assertThat(published)
        .extracting(
            WatchRecorded::titleId,
            WatchRecorded::title,
            WatchRecorded::genres,
            WatchRecorded::source)
        .containsExactly(
            tuple(null, null, null, "NetflixViewingHistory.csv:2"),
            tuple("netflix:s1", "Signs", List.of("Crime TV Shows"), "NetflixViewingHistory.csv:4"),
            tuple(null, null, null, "NetflixViewingHistory.csv:5"));
    assertThat(published.get(1).rawTitle())
        .as("the raw title is kept as the file wrote it")
        .isEqualTo("Sig\u00ADns: Seizoen 1: Aflevering 1");
    assertThat(report.eventsResolved()).isEqualTo(1);
    assertThat(report.files().get(0).eventsResolved()).isEqualTo(1);
    assertThat(report.unresolved())
        .containsExactly(
            new UnresolvedTitle("Rough Diamonds: Aflevering 6", 1),
            new UnresolvedTitle("Rough Diamonds: Aflevering 8", 1));
  }

  @Test
  void givenOtherUser_run_publishesOtherEventIds() {
    ParsedHistory parsed = new NetflixExportReader(120).read(CSV, null, null);

    importHistory.run("u1", parsed);
    importHistory.run("u2", parsed);

    assertThat(published.get(0).eventId()).isNotEqualTo(published.get(3).eventId());
  }
}
