package dev.moviedb.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.lucene.LuceneVectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking on a small real index: real model (bge-small-en-v1.5-q), real Lucene store read
 * through {@link StoreTitles}, as recommend-api and the evaluation read theirs.
 */
class RankerTest {

  @TempDir static Path dir;
  private static InProcessEmbedder embedder;
  private static LuceneVectorStore store;
  private static final RankingSettings SETTINGS = RankingSettings.DEFAULTS.withCandidates(100);
  private static final Ranker RANKER = new Ranker(SETTINGS);
  private static final CalibrationSamples SAMPLES =
      new CalibrationSamples(SETTINGS.calibrationSample(), () -> new java.util.Random(7));

  @BeforeAll
  static void index() {
    embedder = new InProcessEmbedder(EmbeddingModels.BGE_SMALL_EN_V15_Q, 1, 2);
    store = LuceneVectorStore.forWriting(dir);
    store.bindModel(embedder.modelId(), embedder.dimension());
    List<StoredTitle> titles = new ArrayList<>();
    titles.add(
        title(
            "lk",
            "The Last Kingdom",
            TitleType.SERIES,
            "History, Drama",
            "Uhtred, a Saxon raised by Danes, fights for King Alfred of Wessex against the Viking"
                + " invaders of England.",
            "NL"));
    titles.add(
        title(
            "vk",
            "Vikings",
            TitleType.SERIES,
            "History, Action",
            "The Norse chieftain Ragnar Lothbrok raids England and Francia with his Viking warriors.",
            "NL"));
    titles.add(
        title(
            "vv",
            "Vikings: Valhalla",
            TitleType.SERIES,
            "History, Action",
            "A hundred years after Ragnar, Viking warriors and Saxon kings fight over England.",
            "NL"));
    titles.add(
        title(
            "bb",
            "Barbarians",
            TitleType.SERIES,
            "History, Drama",
            "Germanic tribes rise against the Roman legions in the forests of Germania.",
            "DE"));
    titles.add(
        title(
            "pp",
            "Paw Patrol",
            TitleType.SERIES,
            "Kids",
            "A boy and his team of rescue puppies protect the seaside town of Adventure Bay.",
            "NL"));
    titles.add(
        title(
            "gb",
            "The Great British Baking Show",
            TitleType.SERIES,
            "Reality",
            "Amateur bakers compete in a tent in the English countryside.",
            "NL"));
    titles.add(
        title(
            "kf",
            "Knightfall",
            TitleType.SERIES,
            "History, Drama",
            "The Knights Templar guard the Holy Grail in fourteenth-century France.",
            "NL"));
    store.upsert(titles);
  }

  @AfterAll
  static void close() {
    store.close();
    embedder.close();
  }

  private static StoredTitle title(
      String id, String name, TitleType type, String genres, String plot, String country) {
    List<String> genreList = List.of(genres.split(", "));
    String text = name + ". " + type + ". Genres: " + genres + ". " + plot;
    return new StoredTitle(
        id,
        name,
        type,
        2015,
        null,
        3,
        genreList,
        List.of(),
        List.of(),
        List.of("en"),
        List.of(),
        null,
        List.of(),
        null,
        List.of(Availability.of("netflix", country)),
        List.of(),
        "hash-" + id,
        embedder.embedDocuments(List.of(text)).get(0));
  }

  private static Ranking rank(String query, TasteWeights taste) {
    return rank(
        new RankingRequest(
            query == null ? null : embedder.embedQuery(query),
            query,
            null,
            taste,
            5,
            0,
            RankingRequest.Knobs.DEFAULTS),
        TitleFilter.availableOn("netflix", "NL"));
  }

  private static Ranking rank(RankingRequest request, TitleFilter filter) {
    return RANKER.rank(request, new StoreTitles(store, filter, SAMPLES));
  }

  private static List<String> titles(Ranking result) {
    return result.items().stream().map(r -> r.title().title()).toList();
  }

