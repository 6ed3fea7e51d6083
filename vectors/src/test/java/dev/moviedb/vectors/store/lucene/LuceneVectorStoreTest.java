package dev.moviedb.vectors.store.lucene;

import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.vectors.store.VectorStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest extends VectorStoreContractTest {

  @TempDir Path dir;

  @Override
  protected VectorStore createStore() {
    return LuceneVectorStore.forWriting(dir);
  }

  @Override
  protected VectorStore handle(boolean writer) {
    return writer ? LuceneVectorStore.forWriting(dir) : LuceneVectorStore.forReading(dir, 0);
  }
}
