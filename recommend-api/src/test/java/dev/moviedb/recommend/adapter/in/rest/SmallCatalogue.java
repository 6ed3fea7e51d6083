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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An embedded index holding three titles (vectors at random: these tests are about what the API
 * answers, not about relevance) for recommend-api to serve.
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
                    random),
                title("t2", "Vikings", TitleType.SERIES, List.of("Action", "History"), random),
                title("t3", "Rain Man", TitleType.MOVIE, List.of("Drama"), random)));
      }
      return Map.of("moviedb.vector-store.path", dir.toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the test index", e);
    }
  }

  private static StoredTitle title(
      String id, String name, TitleType type, List<String> genres, Random random) {
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
        List.of(Availability.of("netflix", "NL")),
        List.of(),
        "hash-" + id,
        Vectors.normalize(v));
  }

  @Override
  public void stop() {}
}
