package dev.moviedb.worker.application;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.vectors.text.DocumentText;
import dev.moviedb.worker.domain.TitleResolver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: apply a batch of {@code catalog.titles} records to the vector store. Only titles whose
 * document text changed are embedded; availability or other payload-only changes reuse the stored
 * vector; tombstones delete. Applying the same batch twice leaves the store as it was, so
 * redelivery after a crash is harmless.
 */
@ApplicationScoped
public class IndexCatalogue {

  private final TextEmbedder embedder;
  private final VectorStore store;
  private final TitleResolver resolver;
  private final Counter embedded;
  private final Counter payloadOnly;
  private final Counter removed;

  public IndexCatalogue(
      TextEmbedder embedder, VectorStore store, TitleResolver resolver, MeterRegistry metrics) {
    this.embedder = embedder;
    this.store = store;
    this.resolver = resolver;
    this.embedded = metrics.counter("moviedb.worker.titles.embedded");
    this.payloadOnly = metrics.counter("moviedb.worker.titles.payload_only");
    this.removed = metrics.counter("moviedb.worker.titles.removed");
  }

  /** What one batch did. */
  public record Result(int embedded, int payloadOnly, int unchanged, int removed) {}

  /**
   * @param records title id to the latest record of that id in the batch (null = tombstone), in
   *     arrival order
   */
  public Result apply(Map<String, TitlePublished> records) {
    Map<String, StoredTitle> existing = store.get(records.keySet());
    List<String> deletions = new ArrayList<>();
    List<StoredTitle> ready = new ArrayList<>();
    List<Pending> toEmbed = new ArrayList<>();
    int unchanged = 0;
    for (var entry : records.entrySet()) {
      TitlePublished t = entry.getValue();
      if (t == null) {
        if (existing.containsKey(entry.getKey())) {
          deletions.add(entry.getKey());
        }
        resolver.remove(entry.getKey());
        continue;
      }
      resolver.put(t.titleId(), t.title(), t.alternateTitles());
      String text = DocumentText.of(t);
      String hash = DocumentText.hash(text, embedder.modelId());
      StoredTitle old = existing.get(t.titleId());
      if (old != null && hash.equals(old.contentHash())) {
        StoredTitle updated = toStored(t, hash, old.vector());
        if (samePayload(old, updated)) {
          unchanged++;
        } else {
          ready.add(updated);
        }
      } else {
        toEmbed.add(new Pending(t, text, hash));
      }
    }
    int payload = ready.size();
    if (!toEmbed.isEmpty()) {
      List<float[]> vectors = embedder.embedDocuments(toEmbed.stream().map(Pending::text).toList());
      for (int i = 0; i < toEmbed.size(); i++) {
        Pending p = toEmbed.get(i);
        ready.add(toStored(p.title(), p.hash(), vectors.get(i)));
      }
    }
    store.upsert(ready);
    store.delete(deletions);
    embedded.increment(toEmbed.size());
    payloadOnly.increment(payload);
    removed.increment(deletions.size());
    return new Result(toEmbed.size(), payload, unchanged, deletions.size());
  }

  /** A title whose text changed: embedded in one batch with the others. */
  private record Pending(TitlePublished title, String text, String hash) {}

  private static boolean samePayload(StoredTitle a, StoredTitle b) {
    return Objects.equals(a.withVector(b.vector(), b.contentHash()).toString(), b.toString());
  }

  static StoredTitle toStored(TitlePublished t, String hash, float[] vector) {
    return new StoredTitle(
        t.titleId(),
        t.title(),
        t.type(),
        t.year(),
        t.runtimeMinutes(),
        t.seasons(),
        t.genres(),
        t.cast(),
        t.directors(),
        t.languages(),
        t.alternateTitles(),
        t.franchise(),
        t.availability(),
        hash,
        vector);
  }
}
