package dev.moviedb.vectors.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.moviedb.vectors.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every embedding model adapter must do; each adapter's test extends this class. */
public abstract class TextEmbedderContractTest {

  protected abstract TextEmbedder embedder();

  /**
   * How far (1 - cosine) a query embedded in a batch may lie from the same query alone: the
   * quantised models scale activations over the whole batch; the worst seen was 0.0104 (MiniLM) and
   * 0.0102 (bge, over the 112 labelled queries in batches of 2 to 16).
   */
  static final double SAME_QUERY = 0.02;

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
  void queriesEmbeddedTogether_getTheVectorEachGetsAlone_inInputOrder() {
    List<String> queries =
        List.of(
            "a series where King Alfred confronts the vikings",
            "romance in Paris",
            "a dark german time travel mystery with several families",
            "romance in Paris");

    List<float[]> together = embedder().embedQueries(queries);

    assertThat(together).hasSize(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      float[] alone = embedder().embedQuery(queries.get(i));
      assertThat(together.get(i)).hasSize(embedder().dimension());
      assertThat(Vectors.dot(together.get(i), alone)).isCloseTo(1.0, offset(SAME_QUERY));
    }
    assertThat(Vectors.dot(together.get(1), together.get(3))).isCloseTo(1.0, offset(1e-5));
    assertThat(Vectors.dot(together.get(0), together.get(1))).isLessThan(1 - 10 * SAME_QUERY);
  }

  @Test
  void aQueryEmbeddedBesideItself_isTheVectorItGetsAlone() {
    String query = "a feel-good movie for a rainy sunday";

    List<float[]> together = embedder().embedQueries(List.of(query, query));

    float[] alone = embedder().embedQuery(query);
    for (float[] v : together) {
      assertThat(Vectors.dot(v, alone)).isCloseTo(1.0, offset(1e-5));
    }
  }

  @Test
  void modelId_isStableAndNamed() {
    assertThat(embedder().modelId()).isNotBlank().isEqualTo(embedder().modelId());
  }
}