  @Test
  void aNewUsersQuery_findsTheTitle_keepsOneOfAFranchise_andOnlyWhatIsAvailable() {
    Ranking result = rank("a series where King Alfred fights the vikings", null);

    assertThat(titles(result)).first().isEqualTo("The Last Kingdom");
    assertThat(titles(result)).doesNotContain("Barbarians");
    assertThat(titles(result).stream().filter(t -> t.startsWith("Vikings")).count())
        .as("Vikings and Vikings: Valhalla are one franchise")
        .isEqualTo(1);
    RankedTitle top = result.items().get(0);
    assertThat(top.score(ScoreKind.QUERY)).isNotNull();
    assertThat(top.score(ScoreKind.TASTE)).isNull();
    assertThat(top.matched()).contains("type: series");
    assertThat(result.usedQuery()).isTrue();
    assertThat(result.usedTaste()).isFalse();
    assertThat(result.alpha()).isEqualTo(1.0);
  }

  @Test
  void aUsersTaste_ranksAlikeTitles_dropsWhatTheyWatched_andSaysBecauseOfWhat() {
    Ranking result =
        rank(null, new TasteWeights(Map.of("lk", 3.0), Map.of("pp", 1.0), Set.of("lk", "pp")));

    assertThat(titles(result)).doesNotContain("The Last Kingdom", "Paw Patrol", "Barbarians");
    assertThat(titles(result).get(0)).isIn("Vikings", "Vikings: Valhalla", "Knightfall");
    assertThat(titles(result)).last().isNotIn("Vikings", "Vikings: Valhalla");
    RankedTitle top = result.items().get(0);
    assertThat(top.because()).containsExactly("The Last Kingdom");
    assertThat(top.score(ScoreKind.TASTE)).isNotNull();
    assertThat(top.score(ScoreKind.QUERY)).isNull();
    assertThat(result.alpha()).isZero();
  }

  @Test
  void queryAndTaste_bothScoreEveryItem_withTheConfiguredWeight() {
    Ranking result =
        rank(
            "knights and the holy grail",
            new TasteWeights(Map.of("gb", 2.0), Map.of(), Set.of("gb")));

    assertThat(result.alpha()).isEqualTo(SETTINGS.alpha());
    assertThat(result.items())
        .allSatisfy(
            r -> {
              assertThat(r.score(ScoreKind.QUERY)).isNotNull();
              assertThat(r.score(ScoreKind.TASTE)).isNotNull();
            });
    assertThat(titles(result)).first().isEqualTo("Knightfall");
  }

