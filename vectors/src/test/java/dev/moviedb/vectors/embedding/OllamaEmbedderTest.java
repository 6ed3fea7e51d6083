package dev.moviedb.vectors.embedding;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.ollama.OllamaContainer;

/**
 * The contract against a real Ollama server with a small embedding model; skipped (not failed)
 * where Docker is not available. The model is pulled from the Ollama registry at start.
 */
@Testcontainers(disabledWithoutDocker = true)
class OllamaEmbedderTest extends TextEmbedderContractTest {

  private static final String MODEL = "all-minilm";

  @Container static final OllamaContainer OLLAMA = new OllamaContainer("ollama/ollama:0.6.5");

  private static OllamaEmbedder embedder;

  @BeforeAll
  static void pull() throws Exception {
    OLLAMA.execInContainer("ollama", "pull", MODEL);
    embedder = new OllamaEmbedder(OLLAMA.getEndpoint(), MODEL, Duration.ofSeconds(60), 2, "", "");
  }

  @Override
  protected TextEmbedder embedder() {
    return embedder;
  }
}
