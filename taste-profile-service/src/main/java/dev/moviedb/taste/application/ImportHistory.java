package dev.moviedb.taste.application;

import dev.moviedb.events.WatchRecorded;
import dev.moviedb.identity.UserIds;
import dev.moviedb.taste.application.port.WatchEventPublisher;
import dev.moviedb.taste.domain.EventIds;
import dev.moviedb.taste.domain.FileReport;
import dev.moviedb.taste.domain.HistoryReport;
import dev.moviedb.taste.domain.HistoryRow;
import dev.moviedb.taste.domain.ParsedHistory;
import dev.moviedb.taste.domain.ParsedUpload;
import dev.moviedb.taste.domain.Rejection;
import dev.moviedb.taste.domain.Skipped;
import dev.moviedb.taste.domain.TitleResolver;
import dev.moviedb.taste.domain.UnresolvedTitle;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use case: turns a parsed Netflix export (one file or the files of a zip) into {@code
 * WatchRecorded} events with deterministic ids, resolves each title against the catalogue where it
 * is read, publishes the good rows and reports the rest (rejected rows by file and line, titles the
 * catalogue does not hold yet).
 */
@ApplicationScoped
public class ImportHistory {

  private static final int UNRESOLVED_LISTED = 50;

  private final WatchEventPublisher publisher;
  private final TitleResolver resolver;

  public ImportHistory(WatchEventPublisher publisher, TitleResolver resolver) {
    this.publisher = publisher;
    this.resolver = resolver;
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
    Map<String, Long> unresolved = new TreeMap<>();
    Skipped skipped = Skipped.NONE;
    long rowsRead = 0;
    long resolvedTotal = 0;
    for (ParsedHistory parsed : upload.files()) {
      long resolved = 0;
      for (HistoryRow row : parsed.rows()) {
        WatchRecorded event = toEvent(userId, parsed, row);
        if (event.titleId() != null) {
          resolved++;
        } else {
          unresolved.merge(TitleResolver.display(row.rawTitle()), 1L, Long::sum);
        }
        events.add(event);
      }
      files.add(
          new FileReport(
              parsed.name(),
              parsed.format().fileName(),
              parsed.rowsRead(),
              parsed.rows().size(),
              resolved,
              parsed.skipped(),
              parsed.rejected().size()));
      rejected.addAll(parsed.rejected());
      skipped = skipped.plus(parsed.skipped());
      rowsRead += parsed.rowsRead();
      resolvedTotal += resolved;
    }
    publisher.publish(events);
    return new HistoryReport(
        userId,
        upload.format(),
        upload.profile(),
        rowsRead,
        events.size(),
        resolvedTotal,
        skipped,
        rejected,
        unresolved.entrySet().stream()
            .map(e -> new UnresolvedTitle(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingLong(UnresolvedTitle::count).reversed())
            .limit(UNRESOLVED_LISTED)
            .toList(),
        files);
  }

  /** The row as a watch event, its title resolved if the catalogue holds it. */
  WatchRecorded toEvent(String userId, ParsedHistory parsed, HistoryRow row) {
    String file = parsed.format().fileName();
    String eventId =
        EventIds.of(userId, file, row.profile(), row.rawTitle(), row.when(), row.signal());
    WatchRecorded event =
        new WatchRecorded(
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
            null,
            null);
    return resolver.resolve(row.rawTitle()).map(t -> t.applyTo(event)).orElse(event);
  }

  static void requireUser(String userId) {
    UserIds.require(userId);
  }
}
