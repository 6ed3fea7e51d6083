package dev.moviedb.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.vectors.embedding.TextEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

  @TempDir Path dir;

  @Test
  void givenTheSameTexts_vectors_comeFromDiskWithoutCallingTheModel() throws IOException {
    CountingModel model = new CountingModel();
    EmbeddingCache cache = new EmbeddingCache(dir);
    List<float[]> first = cache.vectors(List.of("a dark series", "a comedy"), model);
    List<float[]> again =
        new EmbeddingCache(dir).vectors(List.of("a dark series", "a comedy"), model);
    assertThat(model.documents).isEqualTo(2);
    assertThat(again).hasSize(2);
    assertThat(again.get(0)).containsExactly(first.get(0));
    assertThat(again.get(1)).containsExactly(first.get(1));
  }

  @Test
  void givenTextsOfAnotherFormOfTheSameTitles_vectors_doNotCollide() throws IOException {
    CountingModel model = new CountingModel();
    EmbeddingCache cache = new EmbeddingCache(dir);
    List<float[]> full =
        cache.vectors(List.of("Dark (2017). Series.", "Lupin (2021). Series."), model);
    List<float[]> minimal = cache.vectors(List.of("Dark.", "Lupin."), model);
    assertThat(model.documents).isEqualTo(4);
    assertThat(minimal.get(0)).containsExactly(5f, 'D');
    assertThat(full.get(0)).containsExactly(20f, 'D');
    assertThat(cache.file(List.of("Dark."), "m")).isNotEqualTo(cache.file(List.of("Dark"), "m"));
    assertThat(cache.file(List.of("ab", "c"), "m"))
        .isNotEqualTo(cache.file(List.of("a", "bc"), "m"));
  }

  /** Embeds a text as (length, first character) and counts the documents it was asked for. */
  private static final class CountingModel implements TextEmbedder {
    int documents;

    @Override
    public String modelId() {
      return "counting";
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
      documents += texts.size();
      return texts.stream().map(t -> new float[] {t.length(), t.charAt(0)}).toList();
    }

    @Override
    public float[] embedQuery(String text) {
      return embedDocuments(List.of(text)).get(0);
    }
  }
}
