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
        List.of(),
        null,
        availability,
        List.of(),
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
  void leavingBy_keepsOnlyTitlesWhoseAvailabilityThereEndsInTime() {
    LocalDate today = LocalDate.now();
    StoredTitle soon =
        title("soon", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {1, 0, 0, 0})
            .withAvailability(
                List.of(new Availability("netflix", "NL", today.minusDays(30), today.plusDays(5))));
    StoredTitle later =
        title("later", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.9f, 0.1f, 0, 0})
            .withAvailability(List.of(new Availability("netflix", "NL", null, today.plusDays(60))));
    StoredTitle gone =
        title("gone", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.8f, 0.2f, 0, 0})
            .withAvailability(List.of(new Availability("netflix", "NL", null, today.minusDays(1))));
    store.upsert(List.of(soon, later, gone));
    TitleFilter leaving =
        TitleFilter.builder()
            .availableOn("netflix", "NL", today)
            .leavingBy(today.plusDays(14))
            .build();

    assertThat(store.search(Vectors.normalize(new float[] {1, 0, 0, 0}), 10, leaving))
        .extracting(h -> h.title().titleId())
        .containsExactly("soon");
    assertThat(
            store.search(
                Vectors.normalize(new float[] {1, 0, 0, 0}),
                10,
                TitleFilter.availableOn("netflix", "NL")))
        .extracting(h -> h.title().titleId())
        .as("an availability that ended is not available")
        .containsExactly("soon", "later");
  }

  @Test
  void severalServices_keepTitlesOnAnyOfThem_inThatCountry() {
    LocalDate today = LocalDate.now();
    StoredTitle onNetflix =
        title("n", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {1, 0, 0, 0})
            .withAvailability(List.of(Availability.of("netflix", "NL")));
    StoredTitle onVideoland =
        title("v", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.9f, 0.1f, 0, 0})
            .withAvailability(List.of(Availability.of("videoland", "NL")));
    StoredTitle onHbo =
        title("h", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.8f, 0.2f, 0, 0})
            .withAvailability(List.of(Availability.of("hbo", "NL")));
    StoredTitle videolandElsewhere =
        title("vb", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.7f, 0.3f, 0, 0})
            .withAvailability(List.of(Availability.of("videoland", "BE")));
    store.upsert(List.of(onNetflix, onVideoland, onHbo, videolandElsewhere));
    TitleFilter either =
        TitleFilter.builder().availableOn(List.of("Netflix", "videoland"), "nl", today).build();

    assertThat(store.search(Vectors.normalize(new float[] {1, 0, 0, 0}), 10, either))
        .extracting(h -> h.title().titleId())
        .containsExactly("n", "v");
  }

  @Test
  void newSince_keepsOnlyTitlesWhoseAvailabilityThereBeganLately() {
    LocalDate today = LocalDate.now();
    StoredTitle fresh =
        title("fresh", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {1, 0, 0, 0})
            .withAvailability(List.of(new Availability("netflix", "NL", today.minusDays(3), null)));
    StoredTitle old =
        title("old", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.9f, 0.1f, 0, 0})
            .withAvailability(
                List.of(new Availability("netflix", "NL", today.minusDays(400), null)));
    StoredTitle elsewhere =
        title("elsewhere", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.8f, 0.2f, 0, 0})
            .withAvailability(List.of(new Availability("netflix", "BE", today.minusDays(2), null)));
    StoredTitle upcoming =
        title("upcoming", TitleType.MOVIE, 2020, List.of("Drama"), new float[] {0.7f, 0.3f, 0, 0})
            .withAvailability(List.of(new Availability("netflix", "NL", today.plusDays(2), null)));
    store.upsert(List.of(fresh, old, elsewhere, upcoming));
    TitleFilter arrived =
        TitleFilter.builder()
            .availableOn("netflix", "NL", today)
            .newSince(today.minusDays(14))
            .build();

    assertThat(store.search(Vectors.normalize(new float[] {1, 0, 0, 0}), 10, arrived))
        .extracting(h -> h.title().titleId())
        .as("new here, available today: not the old one, not another country's, not tomorrow's")
        .containsExactly("fresh");
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
        TitleFilter.builder().type(TitleType.MOVIE).excludedGenres(Set.of("horror")).build();
    assertThat(store.search(q, 10, moviesNotHorror))
        .extracting(h -> h.title().titleId())
        .containsExactly("c");
    TitleFilter dramaSince2020 =
        TitleFilter.builder().genres(Set.of("DRAMA")).years(2020, null).build();
    assertThat(store.search(q, 10, dramaSince2020))
        .extracting(h -> h.title().titleId())
        .containsExactly("d");
  }

  /** A title with the payload the request-understanding filters read. */
  protected static StoredTitle described(
      String id,
      TitleType type,
      Integer length,
      List<String> genres,
      List<String> countries,
      List<String> languages,
      String rating,
      float[] vector) {
    return new StoredTitle(
        id,
        "Title " + id,
        type,
        2015,
        type == TitleType.MOVIE ? length : null,
        type == TitleType.SERIES ? length : null,
        genres,
        List.of(),
        List.of(),
        languages,
        countries,
        rating,
        List.of(),
        null,
        List.of(),
        List.of(),
        "hash-" + id,
        Vectors.normalize(vector));
  }

  private void seedDescribed() {
    store.upsert(
        List.of(
            described(
                "k1",
                TitleType.MOVIE,
                85,
                List.of("Romantic Movies", "Comedies"),
                List.of("Netherlands"),
                List.of("nl"),
                "PG-13",
                new float[] {1, 0, 0, 0}),
            described(
                "k2",
                TitleType.MOVIE,
                130,
                List.of("Dramas", "Romantic Movies"),
                List.of("Netherlands"),
                List.of(),
                "R",
                new float[] {0, 1, 0, 0}),
            described(
                "k3",
                TitleType.SERIES,
                1,
                List.of("TV Comedies"),
                List.of("South Korea"),
                List.of(),
                "TV-Y7",
                new float[] {0, 0, 1, 0}),
            described(
                "k4",
                TitleType.SERIES,
                3,
                List.of("Kids' TV"),
                List.of("Belgium", "Netherlands"),
                List.of("fr"),
                "TV-G",
                new float[] {0, 0, 0, 1}),
            described(
                "k5",
                TitleType.MOVIE,
                40,
                List.of("Comedies"),
                List.of("United States", "Netherlands"),
                List.of(),
                "NR",
                new float[] {1, 1, 0, 0})));
  }

  private List<String> idsPassing(TitleFilter filter) {
    return store.search(Vectors.normalize(new float[] {1, 1, 1, 1}), 10, filter).stream()
        .map(h -> h.title().titleId())
        .toList();
  }

  @Test
  void search_appliesProductionCountries_anyOfAndCaseInsensitive() {
    seedDescribed();

    assertThat(idsPassing(TitleFilter.builder().productionCountries(Set.of("netherlands")).build()))
        .containsExactlyInAnyOrder("k1", "k2", "k4", "k5");
    assertThat(
            idsPassing(
                TitleFilter.builder().productionCountries(Set.of("SOUTH KOREA", "Japan")).build()))
        .containsExactly("k3");
  }

  @Test
  void search_appliesMaturity_andUnratedTitlesNeverPassIt() {
    seedDescribed();

    assertThat(idsPassing(TitleFilter.builder().maxMaturityAge(7).build()))
        .containsExactlyInAnyOrder("k3", "k4");
    assertThat(idsPassing(TitleFilter.builder().maxMaturityAge(13).build()))
        .containsExactlyInAnyOrder("k1", "k3", "k4");
  }

  @Test
  void search_appliesRuntimeAndSeasonBounds_andEachExcludesTheOtherType() {
    seedDescribed();

    assertThat(idsPassing(TitleFilter.builder().runtimeMinutes(60, null).build()))
        .containsExactlyInAnyOrder("k1", "k2");
    assertThat(idsPassing(TitleFilter.builder().runtimeMinutes(null, 90).build()))
        .containsExactlyInAnyOrder("k1", "k5");
    assertThat(idsPassing(TitleFilter.builder().seasons(null, 1).build())).containsExactly("k3");
    assertThat(idsPassing(TitleFilter.builder().seasons(2, null).build())).containsExactly("k4");
  }

  @Test
  void search_appliesLanguage_withTheMainCountryFallbackOnlyForTitlesListingNoLanguage() {
    seedDescribed();

    assertThat(idsPassing(TitleFilter.builder().language("NL", Set.of()).build()))
        .containsExactly("k1");
    // k4 lists French; k5 lists nothing but was mainly produced in the United States.
    assertThat(idsPassing(TitleFilter.builder().language("nl", Set.of("Netherlands")).build()))
        .containsExactlyInAnyOrder("k1", "k2");
  }

  @Test
  void search_appliesGenreGroups_oneGenreOfEveryGroup() {
    seedDescribed();

    TitleFilter romanticComedy =
        TitleFilter.builder()
            .genreGroups(
                List.of(
                    Set.of("Romantic Movies", "Romantic TV Shows"),
                    Set.of("Comedies", "TV Comedies")))
            .build();
    assertThat(idsPassing(romanticComedy)).containsExactly("k1");
  }

  @Test
  void search_combinesTheNewFiltersWithTheOldOnes() {
    seedDescribed();

    TitleFilter dutchMoviesUnderTwoHours =
        TitleFilter.builder()
            .type(TitleType.MOVIE)
            .productionCountries(Set.of("Netherlands"))
            .runtimeMinutes(60, 120)
            .years(2010, 2019)
            .build();
    assertThat(idsPassing(dutchMoviesUnderTwoHours)).containsExactly("k1");
  }

  @Test
  void get_returnsCountriesAndMaturityRating() {
    seedDescribed();

    StoredTitle k3 = store.get(List.of("k3")).get("k3");
    assertThat(k3.countries()).containsExactly("South Korea");
    assertThat(k3.maturityRating()).isEqualTo("TV-Y7");
    assertThat(k3.maturityAge()).isEqualTo(7);
    assertThat(k3.seasons()).isEqualTo(1);
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
