package dev.moviedb.vectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.moviedb.vectors.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every embedding model adapter must do; each adapter's test extends this class. */
public abstract class TextEmbedderContractTest {

  protected abstract TextEmbedder embedder();

  private static final String VIKINGS =
      "The Last Kingdom (2015). Series. Uhtred, raised by Danes, fights for King Alfred of Wessex"
          + " against the viking invaders.";
  private static final String ROMCOM =
      "Emily in Paris (2020). Series. A young marketing executive from Chicago moves to Paris and"
          + " juggles work, friends and romance.";

  @Test
  void documents_becomeUnitVectorsOfTheDeclaredDimension_inInputOrder() {
    List<float[]> vectors = embedder().embedDocuments(List.of(VIKINGS, ROMCOM));

    assertThat(vectors).hasSize(2);
    for (float[] v : vectors) {
      assertThat(v).hasSize(embedder().dimension());
      assertThat(Vectors.norm(v)).isCloseTo(1.0, offset(1e-4));
    }
    float[] alone = embedder().embedDocuments(List.of(ROMCOM)).get(0);
    assertThat(Vectors.dot(alone, vectors.get(1))).isCloseTo(1.0, offset(1e-3));
  }

  @Test
  void aQuery_isNearerToTheTitleItDescribesThanToAnUnrelatedOne() {
    List<float[]> docs = embedder().embedDocuments(List.of(VIKINGS, ROMCOM));
    float[] query = embedder().embedQuery("a series where King Alfred confronts the vikings");

    assertThat(Vectors.dot(query, docs.get(0))).isGreaterThan(Vectors.dot(query, docs.get(1)));
  }

  @Test
  void modelId_isStableAndNamed() {
    assertThat(embedder().modelId()).isNotBlank().isEqualTo(embedder().modelId());
  }
}
