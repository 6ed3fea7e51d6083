package dev.moviedb.worker.application;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.problems.ProblemMappers;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.vectors.text.DocumentText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use case: apply a batch of {@code catalog.works} records to the vector store. Only titles whose
 * document text changed are embedded; availability or other payload-only changes reuse the stored
 * vector; tombstones delete. Applying the same batch twice leaves the store as it was, so
 * redelivery after a crash is harmless. Titles that cannot be indexed are reported, never thrown:
 * the others of the batch are indexed all the same.
 */
@ApplicationScoped
public class IndexCatalogue {

  private final TextEmbedder embedder;
  private final VectorStore store;
  private final Counter embedded;
  private final Counter payloadOnly;
  private final Counter removed;
  private final Counter failed;

  public IndexCatalogue(TextEmbedder embedder, VectorStore store, MeterRegistry metrics) {
    this.embedder = embedder;
    this.store = store;
    this.embedded = metrics.counter("moviedb.worker.titles.embedded");
    this.payloadOnly = metrics.counter("moviedb.worker.titles.payload_only");
    this.removed = metrics.counter("moviedb.worker.titles.removed");
    this.failed = metrics.counter("moviedb.worker.titles.failed");
  }

  /**
   * What one batch did.
   *
   * @param failed title id to why that title was not indexed: it is invalid (see {@link #check}),
   *     or embedding or storing it failed when it was tried on its own
   */
  public record Result(
      int embedded,
      int payloadOnly,
      int unchanged,
      int removed,
      Map<String, RuntimeException> failed) {

    public Result {
      failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }

    private static Result failure(String titleId, RuntimeException why) {
      return new Result(0, 0, 0, 0, Map.of(titleId, why));
    }

    private Result plus(Result other) {
      Map<String, RuntimeException> all = new LinkedHashMap<>(failed);
      all.putAll(other.failed);
      return new Result(
          embedded + other.embedded,
          payloadOnly + other.payloadOnly,
          unchanged + other.unchanged,
          removed + other.removed,
          all);
    }
  }

  /**
   * Throws {@link IllegalArgumentException}, naming the problem, when a {@code catalog.works}
   * record cannot be indexed: it has no key, or its title (null = tombstone) has no id, an id other
   * than the key, no name or no type.
   */
  public static void check(String key, TitlePublished title) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("catalogue record without a key (the title id)");
    }
    if (title == null) {
      return;
    }
    if (title.titleId() == null || title.titleId().isBlank()) {
      throw new IllegalArgumentException("title under key " + key + " has no titleId");
    }
    if (!title.titleId().equals(key)) {
      throw new IllegalArgumentException(
          "title " + title.titleId() + " was published under another key: " + key);
    }
    if (title.title() == null || title.title().isBlank()) {
      throw new IllegalArgumentException("title " + key + " has no title");
    }
    if (title.type() == null) {
      throw new IllegalArgumentException("title " + key + " has no type (MOVIE or SERIES)");
    }
  }

  /**
   * Applies a batch. Invalid titles are left out and reported; when writing the rest fails, each
   * title is tried on its own, so that one title that cannot be embedded or stored does not hold
   * back the others. When none can be written, the failure is thrown (see oneByOne).
   *
   * @param records title id to the latest record of that id in the batch (null = tombstone), in
   *     arrival order
   */
  public Result apply(Map<String, TitlePublished> records) {
    Map<String, RuntimeException> invalid = new LinkedHashMap<>();
    Map<String, TitlePublished> valid = new LinkedHashMap<>();
    records.forEach(
        (id, title) -> {
          try {
            check(id, title);
            valid.put(id, title);
          } catch (IllegalArgumentException e) {
            invalid.put(id, e);
          }
        });
    Result result = new Result(0, 0, 0, 0, invalid);
    if (!valid.isEmpty()) {
      try {
        result = result.plus(write(valid));
      } catch (RuntimeException batchFailure) {
        result = result.plus(oneByOne(valid, batchFailure));
      }
    }
    failed.increment(result.failed().size());
    return result;
  }

  /**
   * Tries each title on its own after the batch failed. When not one of them can be written, or a
   * title fails because the store or the model does not answer, the fault is not in the titles: the
   * failure is thrown, so the batch is retried instead of being dead-lettered.
   */
  private Result oneByOne(Map<String, TitlePublished> titles, RuntimeException batchFailure) {
    Result result = new Result(0, 0, 0, 0, Map.of());
    int written = 0;
    for (var entry : titles.entrySet()) {
      Map<String, TitlePublished> one = new LinkedHashMap<>();
      one.put(entry.getKey(), entry.getValue());
      try {
        result = result.plus(write(one));
        written++;
      } catch (RuntimeException e) {
        if (ProblemMappers.isOutage(e)) {
          throw e;
        }
        result = result.plus(Result.failure(entry.getKey(), e));
      }
    }
    if (written == 0) {
      throw batchFailure;
    }
    return result;
  }

  /** Writes valid titles and tombstones. */
  private Result write(Map<String, TitlePublished> records) {
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
        continue;
      }
      String text = DocumentText.of(t);
      String hash = DocumentText.hash(text, embedder.modelId());
      StoredTitle old = existing.get(t.titleId());
      if (old != null && hash.equals(old.contentHash())) {
        StoredTitle updated = StoredTitle.from(t, hash, old.vector());
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
        ready.add(StoredTitle.from(p.title(), p.hash(), vectors.get(i)));
      }
    }
    store.upsert(ready);
    store.delete(deletions);
    embedded.increment(toEmbed.size());
    payloadOnly.increment(payload);
    removed.increment(deletions.size());
    return new Result(toEmbed.size(), payload, unchanged, deletions.size(), Map.of());
  }

  /** A title whose text changed: embedded in one batch with the others. */
  private record Pending(TitlePublished title, String text, String hash) {}

  private static boolean samePayload(StoredTitle a, StoredTitle b) {
    return Objects.equals(a.withVector(b.vector(), b.contentHash()).toString(), b.toString());
  }
}
