package dev.moviedb.vectors.store.qdrant;

import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.vectors.store.VectorStoreContractTest;
import java.time.Duration;
import java.util.UUID;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

/** Runs the contract against a real Qdrant; skipped (not failed) where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class QdrantVectorStoreTest extends VectorStoreContractTest {

  @Container static final QdrantContainer QDRANT = new QdrantContainer("qdrant/qdrant:v1.15.1");

  private String alias;

  @Override
  protected VectorStore createStore() {
    alias = "titles" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    return handle(true);
  }

  @Override
  protected VectorStore handle(boolean writer) {
    return new QdrantVectorStore(
        QDRANT.getHost(), QDRANT.getGrpcPort(), false, null, alias, Duration.ofSeconds(10), writer);
  }
}
