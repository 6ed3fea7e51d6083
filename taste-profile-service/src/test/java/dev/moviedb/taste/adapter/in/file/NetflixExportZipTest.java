package dev.moviedb.taste.adapter.in.file;

import static dev.moviedb.taste.adapter.in.file.ExportZips.STUB;
import static dev.moviedb.taste.adapter.in.file.ExportZips.nestedExport;
import static dev.moviedb.taste.adapter.in.file.ExportZips.resource;
import static dev.moviedb.taste.adapter.in.file.ExportZips.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.moviedb.events.Signal;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.ImportHistory;
import dev.moviedb.taste.domain.ExportFormat;
import dev.moviedb.taste.domain.FileReport;
import dev.moviedb.taste.domain.HistoryReport;
import dev.moviedb.taste.domain.HistoryRow;
import dev.moviedb.taste.domain.InvalidFileException;
import dev.moviedb.taste.domain.ParsedHistory;
import dev.moviedb.taste.domain.ParsedUpload;
import dev.moviedb.taste.domain.Rejection;
import dev.moviedb.taste.domain.TitleResolver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetflixExportZipTest {

  private final NetflixExportReader reader = new NetflixExportReader(120);
  private final List<WatchRecorded> published = new ArrayList<>();
  private final ImportHistory importHistory =
      new ImportHistory(published::addAll, new TitleResolver());

  @Test
  void givenNestedExportZip_upload_publishesEventsFromEveryNetflixFile() {
    ParsedUpload upload = reader.readUpload(nestedExport(), "Anna", null);
    HistoryReport report = importHistory.run("u1", upload);

    assertThat(upload.format()).isEqualTo("zip");
    assertThat(upload.profile()).isEqualTo("Anna");
    assertThat(report.files())
        .extracting(FileReport::name, FileReport::format, FileReport::eventsPublished)
        .containsExactly(
            tuple("18239475/CONTENT_INTERACTION/ViewingActivity.csv", "ViewingActivity.csv", 2L),
            tuple("18239475/CONTENT_INTERACTION/Ratings.csv", "Ratings.csv", 5L),
            tuple("18239475/CONTENT_INTERACTION/MyList.csv", "MyList.csv", 2L));
    assertThat(report.eventsPublished()).isEqualTo(9);
    assertThat(report.rowsRead()).isEqualTo(4 + 8 + 2);
    assertThat(report.skipped().trailers()).isEqualTo(1);
    assertThat(report.skipped().cleared()).isEqualTo(1);
    assertThat(report.rejected())
        .extracting(Rejection::file, Rejection::line, Rejection::field)
        .containsExactly(tuple("Ratings.csv", 9L, "Event Utc Ts"));
    assertThat(published)
        .extracting(WatchRecorded::signal)
        .contains(Signal.WATCHED, Signal.LIKED, Signal.DISLIKED, Signal.LOVED, Signal.LISTED);
    assertThat(published).extracting(WatchRecorded::profile).containsOnly("Anna");
  }

  @Test
  void givenFileFromTheZipUploadedAlone_upload_givesTheSameEventIds() {
    importHistory.run("u1", reader.readUpload(nestedExport(), "Anna", null));
    List<String> fromZip = published.stream().map(WatchRecorded::eventId).toList();
    published.clear();

    importHistory.run("u1", reader.readUpload(resource("MyList.csv"), "Anna", null));

    assertThat(published).hasSize(2);
    assertThat(fromZip).containsAll(published.stream().map(WatchRecorded::eventId).toList());
  }

  @Test
  void givenZipWithoutNetflixFile_upload_failsNamingTheFilesLookedFor() {
    byte[] zip =
        zip(
            Map.of(
                "123/CONTENT_INTERACTION/IndicatedPreferences.txt",
                STUB.getBytes(StandardCharsets.UTF_8),
                "123/ACCOUNT/AccountDetails.csv",
                "First Name\nAnna\n".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> reader.readUpload(zip, null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("the zip holds no Netflix export file")
        .hasMessageContaining("CONTENT_INTERACTION/ViewingActivity.csv")
        .hasMessageContaining("CONTENT_INTERACTION/MyList.csv")
        .hasMessageContaining("NetflixViewingHistory.csv");
  }

  @Test
  void givenMultiProfileZipWithoutProfile_upload_failsListingTheProfiles() {
    assertThatThrownBy(() -> reader.readUpload(nestedExport(), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the zip holds several profiles [Anna, Bram]");
  }

  @Test
  void givenProfileNotInTheZip_upload_failsListingTheProfiles() {
    assertThatThrownBy(() -> reader.readUpload(nestedExport(), "Cees", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Cees'")
        .hasMessageContaining("[Anna, Bram]");
  }

  @Test
  void givenProfile_upload_keepsOnlyItsRowsInEveryFile() {
    ParsedUpload upload = reader.readUpload(nestedExport(), "Bram", null);

    assertThat(upload.files())
        .extracting(ParsedHistory::format, ParsedHistory::rowsRead)
        .containsExactly(
            tuple(ExportFormat.VIEWING_ACTIVITY, 2L),
            tuple(ExportFormat.RATINGS, 0L),
            tuple(ExportFormat.MY_LIST, 1L));
    assertThat(upload.files().stream().flatMap(f -> f.rows().stream()))
        .extracting(HistoryRow::profile, HistoryRow::rawTitle, HistoryRow::signal)
        .containsExactly(
            tuple("Bram", "Legally Blonde", Signal.WATCHED),
            tuple(
                "Bram", "Good Morning, Veronica: Season 1: Episode 1 (Episode 1)", Signal.WATCHED),
            tuple("Bram", "Toen ik je zag", Signal.LISTED));
  }

  @Test
  void givenTopLevelViewingHistoryInZip_upload_readsItLikeTheSingleFile() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("NetflixViewingHistory.csv", resource("NetflixViewingHistory-nl.csv"));
    entries.put("__MACOSX/._NetflixViewingHistory.csv", new byte[] {0, 5, 22, 7});

    ParsedUpload upload = reader.readUpload(zip(entries), null, null);

    assertThat(upload.files()).hasSize(1);
    assertThat(upload.files().get(0).rows())
        .isEqualTo(reader.read(resource("NetflixViewingHistory-nl.csv"), null, null).rows());
  }

  @Test
  void givenUnreadableFileInZip_upload_failsAsAWholeNamingIt() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("1/CONTENT_INTERACTION/Ratings.csv", resource("RatingsSample.csv"));
    entries.put(
        "1/CONTENT_INTERACTION/MyList.csv",
        "Profile Name,Title Name,Country,Utc Title Add Date\nAnna,Am\u00e9lie,FR (France),2024-01-01\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> reader.readUpload(zip(entries), null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("'1/CONTENT_INTERACTION/MyList.csv'")
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void givenEntryUnpackingPastTheLimit_upload_failsAsZipBomb() {
    NetflixExportReader small = new NetflixExportReader(120, 1_000, 100_000);
    byte[] zip = zip(Map.of("1/ACCOUNT/big.bin", new byte[5_000]));

    assertThatThrownBy(() -> small.readUpload(zip, null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("'1/ACCOUNT/big.bin' unpacks to more than 1000 bytes");
  }

  @Test
  void givenZipUnpackingPastTheTotalLimit_upload_failsAsZipBomb() {
    NetflixExportReader small = new NetflixExportReader(120, 1_000, 3_000);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      entries.put("1/ACCOUNT/part" + i + ".bin", new byte[900]);
    }
    entries.put("1/CONTENT_INTERACTION/MyList.csv", resource("MyList.csv"));

    assertThatThrownBy(() -> small.readUpload(zip(entries), "Anna", null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("the zip unpacks to more than 3000 bytes");
  }

  @Test
  void givenTruncatedZip_upload_failsSayingItIsDamaged() {
    byte[] whole = nestedExport();
    byte[] zip = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThatThrownBy(() -> reader.readUpload(zip, null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("damaged or incomplete");
  }

  @Test
  void givenMyList_read_givesListedSignalsAtTheAddTime() {
    ParsedHistory parsed = reader.read(resource("MyList.csv"), "Anna", null);

    assertThat(parsed.format()).isEqualTo(ExportFormat.MY_LIST);
    assertThat(parsed.rowsRead()).isEqualTo(2);
    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.rows())
        .extracting(
            HistoryRow::line, HistoryRow::rawTitle, HistoryRow::signal, HistoryRow::occurredAt)
        .containsExactly(
            tuple(
                2L,
                "Mijn beste vriendin Anne Frank",
                Signal.LISTED,
                Instant.parse("2024-03-10T18:45:02Z")),
            tuple(3L, "De Oost", Signal.LISTED, Instant.parse("2023-11-02T00:00:00Z")));
  }

  @Test
  void givenMyListRowWithBadDate_read_rejectsItByFileAndLine() {
    byte[] csv =
        ("Profile Name,Title Name,Country,Utc Title Add Date\n"
                + "Anna,De Oost,NL (Netherlands),10-03-2024\n")
            .getBytes(StandardCharsets.UTF_8);

    ParsedHistory parsed = reader.read(csv, null, null);

    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.rejected())
        .extracting(Rejection::file, Rejection::line, Rejection::field)
        .containsExactly(tuple("MyList.csv", 2L, "Utc Title Add Date"));
  }
}
