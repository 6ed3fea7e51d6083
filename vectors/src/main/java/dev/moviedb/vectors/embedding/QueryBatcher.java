package dev.moviedb.vectors.embedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Micro-batching of queries: queries that arrive together are embedded in one call of the model
 * ({@link TextEmbedder#embedQueries}). A query waits at most {@code maxWait} after the first query
 * of its batch was taken for others to join, and a batch holds at most {@code maxBatch} queries;
 * {@code dispatchers} batches run at once. Each query gets the vector of its own text, in the order
 * asked; when a batch fails, its queries are embedded one by one, so a failure reaches only the
 * query that causes it. Documents are passed through.
 */
public final class QueryBatcher implements TextEmbedder, AutoCloseable {

  private final TextEmbedder model;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> dispatchers = new ArrayList<>();
  private final LongAdder batches = new LongAdder();
  private final LongAdder queries = new LongAdder();
  private volatile boolean closed;

  private record Pending(String text, CompletableFuture<float[]> vector) {}

  /** Batches and queries embedded so far: their ratio is the mean batch size. */
  public record Stats(long batches, long queries) {}

  public QueryBatcher(TextEmbedder model, int maxBatch, Duration maxWait, int dispatchers) {
    if (maxBatch < 1 || dispatchers < 1) {
      throw new IllegalArgumentException("the batch size and the dispatchers must be >= 1");
    }
    if (maxWait == null || maxWait.isNegative()) {
      throw new IllegalArgumentException("the longest wait must be >= 0");
    }
    this.model = model;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
    AtomicInteger n = new AtomicInteger();
    for (int i = 0; i < dispatchers; i++) {
      Thread t =
          new Thread(this::dispatch, "query-batch-" + model.modelId() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      this.dispatchers.add(t);
      t.start();
    }
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return model.embedDocuments(texts);
  }

  @Override
  public float[] embedQuery(String text) {
    return embedQueries(List.of(text)).get(0);
  }

  /** The queries join the batches being formed together and each waits for its own vector. */
  @Override
  public List<float[]> embedQueries(List<String> texts) {
    List<Pending> pending =
        texts.stream().map(t -> new Pending(t, new CompletableFuture<>())).toList();
    queue.addAll(pending);
    if (closed) {
      failQueued(); // close() may have drained the queue before these queries joined it
    }
    List<float[]> vectors = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      vectors.add(await(p));
    }
    return vectors;
  }

  private static float[] await(Pending p) {
    try {
      return p.vector().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("embedding the query failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the query was being embedded", e);
    }
  }

  public Stats stats() {
    return new Stats(batches.sum(), queries.sum());
  }

  private void dispatch() {
    while (!closed) {
      List<Pending> batch = new ArrayList<>(maxBatch);
      try {
        collect(batch);
      } catch (InterruptedException e) {
        batch.forEach(p -> p.vector().completeExceptionally(closedException()));
        return; // closed
      }
      embed(batch);
    }
  }

  /** The next batch: the first query waiting, then whoever joins within the bounded wait. */
  private void collect(List<Pending> batch) throws InterruptedException {
    batch.add(queue.take());
    long deadline = System.nanoTime() + maxWaitNanos;
    queue.drainTo(batch, maxBatch - batch.size());
    while (batch.size() < maxBatch) {
      long left = deadline - System.nanoTime();
      Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, maxBatch - batch.size());
    }
  }

  private void embed(List<Pending> batch) {
    batches.increment();
    queries.add(batch.size());
    try {
      List<float[]> vectors = model.embedQueries(batch.stream().map(Pending::text).toList());
      if (vectors.size() != batch.size()) {
        throw new IllegalStateException(
            "the model returned " + vectors.size() + " vectors for " + batch.size() + " queries");
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).vector().complete(vectors.get(i));
      }
    } catch (Throwable batchFailure) {
      if (batch.size() == 1) {
        batch.get(0).vector().completeExceptionally(batchFailure);
        return;
      }
      for (Pending p : batch) { // find the query that fails: the others still get their vector
        try {
          p.vector().complete(model.embedQuery(p.text()));
        } catch (Throwable failure) {
          p.vector().completeExceptionally(failure);
        }
      }
    }
  }

  private void failQueued() {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.vector().completeExceptionally(closedException()));
  }

  private IllegalStateException closedException() {
    return new IllegalStateException("the model " + modelId() + " was closed");
  }

  /** Stops the dispatchers, fails the queries still waiting, and closes the model. */
  @Override
  public void close() throws Exception {
    closed = true;
    dispatchers.forEach(Thread::interrupt);
    for (Thread t : dispatchers) {
      t.join(TimeUnit.SECONDS.toMillis(10));
    }
    failQueued();
    if (model instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
