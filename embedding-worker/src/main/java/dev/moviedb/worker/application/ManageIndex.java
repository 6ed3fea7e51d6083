package dev.moviedb.worker.application;

import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.worker.application.port.Backlog;
import org.jboss.logging.Logger;

/**
 * Use case: report the state of this worker's index, and make it the live one once it has caught up
 * with the catalogue (the last step of a re-embed).
 */
public class ManageIndex {

  private static final Logger LOG = Logger.getLogger(ManageIndex.class);

  private final VectorStore store;
  private final TextEmbedder embedder;
  private final Backlog backlog;
  private final boolean staging;

  public ManageIndex(VectorStore store, TextEmbedder embedder, Backlog backlog, boolean staging) {
    this.store = store;
    this.embedder = embedder;
    this.backlog = backlog;
    this.staging = staging;
  }

  /**
   * The state of this worker's index.
   *
   * @param live whether this index is the one recommend-api serves
   * @param liveModel the model of the live index (another one while a re-embed is staged)
   * @param pendingRecords catalogue records not yet indexed (-1 when Kafka does not answer)
   */
  public record IndexStatus(
      String model,
      int dimension,
      long titles,
      boolean live,
      String liveModel,
      boolean staging,
      String consumerGroup,
      long pendingRecords) {}

  /** Promotion refused: records are still pending, or Kafka cannot say how many. */
  public static class NotCaughtUpException extends RuntimeException {
    public NotCaughtUpException(String message) {
      super(message);
    }
  }

  public IndexStatus status() {
    return status(backlog.pendingRecords());
  }

  /**
   * Makes this worker's index the live one. Refused while catalogue records are still pending,
   * unless forced: promoting a half-built index would hide titles.
   */
  public IndexStatus promote(boolean force) {
    long pending = backlog.pendingRecords();
    if (pending != 0 && !force) {
      throw new NotCaughtUpException(
          pending < 0
              ? "Kafka does not answer, so the index cannot be shown to be complete; retry, or"
                  + " promote with force=true"
              : pending
                  + " catalogue records are not indexed yet; wait until pendingRecords is 0, or"
                  + " promote with force=true");
    }
    String before = store.liveModel().orElse("none");
    store.promote();
    LOG.infof("index of %s promoted to live (was %s)", embedder.modelId(), before);
    return status(pending);
  }

  private IndexStatus status(long pendingRecords) {
    String liveModel = store.liveModel().orElse(null);
    return new IndexStatus(
        embedder.modelId(),
        embedder.dimension(),
        store.count(),
        embedder.modelId().equals(liveModel),
        liveModel,
        staging,
        backlog.groupId(),
        pendingRecords);
  }
}
