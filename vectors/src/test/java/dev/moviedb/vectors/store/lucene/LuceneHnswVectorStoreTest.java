package dev.moviedb.vectors.store.lucene;

import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.vectors.store.VectorStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The same contract when searches walk the HNSW graph (catalogues above the exact-scan limit). */
class LuceneHnswVectorStoreTest extends VectorStoreContractTest {

  @TempDir Path dir;

  @Override
  protected VectorStore createStore() {
    return LuceneVectorStore.forWriting(dir).withGraph(true).withExactScanLimit(0);
  }

  @Override
  protected VectorStore handle(boolean writer) {
    return writer
        ? LuceneVectorStore.forWriting(dir).withGraph(true).withExactScanLimit(0)
        : LuceneVectorStore.forReading(dir, 0).withExactScanLimit(0);
  }
}
