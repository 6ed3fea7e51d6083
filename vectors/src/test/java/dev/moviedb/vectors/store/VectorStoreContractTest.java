package dev.moviedb.vectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.Vectors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every vector store adapter must do; each adapter's test extends this class. */
public abstract class VectorStoreContractTest {

  protected static final String MODEL = "test-model";
  protected static final int DIM = 4;
  protected VectorStore store;

  /** A fresh, empty store, opened for writing and not yet bound to a model. */
  protected abstract VectorStore createStore() throws Exception;

  /** Another unbound handle on the same store, as a second process would open it. */
  protected abstract VectorStore handle(boolean writer) throws Exception;

  /** A reading handle bound to the live index, as recommend-api opens it. */
  protected VectorStore reopen(String modelId, int dimension) throws Exception {
    VectorStore reader = handle(false);
    reader.bindModel(modelId, dimension);
    return reader;
  }

  @BeforeEach
  void open() throws Exception {
    store = createStore();
    store.bindModel(MODEL, DIM);
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static StoredTitle title(
      String id, TitleType type, int year, List<String> genres, float[] vector, String... where) {
    List<Availability> availability = new ArrayList<>();
    for (String w : where) {
      String[] parts = w.split("/");
      availability.add(Availability.of(parts[0], parts[1]));
    }
    return new StoredTitle(
        id,
        "Title " + id,
        type,
        year,
        type == TitleType.MOVIE ? 95 : null,
        type == TitleType.SERIES ? 2 : null,
        genres,
        List.of("Actor " + id),
        List.of(),
        List.of("en"),
        List.of(),
        null,
        availability,
        "hash-" + id,
        Vectors.normalize(vector));
  }

  private void seed() {
    store.upsert(
        List.of(
            title(
                "a",
                TitleType.SERIES,
                2015,
                List.of("History", "Drama"),
                new float[] {1, 0, 0, 0},
                "netflix/NL"),
            title(
                "b",
                TitleType.MOVIE,
                2019,
                List.of("Horror"),
                new float[] {0.9f, 0.1f, 0, 0},
                "netflix/NL"),
            title(
                "c",
                TitleType.MOVIE,
                2001,
                List.of("Comedy"),
                new float[] {0, 1, 0, 0},
                "netflix/US"),
            title("d", TitleType.SERIES, 2022, List.of("Drama"), new float[] {0, 0, 1, 0})));
  }

  @Test
  void search_returnsNearestFirst_withCosineScores() {
    seed();

    List<ScoredTitle> hits =
        store.search(Vectors.normalize(new float[] {1, 0, 0, 0}), 2, TitleFilter.NONE);

    assertThat(hits).extracting(h -> h.title().titleId()).containsExactly("a", "b");
    assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void search_appliesAvailabilityTypeGenreAndYearFilters() {
    seed();
    float[] q = Vectors.normalize(new float[] {1, 1, 1, 0});

    assertThat(store.search(q, 10, TitleFilter.availableOn("netflix", "NL")))
        .extracting(h -> h.title().titleId())
        .containsExactlyInAnyOrder("a", "b");
    TitleFilter moviesNotHorror =
        new TitleFilter(
            null,
            null,
            LocalDate.now(),
            TitleType.MOVIE,
            Set.of(),
            Set.of("horror"),
            null,
            null,
            null,
            null);
    assertThat(store.search(q, 10, moviesNotHorror))
        .extracting(h -> h.title().titleId())
        .containsExactly("c");
    TitleFilter dramaSince2020 =
        new TitleFilter(
            null, null, LocalDate.now(), null, Set.of("DRAMA"), Set.of(), 2020, null, null, null);
    assertThat(store.search(q, 10, dramaSince2020))
        .extracting(h -> h.title().titleId())
        .containsExactly("d");
  }

  @Test
  void upsert_replacesById_andDeleteRemoves() {
    seed();
    store.upsert(
        List.of(title("a", TitleType.SERIES, 2016, List.of("History"), new float[] {0, 0, 0, 1})));
    store.delete(List.of("b", "unknown"));

    assertThat(store.count()).isEqualTo(3);
    assertThat(store.get(List.of("a", "b")).keySet()).containsExactly("a");
    StoredTitle a = store.get(List.of("a")).get("a");
    assertThat(a.year()).isEqualTo(2016);
    assertThat(a.vector()).containsExactly(0, 0, 0, 1);
    assertThat(a.contentHash()).isEqualTo("hash-a");
  }

  @Test
  void anotherProcess_seesCommittedTitles() throws Exception {
    seed();
    try (VectorStore reader = reopen(MODEL, DIM)) {
      assertThat(reader.count()).isEqualTo(4);
      assertThat(reader.modelId()).contains(MODEL);
    }
  }

  @Test
  void openingWithAnotherModel_failsWithAMessageThatSaysWhatToDo() {
    seed();
    assertThatThrownBy(() -> reopen("other-model", DIM))
        .isInstanceOf(ModelMismatchException.class)
        .hasMessageContaining("test-model")
        .hasMessageContaining("other-model")
        .hasMessageContaining("MOVIEDB_EMBEDDING_MODEL");
  }

  @Test
  void reembed_buildsBesideTheLiveIndex_andPromotionSwitchesNewReadersOnly() throws Exception {
    seed();
    try (VectorStore staging = handle(true);
        VectorStore servingOld = reopen(MODEL, DIM)) {
      staging.bindIndex("model-b", 3);
      staging.upsert(
          List.of(
              title("x", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0, 1, 0}),
              title("y", TitleType.MOVIE, 2021, List.of("Drama"), new float[] {1, 0, 0})));
      assertThat(staging.count()).isEqualTo(2);
      assertThat(store.liveModel()).contains(MODEL);
      assertThat(servingOld.count()).isEqualTo(4);

      staging.promote();

      assertThat(servingOld.liveModel()).contains("model-b");
      // A handle stays on its own model's index, so requests in flight never mix models.
      assertThat(servingOld.count()).isEqualTo(4);
      assertThat(servingOld.search(new float[] {1, 0, 0, 0}, 1, TitleFilter.NONE))
          .extracting(s -> s.title().titleId())
          .containsExactly("a");
      try (VectorStore servingNew = reopen("model-b", 3)) {
        assertThat(servingNew.search(new float[] {0, 1, 0}, 1, TitleFilter.NONE))
            .extracting(s -> s.title().titleId())
            .containsExactly("x");
      }
      assertThatThrownBy(() -> reopen(MODEL, DIM)).isInstanceOf(ModelMismatchException.class);
    }
  }

  @Test
  void aReaderBoundToAnIndexNobodyBuilt_seesNothingAndChangesNothing() throws Exception {
    seed();
    try (VectorStore reader = handle(false)) {
      reader.bindIndex("model-c", DIM);
      assertThat(reader.count()).isZero();
      assertThat(reader.search(new float[] {1, 0, 0, 0}, 3, TitleFilter.NONE)).isEmpty();
      assertThat(reader.get(List.of("a"))).isEmpty();
      assertThat(reader.liveModel()).contains(MODEL);
    }
  }
}
