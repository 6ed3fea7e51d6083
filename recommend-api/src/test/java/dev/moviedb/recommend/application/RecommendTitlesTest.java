package dev.moviedb.recommend.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import dev.moviedb.recommend.application.RecommendTitles.NothingToRankException;
import dev.moviedb.recommend.application.RecommendTitles.Request;
import dev.moviedb.recommend.application.RecommendTitles.Result;
import dev.moviedb.recommend.application.RecommendTitles.UnknownTitleException;
import dev.moviedb.recommend.application.port.ServingIndex.Serving;
import dev.moviedb.recommend.config.RecommendConfig;
import dev.moviedb.recommend.domain.Recommendation;
import dev.moviedb.recommend.domain.TasteProfile;
import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.lucene.LuceneVectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ranking on a small real index: real model (bge-small-en-v1.5-q), real Lucene store, tastes
 * from an in-memory table standing in for Redis.
 */
class RecommendTitlesTest {

  @TempDir static Path dir;
  private static InProcessEmbedder embedder;
  private static LuceneVectorStore store;
  private static final Map<String, TasteProfile> TASTES = new HashMap<>();
  private static RecommendTitles recommend;

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
    recommend =
        new RecommendTitles(
            () -> new Serving(embedder, store),
            userId -> Optional.ofNullable(TASTES.get(userId)),
            new Defaults());
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
        List.of(Availability.of("netflix", country)),
        "hash-" + id,
        embedder.embedDocuments(List.of(text)).get(0));
  }

  private static Request request(String query, String userId) {
    return new Request(
        query, userId, null, 5, 0, TitleFilter.availableOn("netflix", "NL"), null, null);
  }

  private static List<String> titles(Result result) {
    return result.items().stream().map(Recommendation::title).toList();
  }

  @Test
  void aNewUsersQuery_findsTheTitle_keepsOneOfAFranchise_andOnlyWhatIsAvailable() {
    Result result =
        recommend.recommend(request("a series where King Alfred fights the vikings", null));

    assertThat(titles(result)).first().isEqualTo("The Last Kingdom");
    assertThat(titles(result)).doesNotContain("Barbarians");
    assertThat(titles(result).stream().filter(t -> t.startsWith("Vikings")).count())
        .as("Vikings and Vikings: Valhalla are one franchise")
        .isEqualTo(1);
    Recommendation top = result.items().get(0);
    assertThat(top.queryScore()).isNotNull();
    assertThat(top.tasteScore()).isNull();
    assertThat(top.matched()).contains("type: series");
    assertThat(result.usedQuery()).isTrue();
    assertThat(result.usedTaste()).isFalse();
    assertThat(result.alpha()).isEqualTo(1.0);
  }

  @Test
  void aUsersTaste_ranksAlikeTitles_dropsWhatTheyWatched_andSaysBecauseOfWhat() {
    TASTES.put("anna", new TasteProfile(Map.of("lk", 3.0), Map.of("pp", 1.0), Set.of("lk", "pp")));

    Result result = recommend.recommend(request(null, "anna"));

    assertThat(titles(result)).doesNotContain("The Last Kingdom", "Paw Patrol", "Barbarians");
    assertThat(titles(result).get(0)).isIn("Vikings", "Vikings: Valhalla", "Knightfall");
    assertThat(titles(result)).last().isNotIn("Vikings", "Vikings: Valhalla");
    Recommendation top = result.items().get(0);
    assertThat(top.because()).containsExactly("The Last Kingdom");
    assertThat(top.tasteScore()).isNotNull();
    assertThat(top.queryScore()).isNull();
    assertThat(result.alpha()).isZero();
  }

  @Test
  void queryAndTaste_bothScoreEveryItem_withTheConfiguredWeight() {
    TASTES.put("bert", new TasteProfile(Map.of("gb", 2.0), Map.of(), Set.of("gb")));

    Result result = recommend.recommend(request("knights and the holy grail", "bert"));

    assertThat(result.alpha()).isEqualTo(new Defaults().alpha());
    assertThat(result.items())
        .allSatisfy(
            r -> {
              assertThat(r.queryScore()).isNotNull();
              assertThat(r.tasteScore()).isNotNull();
            });
    assertThat(titles(result)).first().isEqualTo("Knightfall");
  }

  @Test
  void nothingToStartFrom_isABadRequest_andAnUnknownTitleIsNotFound() {
    assertThatThrownBy(() -> recommend.recommend(request(null, "nobody")))
        .isInstanceOf(NothingToRankException.class)
        .hasMessageContaining("nobody");
    assertThatThrownBy(
            () ->
                recommend.recommend(
                    new Request(null, null, "missing", 5, 0, TitleFilter.NONE, null, null)))
        .isInstanceOf(UnknownTitleException.class);
  }

  /** Ranking knobs for these tests. */
  private static final class Defaults implements RecommendConfig {
    @Override
    public double alpha() {
      return 0.6;
    }

    @Override
    public double negativeShare() {
      return 0.5;
    }

    @Override
    public int candidates() {
      return 100;
    }

    @Override
    public double diversity() {
      return 0.3;
    }

    @Override
    public int calibrationSample() {
      return 512;
    }

    @Override
    public int defaultLimit() {
      return 10;
    }

    @Override
    public int maxLimit() {
      return 100;
    }

    @Override
    public int maxOffset() {
      return 1000;
    }

    @Override
    public int maxQueryLength() {
      return 1000;
    }

    @Override
    public int queryCacheSize() {
      return 100;
    }

    @Override
    public String defaultService() {
      return "netflix";
    }

    @Override
    public String defaultCountry() {
      return "NL";
    }
  }
}
