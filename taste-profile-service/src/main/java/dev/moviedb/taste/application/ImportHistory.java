package dev.moviedb.taste.application;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.WatchEventPublisher;
import dev.moviedb.taste.domain.EventIds;
import dev.moviedb.taste.domain.HistoryReport;
import dev.moviedb.taste.domain.HistoryRow;
import dev.moviedb.taste.domain.ParsedHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Use case: turns a parsed Netflix export into {@code WatchRecorded} events with deterministic ids,
 * publishes the good rows and reports the rest.
 */
@ApplicationScoped
public class ImportHistory {

  private final WatchEventPublisher publisher;

  public ImportHistory(WatchEventPublisher publisher) {
    this.publisher = publisher;
  }

  public HistoryReport run(String userId, ParsedHistory parsed) {
    requireUser(userId);
    List<WatchRecorded> events =
        parsed.rows().stream().map(r -> toEvent(userId, parsed, r)).toList();
    publisher.publish(events);
    return new HistoryReport(
        userId,
        parsed.format().fileName(),
        parsed.profile(),
        parsed.rowsRead(),
        events.size(),
        parsed.skipped(),
        parsed.rejected());
  }

  static WatchRecorded toEvent(String userId, ParsedHistory parsed, HistoryRow row) {
    String file = parsed.format().fileName();
    String eventId =
        EventIds.of(userId, file, row.profile(), row.rawTitle(), row.when(), row.signal());
    return new WatchRecorded(
        WatchRecorded.SCHEMA_VERSION,
        eventId,
        userId,
        row.profile(),
        null,
        row.rawTitle(),
        row.signal(),
        row.watchedSeconds(),
        row.occurredAt(),
        file + ":" + row.line());
  }

  static void requireUser(String userId) {
    if (userId == null || userId.isBlank() || userId.length() > 200) {
      throw new IllegalArgumentException("userId must be 1 to 200 characters");
    }
  }
}