  @Test
  void nothingToStartFrom_isRefused_andAnUnknownTitleIsNamed() {
    assertThatThrownBy(() -> rank(null, TasteWeights.NONE))
        .isInstanceOf(NothingToRankException.class);
    assertThatThrownBy(
            () -> rank(null, new TasteWeights(Map.of("removed-title", 1.0), Map.of(), Set.of())))
        .as("a taste whose titles all left the index ranks nothing")
        .isInstanceOf(NothingToRankException.class);
    assertThatThrownBy(
            () ->
                rank(
                    new RankingRequest(
                        null, null, "missing", null, 5, 0, RankingRequest.Knobs.DEFAULTS),
                    TitleFilter.NONE))
        .isInstanceOf(UnknownTitleException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void moreLikeThis_leavesOutTheTitleAndItsFranchise_andPagesDoNotOverlap() {
    Ranking similar =
        rank(
            new RankingRequest(null, null, "vk", null, 3, 0, RankingRequest.Knobs.diversity(0.0)),
            TitleFilter.availableOn("netflix", "NL"));
    assertThat(titles(similar)).doesNotContain("Vikings", "Vikings: Valhalla");
    assertThat(titles(similar)).first().isEqualTo("The Last Kingdom");

    Ranking first =
        rank(
            new RankingRequest(null, null, "vk", null, 2, 0, RankingRequest.Knobs.diversity(0.0)),
            TitleFilter.NONE);
    Ranking second =
        rank(
            new RankingRequest(null, null, "vk", null, 2, 2, RankingRequest.Knobs.diversity(0.0)),
            TitleFilter.NONE);
    assertThat(titles(second)).hasSize(2).doesNotContainAnyElementsOf(titles(first));
  }

  @Test
  void withoutDiversity_theOrderIsTheFusedScore_andRepeats() {
    RankingRequest request =
        new RankingRequest(
            embedder.embedQuery("history and war"),
            "history and war",
            null,
            null,
            5,
            0,
            RankingRequest.Knobs.diversity(0.0));
    Ranking once = rank(request, TitleFilter.NONE);
    Ranking again = rank(request, TitleFilter.NONE);

    assertThat(once.items())
        .extracting(RankedTitle::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(titles(again)).isEqualTo(titles(once));
    assertThat(once.diversity()).isZero();
  }

  /** What everyone watches, as a table: the port's contract without Redis. */
  private record Watching(
      Map<String, List<Collective.Partner>> partnersOf,
      Map<String, Long> viewers,
      Map<String, Double> now)
      implements Collective {

    @Override
    public Map<String, List<Collective.Partner>> partners(
        java.util.Collection<String> titleIds, int k) {
      Map<String, List<Collective.Partner>> out = new java.util.HashMap<>();
      titleIds.forEach(
          id -> {
            if (partnersOf.containsKey(id)) {
              out.put(id, partnersOf.get(id));
            }
          });
      return out;
    }

    @Override
    public Map<String, Long> audience(java.util.Collection<String> titleIds) {
      Map<String, Long> out = new java.util.HashMap<>();
      titleIds.forEach(
          id -> {
            if (viewers.containsKey(id)) {
              out.put(id, viewers.get(id));
            }
          });
      return out;
    }

    @Override
    public Map<String, Double> trending(int limit) {
      return now;
    }

    @Override
    public String where() {
      return "NL";
    }
  }

  private static Ranking rank(RankingRequest request, Collective collective) {
    return RANKER.rank(
        request,
        new StoreTitles(store, TitleFilter.availableOn("netflix", "NL"), SAMPLES),
        collective);
  }

  @Test
  void aColdStart_ranksWhatIsTrendingWhereTheUserWatches() {
    Map<String, Double> now = new java.util.LinkedHashMap<>();
    now.put("gb", 90.0);
    now.put("bb", 80.0); // trending, but not available in NL
    now.put("pp", 40.0);
    Ranking result =
        rank(
            new RankingRequest(null, null, null, null, 2, 0, RankingRequest.Knobs.diversity(0.0)),
            new Watching(Map.of(), Map.of(), now));

    assertThat(titles(result)).containsExactly("The Great British Baking Show", "Paw Patrol");
    assertThat(result.items().get(0).matched()).contains("trending in NL now");
    assertThat(result.usedQuery()).isFalse();
    assertThat(result.usedTaste()).isFalse();
  }

  @Test
  void coWatch_bringsWhatPeopleWhoWatchedTheLikedTitleAlsoWatched_andSaysSo() {
    Watching watching =
        new Watching(Map.of("lk", List.of(new Collective.Partner("gb", 0.9))), Map.of(), Map.of());
    TasteWeights anna = new TasteWeights(Map.of("lk", 3.0), Map.of(), Set.of("lk"));

    Ranking contentOnly =
        rank(
            new RankingRequest(
                null, null, null, anna, 3, 0, new RankingRequest.Knobs(null, 0.0, 0.0, 0.0)),
            watching);
    Ranking coWatchOnly =
        rank(
            new RankingRequest(
                null, null, null, anna, 3, 0, new RankingRequest.Knobs(null, 0.0, 1.0, 0.0)),
            watching);

    assertThat(titles(contentOnly).get(0)).isNotEqualTo("The Great British Baking Show");
    assertThat(titles(coWatchOnly).get(0)).isEqualTo("The Great British Baking Show");
    assertThat(coWatchOnly.items().get(0).matched())
        .contains("people who watched The Last Kingdom also watched this");
    assertThat(coWatchOnly.items().get(0).score(ScoreKind.COLLABORATIVE)).isEqualTo(0.9);
  }

  @Test
  void popularity_isAPriorThatOrdersOtherwiseEqualTitles() {
    Watching watching =
        new Watching(Map.of(), Map.of("kf", 5_000L, "vk", 3L, "vv", 3L, "lk", 3L), Map.of());
    Ranking withPrior =
        rank(
            new RankingRequest(
                embedder.embedQuery("history"),
                "history",
                null,
                null,
                5,
                0,
                new RankingRequest.Knobs(null, 0.0, null, 1.0)),
            watching);

    assertThat(titles(withPrior).get(0)).isEqualTo("Knightfall");
    assertThat(withPrior.items().get(0).score(ScoreKind.POPULARITY)).isEqualTo(Math.log1p(5_000));
  }
}
