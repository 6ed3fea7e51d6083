package dev.moviedb.vectors.embedding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class InProcessMiniLmEmbedderTest extends TextEmbedderContractTest {

  private static InProcessEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new InProcessEmbedder(EmbeddingModels.ALL_MINILM_L6_V2_Q, 1, 2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Override
  protected TextEmbedder embedder() {
    return embedder;
  }
}
