package dev.moviedb.vectors.embedding;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class InProcessBgeEmbedderTest extends TextEmbedderContractTest {

  private static InProcessEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new InProcessEmbedder(EmbeddingModels.BGE_SMALL_EN_V15_Q, 2, 1);
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
