package dev.moviedb.cli.stack;

/**
 * What an embedding worker's {@code GET /v1/index} says of its index (the fields these commands
 * read).
 *
 * @param model the worker's model
 * @param titles titles searchable in its index
 * @param live whether recommend-api serves this index
 * @param liveModel the model of the live index
 * @param pendingRecords catalogue records the worker has not indexed yet; -1 when Kafka does not
 *     answer
 */
public record IndexStatus(
    String model, long titles, boolean live, String liveModel, long pendingRecords) {

  /** Whether the worker has indexed every catalogue record published so far. */
  public boolean caughtUp() {
    return pendingRecords == 0;
  }
}
