package dev.moviedb.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
  void workRecord_roundTripsItsWorkIdMembersAndExternalIds() throws Exception {
    TitlePublished work =
        new TitlePublished(
            TitlePublished.SCHEMA_VERSION,
            "work:sample:the-last-kingdom",
            TitleType.SERIES,
            "The Last Kingdom",
            List.of(),
            2015,
            null,
            5,
            List.of("Drama"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            null,
            null,
            List.of(new Availability("netflix", "NL", null, LocalDate.of(2026, 12, 31))),
            Instant.parse("2026-11-26T10:00:00Z"),
            Map.of("imdb", "tt4179452"),
            "work:sample:the-last-kingdom",
            List.of("netflix:s2629", "sample:the-last-kingdom"));

    String text = json.writeValueAsString(work);

    assertThat(text)
        .contains("\"workId\":\"work:sample:the-last-kingdom\"")
        .contains("\"memberIds\":[\"netflix:s2629\",\"sample:the-last-kingdom\"]")
        .contains("\"externalIds\":{\"imdb\":\"tt4179452\"}");
    assertThat(json.readValue(text, TitlePublished.class)).isEqualTo(work);
  }

  @Test
  void titleRecordOfBeforeWorks_readsWithEmptyOptionalFields_andWritesNone() throws Exception {
    String old =
        "{\"schemaVersion\":1,\"titleId\":\"netflix:s1\",\"type\":\"MOVIE\","
            + "\"title\":\"Dick Johnson Is Dead\",\"year\":2020}";

    TitlePublished title = json.readValue(old, TitlePublished.class);

    assertThat(title.workId()).isNull();
    assertThat(title.memberIds()).isEmpty();
    assertThat(title.externalIds()).isEmpty();
    assertThat(json.writeValueAsString(title)).doesNotContain("workId", "memberIds", "externalIds");
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
            null,
            null,
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
  void resolvedWatchEvent_roundTripsWithItsTitleAndNoVector() throws Exception {
    WatchRecorded event =
        new WatchRecorded(
            WatchRecorded.SCHEMA_VERSION,
            "e1",
            "u1",
            "Anna",
            "netflix:s1",
            "Dark: Season 1: Secrets",
            Signal.WATCHED,
            2400L,
            Instant.parse("2024-05-06T19:29:13Z"),
            "ViewingActivity.csv:2",
            "Dark",
            List.of("Science Fiction"),
            null);

    String text = json.writeValueAsString(event);

    assertThat(text).contains("\"schemaVersion\":2").doesNotContain("vector");
    assertThat(json.readValue(text, WatchRecorded.class)).isEqualTo(event);
  }

  @Test
  void watchEventOfSchemaOne_readsWithoutTitleOrGenres() throws Exception {
    String old =
        "{\"schemaVersion\":1,\"eventId\":\"e1\",\"userId\":\"u1\",\"rawTitle\":\"Dark\","
            + "\"signal\":\"LIKED\",\"occurredAt\":\"2024-01-01T00:00:00Z\",\"source\":\"api\"}";

    WatchRecorded event = json.readValue(old, WatchRecorded.class);

    assertThat(event.titleId()).isNull();
    assertThat(event.title()).isNull();
    assertThat(event.genres()).isNull();
    assertThat(event.rawTitle()).isEqualTo("Dark");
  }

  @Test
  void topics_declareCompactionForTheCatalogueAndADeadLetterTopicPerConsumedTopic() {
    assertThat(Topics.ALL)
        .filteredOn(
            t -> t.name().equals(Topics.CATALOG_TITLES) || t.name().equals(Topics.CATALOG_WORKS))
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
    assertThat(Topics.ALL)
        .extracting(Topics.TopicSpec::name)
        .contains(
            Topics.CATALOG_TITLES + Topics.DEAD_LETTER_SUFFIX,
            Topics.CATALOG_WORKS + Topics.DEAD_LETTER_SUFFIX,
            Topics.WATCH_EVENTS + Topics.DEAD_LETTER_SUFFIX,
            Topics.FEEDBACK + Topics.DEAD_LETTER_SUFFIX);
  }

  @Test
  void feedbackGiven_roundTripsItsVariant_andAnAnonymousOneHasNoUser() throws Exception {
    FeedbackGiven like =
        new FeedbackGiven(
            FeedbackGiven.SCHEMA_VERSION,
            "f1",
            "anna",
            FeedbackKind.LIKE,
            "sample:the-last-kingdom",
            "The Last Kingdom",
            "list-1",
            "b",
            "alpha-2026-12",
            2,
            Instant.parse("2026-12-01T20:00:00Z"),
            "web");
    FeedbackGiven seen =
        json.readValue(
            "{\"schemaVersion\":1,\"eventId\":\"f2\",\"kind\":\"IMPRESSION\","
                + "\"titleId\":\"sample:vikings\",\"variant\":\"anonymous\","
                + "\"occurredAt\":\"2026-12-01T20:00:00Z\"}",
            FeedbackGiven.class);

    String text = json.writeValueAsString(like);

    assertThat(text).contains("\"kind\":\"LIKE\"").contains("\"variant\":\"b\"");
    assertThat(json.readValue(text, FeedbackGiven.class)).isEqualTo(like);
    assertThat(seen.userId()).isNull();
    assertThat(json.writeValueAsString(seen)).doesNotContain("userId", "position");
  }
}
