package dev.moviedb.taste.application;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.application.port.WatchEventPublisher;
import dev.moviedb.taste.domain.EventIds;
import dev.moviedb.taste.domain.FileReport;
import dev.moviedb.taste.domain.HistoryReport;
import dev.moviedb.taste.domain.HistoryRow;
import dev.moviedb.taste.domain.ParsedHistory;
import dev.moviedb.taste.domain.ParsedUpload;
import dev.moviedb.taste.domain.Rejection;
import dev.moviedb.taste.domain.Skipped;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Use case: turns a parsed Netflix export (one file or the files of a zip) into {@code
 * WatchRecorded} events with deterministic ids, publishes the good rows and reports the rest.
 */
@ApplicationScoped
public class ImportHistory {

  private final WatchEventPublisher publisher;

  public ImportHistory(WatchEventPublisher publisher) {
    this.publisher = publisher;
  }

  public HistoryReport run(String userId, ParsedHistory parsed) {
    return run(userId, ParsedUpload.of(parsed));
  }

  /** Publishes the events of every file of the upload together, then reports per file. */
  public HistoryReport run(String userId, ParsedUpload upload) {
    requireUser(userId);
    List<WatchRecorded> events = new ArrayList<>();
    List<FileReport> files = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    Skipped skipped = Skipped.NONE;
    long rowsRead = 0;
    for (ParsedHistory parsed : upload.files()) {
      for (HistoryRow row : parsed.rows()) {
        events.add(toEvent(userId, parsed, row));
      }
      files.add(
          new FileReport(
              parsed.name(),
              parsed.format().fileName(),
              parsed.rowsRead(),
              parsed.rows().size(),
              parsed.skipped(),
              parsed.rejected().size()));
      rejected.addAll(parsed.rejected());
      skipped = skipped.plus(parsed.skipped());
      rowsRead += parsed.rowsRead();
    }
    publisher.publish(events);
    return new HistoryReport(
        userId,
        upload.format(),
        upload.profile(),
        rowsRead,
        events.size(),
        skipped,
        rejected,
        files);
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
        file + ":" + row.line(),
        null,
        null);
  }

  static void requireUser(String userId) {
    if (userId == null || userId.isBlank() || userId.length() > 200) {
      throw new IllegalArgumentException("userId must be 1 to 200 characters");
    }
  }
}
