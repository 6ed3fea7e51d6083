package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import dev.moviedb.vectors.Vectors;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.lucene.LuceneVectorStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An embedded index holding three titles (vectors at random: these tests are about what the API
 * answers, not about relevance) for recommend-api to serve, on Netflix in NL: The Last Kingdom
 * arrived five days ago, Vikings leaves in ten days, Rain Man has no dates and is on Videoland too.
 */
public class SmallCatalogue implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "small-catalogue");
      try (LuceneVectorStore store = LuceneVectorStore.forWriting(dir)) {
        store.bindModel("bge-small-en-v1.5-q", 384);
        Random random = new Random(3);
        store.upsert(
            List.of(
                title(
                    "t1",
                    "The Last Kingdom",
                    TitleType.SERIES,
                    List.of("Drama", "History"),
                    List.of(new Availability("netflix", "NL", TODAY.minusDays(5), null)),
                    random),
                title(
                    "t2",
                    "Vikings",
                    TitleType.SERIES,
                    List.of("Action", "History"),
                    List.of(new Availability("netflix", "NL", null, TODAY.plusDays(10))),
                    random),
                title(
                    "t3",
                    "Rain Man",
                    TitleType.MOVIE,
                    List.of("Drama"),
                    List.of(Availability.of("netflix", "NL"), Availability.of("videoland", "NL")),
                    random)));
      }
      return Map.of("moviedb.vector-store.path", dir.toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the test index", e);
    }
  }

  private static final LocalDate TODAY = LocalDate.now();

  private static StoredTitle title(
      String id,
      String name,
      TitleType type,
      List<String> genres,
      List<Availability> availability,
      Random random) {
    float[] v = new float[384];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return new StoredTitle(
        id,
        name,
        type,
        2015,
        type == TitleType.MOVIE ? 133 : null,
        type == TitleType.SERIES ? 5 : null,
        genres,
        List.of(),
        List.of(),
        List.of("en"),
        List.of(),
        null,
        List.of(),
        null,
        availability,
        List.of(),
        "hash-" + id,
        Vectors.normalize(v));
  }

  @Override
  public void stop() {}
}
