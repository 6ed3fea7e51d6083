package dev.moviedb.taste.adapter.in.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.moviedb.events.Signal;
import dev.moviedb.taste.domain.ExportFormat;
import dev.moviedb.taste.domain.HistoryRow;
import dev.moviedb.taste.domain.InvalidFileException;
import dev.moviedb.taste.domain.ParsedHistory;
import dev.moviedb.taste.domain.Rejection;
import dev.moviedb.taste.domain.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NetflixExportReaderTest {

  private final NetflixExportReader reader = new NetflixExportReader(120);

  private static byte[] file(String name) {
    try (InputStream in = NetflixExportReaderTest.class.getResourceAsStream("/exports/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void givenDutchHistoryWithBomAndDashes_read_detectsDayFirst() {
    ParsedHistory parsed = reader.read(file("NetflixViewingHistory-nl.csv"), null, null);

    assertThat(parsed.format()).isEqualTo(ExportFormat.VIEWING_HISTORY);
    assertThat(parsed.rowsRead()).isEqualTo(4);
    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.rows())
        .extracting(
            HistoryRow::line, HistoryRow::rawTitle, HistoryRow::signal, HistoryRow::occurredAt)
        .containsExactly(
            tuple(
                2L,
                "Signs: Seizoen 1: Aflevering 1",
                Signal.WATCHED,
                Instant.parse("2023-06-28T00:00:00Z")),
            tuple(
                3L,
                "Rough Diamonds: Aflevering 8",
                Signal.WATCHED,
                Instant.parse("2023-06-27T00:00:00Z")),
            tuple(
                4L,
                "Rough Diamonds: Aflevering 7",
                Signal.WATCHED,
                Instant.parse("2023-06-03T00:00:00Z")),
            tuple(
                5L,
                "Millennium trilogie: Millennium: De vrouw die met vuur speelde - Deel 2",
                Signal.WATCHED,
                Instant.parse("2023-02-01T00:00:00Z")));
  }

  @Test
  void givenUsHistoryWithSlashes_read_detectsMonthFirst() {
    ParsedHistory parsed = reader.read(file("NetflixViewingHistory-us.csv"), "Anna", null);

    assertThat(parsed.profile()).isEqualTo("Anna");
    assertThat(parsed.rows())
        .extracting(HistoryRow::rawTitle, HistoryRow::occurredAt)
        .containsExactly(
            tuple("The Last Kingdom: Season 2: Episode 3", Instant.parse("2021-03-14T00:00:00Z")),
            tuple("Legally Blonde", Instant.parse("2019-02-05T00:00:00Z")));
  }

  @Test
  void givenDateFormatOverride_read_usesIt() {
    byte[] csv = "Title,Date\n\"Legally Blonde\",\"2/5/19\"\n".getBytes(StandardCharsets.UTF_8);

    ParsedHistory parsed = reader.read(csv, null, "d/M/yy");

    assertThat(parsed.rows())
        .extracting(HistoryRow::occurredAt)
        .containsExactly(Instant.parse("2019-05-02T00:00:00Z"));
  }

  @Test
  void givenBadDates_read_reportsEachRowAndKeepsTheGoodOnes() {
    ParsedHistory parsed = reader.read(file("NetflixViewingHistory-bad-dates.csv"), null, null);

    assertThat(parsed.rowsRead()).isEqualTo(4);
    assertThat(parsed.rows())
        .extracting(HistoryRow::rawTitle, HistoryRow::occurredAt)
        .containsExactly(
            tuple("The Last Kingdom: Season 2: Episode 3", Instant.parse("2021-03-14T00:00:00Z")),
            tuple("Legally Blonde", Instant.parse("2019-05-02T00:00:00Z")));
    assertThat(parsed.rejected())
        .extracting(Rejection::line, Rejection::field)
        .containsExactly(tuple(4L, "Date"), tuple(5L, "Date"));
    assertThat(parsed.rejected().get(0).reason()).contains("31/31/21");
  }

  @Test
  void givenViewingActivity_read_dropsTrailersAndAutoplay() {
    ParsedHistory parsed = reader.read(file("ViewingActivity.csv"), "Anna", null);

    assertThat(parsed.format()).isEqualTo(ExportFormat.VIEWING_ACTIVITY);
    assertThat(parsed.rowsRead()).isEqualTo(4);
    assertThat(parsed.skipped()).isEqualTo(new Skipped(1, 1, 0, 0));
    assertThat(parsed.rows())
        .extracting(
            HistoryRow::line, HistoryRow::rawTitle, HistoryRow::watchedSeconds, HistoryRow::when)
        .containsExactly(
            tuple(
                2L,
                "The Last Kingdom: Season 5: Episode 9 (Episode 9)",
                1771L,
                "2024-05-06 19:29:13"),
            tuple(
                5L, "Signs: Seizoen 1: Aflevering 1 (Aflevering 1)", 3120L, "2024-05-05 20:00:00"));
    assertThat(parsed.rows().get(0).occurredAt()).isEqualTo(Instant.parse("2024-05-06T19:29:13Z"));
  }

  @Test
  void givenSeveralProfilesAndNoneChosen_read_failsListingThem() {
    assertThatThrownBy(() -> reader.read(file("ViewingActivity.csv"), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Anna")
        .hasMessageContaining("Bram");
  }

  @Test
  void givenUnknownProfile_read_failsListingTheProfiles() {
    assertThatThrownBy(() -> reader.read(file("ViewingActivity.csv"), "Cees", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cees")
        .hasMessageContaining("[Anna, Bram]");
  }

  @Test
  void givenChosenProfile_read_keepsOnlyItsRows() {
    ParsedHistory parsed = reader.read(file("ViewingActivity.csv"), "Bram", null);

    assertThat(parsed.rows())
        .extracting(HistoryRow::profile, HistoryRow::rawTitle)
        .containsExactly(
            tuple("Bram", "Legally Blonde"),
            tuple("Bram", "Good Morning, Veronica: Season 1: Episode 1 (Episode 1)"));
  }

  @Test
  void givenRatings_read_mapsThumbsAndStars() {
    ParsedHistory parsed = reader.read(file("RatingsSample.csv"), null, null);

    assertThat(parsed.format()).isEqualTo(ExportFormat.RATINGS);
    assertThat(parsed.profile()).isEqualTo("Anna");
    assertThat(parsed.rowsRead()).isEqualTo(8);
    assertThat(parsed.skipped()).isEqualTo(new Skipped(0, 0, 1, 1));
    assertThat(parsed.rows())
        .extracting(HistoryRow::rawTitle, HistoryRow::signal)
        .containsExactly(
            tuple("The Last Kingdom", Signal.LIKED),
            tuple("Good Morning, Veronica", Signal.DISLIKED),
            tuple("Rough Diamonds", Signal.LOVED),
            tuple("Legally Blonde", Signal.LIKED),
            tuple("Dark", Signal.DISLIKED));
    assertThat(parsed.rejected())
        .extracting(Rejection::line, Rejection::field)
        .containsExactly(tuple(9L, "Event Utc Ts"));
  }

  @Test
  void givenEmptyFile_read_failsClearly() {
    assertThatThrownBy(() -> reader.read(new byte[0], null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void givenUnknownHeader_read_failsNamingIt() {
    byte[] csv = "show_id,type,title\ns1,Movie,Dark\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> reader.read(csv, null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("unknown header 'show_id,type,title'");
  }

  @Test
  void givenLatin1File_read_failsSayingItIsNotUtf8() {
    byte[] csv = "Title,Date\n\"Am\u00e9lie\",\"2/5/19\"\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(csv, null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void givenZipArchive_read_refusesItAsOneCsv() {
    byte[] zip = {'P', 'K', 3, 4, 0, 0};

    assertThatThrownBy(() -> reader.read(zip, null, null))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("zip");
  }
}
