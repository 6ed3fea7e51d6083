package dev.moviedb.worker.application.port;

/** Port: how far this worker's consumer group is behind the catalogue topic. */
public interface Backlog {

  /** The consumer group whose position is this model's index position. */
  String groupId();

  /**
   * Catalogue records not yet committed by the group: 0 = caught up; -1 = Kafka does not answer.
   */
  long pendingRecords();
}
