package dev.moviedb.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Test
  void titlePublished_roundTripsThroughJson_withSchemaVersion() throws Exception {
    TitlePublished title =
        new TitlePublished(
            TitlePublished.SCHEMA_VERSION,
            "netflix:s2629",
            TitleType.SERIES,
            "The Last Kingdom",
            List.of("Het Laatste Koninkrijk"),
            2015,
            null,
            5,
            List.of("Drama", "History"),
            List.of("Alexander Dreymon"),
            List.of(),
            List.of("United Kingdom"),
            List.of("en"),
            "TV-MA",
            "Uhtred serves King Alfred against the Danes.",
            "the-last-kingdom",
            List.of(new Availability("netflix", "NL", LocalDate.of(2020, 1, 1), null)),
            Instant.parse("2026-11-26T10:00:00Z"));

    String text = json.writeValueAsString(title);

    assertThat(text)
        .contains("\"schemaVersion\":1")
        .contains("\"updatedAt\":\"2026-11-26T10:00:00Z\"");
    assertThat(json.readValue(text, TitlePublished.class)).isEqualTo(title);
  }

  @Test
  void olderReader_ignoresFieldsAddedLater() throws Exception {
    String future =
        "{\"schemaVersion\":2,\"eventId\":\"e1\",\"userId\":\"u1\",\"rawTitle\":\"Dark\","
            + "\"signal\":\"LIKED\",\"occurredAt\":\"2024-01-01T00:00:00Z\",\"mood\":\"rainy\"}";

    WatchRecorded event = json.readValue(future, WatchRecorded.class);

    assertThat(event.signal()).isEqualTo(Signal.LIKED);
    assertThat(event.rawTitle()).isEqualTo("Dark");
  }

  @Test
  void watchRecorded_carriesWhereItWasWatched_andReadsWithoutIt() throws Exception {
    WatchRecorded event =
        new WatchRecorded(
            WatchRecorded.SCHEMA_VERSION,
            "e1",
            "u1",
            null,
            "netflix:s1",
            null,
            Signal.WATCHED,
            null,
            Instant.parse("2024-05-06T19:29:13Z"),
            "test",
            new WatchedOn("netflix", "NL"));

    String text = json.writeValueAsString(event);
    WatchRecorded older =
        json.readValue(
            "{\"schemaVersion\":1,\"eventId\":\"e2\",\"userId\":\"u1\",\"titleId\":\"netflix:s1\","
                + "\"signal\":\"WATCHED\",\"occurredAt\":\"2024-01-01T00:00:00Z\"}",
            WatchRecorded.class);

    assertThat(text).contains("\"watchedOn\":{\"service\":\"netflix\",\"country\":\"NL\"}");
    assertThat(json.readValue(text, WatchRecorded.class)).isEqualTo(event);
    assertThat(older.watchedOn()).isNull();
  }

  @Test
  void tasteSignal_roundTripsItsVector() throws Exception {
    TasteSignalResolved signal =
        new TasteSignalResolved(
            TasteSignalResolved.SCHEMA_VERSION,
            "e1",
            "u1",
            "Anna",
            true,
            "netflix:s1",
            "Dark",
            "Dark: Season 1: Secrets",
            List.of("Science Fiction"),
            Signal.WATCHED,
            2400L,
            Instant.parse("2024-05-06T19:29:13Z"),
            "ViewingActivity.csv:2",
            "bge-small-en-v1.5-q",
            new float[] {0.6f, 0.8f});

    TasteSignalResolved back =
        json.readValue(json.writeValueAsString(signal), TasteSignalResolved.class);

    assertThat(back).usingRecursiveComparison().isEqualTo(signal);
  }

  @Test
  void topics_declareCompactionForTheCatalogueAndADeadLetterTopicPerConsumedTopic() {
    assertThat(Topics.ALL)
        .filteredOn(t -> t.name().equals(Topics.CATALOG_TITLES))
        .singleElement()
        .satisfies(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
    assertThat(Topics.ALL)
        .extracting(Topics.TopicSpec::name)
        .contains(
            Topics.CATALOG_TITLES + Topics.DEAD_LETTER_SUFFIX,
            Topics.WATCH_EVENTS + Topics.DEAD_LETTER_SUFFIX,
            Topics.TASTE_SIGNALS + Topics.DEAD_LETTER_SUFFIX);
  }
}
