package dev.moviedb.catalog.application;

import dev.moviedb.catalog.application.port.CataloguePublisher.PublishFailedException;
import dev.moviedb.catalog.domain.ImportMode;
import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalog.domain.WorkReport;
import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.catalogfiles.InvalidFileException;
import dev.moviedb.catalogfiles.ParsedRow;
import dev.moviedb.catalogfiles.Rejection;
import dev.moviedb.events.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case: turn the rows of a catalogue file into exactly the changes of {@code catalog.titles}
 * and {@code catalog.works}.
 *
 * <p>Rows whose content equals the last published record are skipped; changed or new rows are
 * published in batches and count as published only once Kafka acknowledged them. New rows are
 * matched to the works of other sources first ({@link WorkCatalogue}). In snapshot mode, titles of
 * the file's source that the file no longer lists are removed, and their works republished from the
 * remaining members. Titles that already exist keep the availability the availability feed gave
 * them unless the row states its own.
 */
@ApplicationScoped
public class ImportCatalogue {

  static final int BATCH_SIZE = WorkCatalogue.BATCH_SIZE;
  private static final int MAX_REPORTS = 100;
  private static final int MAX_REJECTIONS_LISTED = WorkReport.MAX_LISTED;

  private final WorkCatalogue works;
  private final CatalogState state;
  private final Map<String, ImportReport> reports =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportReport> eldest) {
          return size() > MAX_REPORTS;
        }
      };

  public ImportCatalogue(WorkCatalogue works, CatalogState state) {
    this.works = works;
    this.state = state;
  }

  /** What an import is asked to do. */
  public record Request(
      String fileName,
      String format,
      String source,
      ImportMode mode,
      List<Availability> declaredAvailability) {}

  public ImportReport run(Request request, Iterator<ParsedRow> rows) {
    Run run = new Run(request);
    try {
      while (rows.hasNext()) {
        run.accept(rows.next());
      }
      run.flush();
      if (request.mode() == ImportMode.SNAPSHOT) {
        run.removeMissing();
      }
      run.publishChangedWorks();
      return remember(run.report("COMPLETED", null));
    } catch (InvalidFileException e) {
      run.flushQuietly();
      return remember(run.report("FAILED", e.getMessage()));
    } catch (PublishFailedException e) {
      return remember(
          run.report(
              "FAILED",
              e.getMessage()
                  + " Titles counted as published were acknowledged; import the file again to"
                  + " publish the rest."));
    }
  }

  public synchronized Optional<ImportReport> report(String importId) {
    return Optional.ofNullable(reports.get(importId));
  }

  private synchronized ImportReport remember(ImportReport report) {
    reports.put(report.importId(), report);
    return report;
  }

  private final class Run {
    private final Request request;
    private final String id = UUID.randomUUID().toString();
    private final Instant started = Instant.now();
    private final Map<String, Long> seen = new HashMap<>();
    private final List<CatalogTitle> batch = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final WorkReport.Builder workReport = new WorkReport.Builder();
    private long read;
    private long published;
    private long unchanged;
    private long removed;
    private long rejected;

    Run(Request request) {
      this.request = request;
    }

    void accept(ParsedRow row) {
      read++;
      if (!row.isValid()) {
        reject(row.rejection());
        return;
      }
      CatalogTitle title = row.title();
      Long firstLine = seen.putIfAbsent(title.titleId(), row.line());
      if (firstLine != null) {
        reject(
            new Rejection(
                row.line(),
                "titleId",
                "duplicate id "
                    + title.titleId()
                    + " (first seen on line "
                    + firstLine
                    + "); this row was ignored"));
        return;
      }
      var current = state.get(title.titleId());
      if (title.availability().isEmpty()) {
        title =
            title.withAvailability(
                current.map(CatalogTitle::availability).orElse(request.declaredAvailability()));
      }
      if (current.isPresent() && current.get().equals(title)) {
        unchanged++;
        return;
      }
      batch.add(title);
      if (batch.size() >= BATCH_SIZE) {
        flush();
      }
    }

    private void reject(Rejection rejection) {
      rejected++;
      if (rejections.size() < MAX_REJECTIONS_LISTED) {
        rejections.add(rejection);
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<CatalogTitle> titles = List.copyOf(batch);
      state.write(() -> works.publishTitles(titles, workReport));
      published += titles.size();
      batch.clear();
    }

    void flushQuietly() {
      try {
        flush();
        publishChangedWorks();
      } catch (PublishFailedException ignored) {
        // the report already says the import failed
      }
    }

    void removeMissing() {
      state.write(
          () -> {
            List<String> missing =
                state.all().stream()
                    .filter(t -> t.source().equals(request.source()))
                    .map(CatalogTitle::titleId)
                    .filter(id -> !seen.containsKey(id))
                    .sorted()
                    .toList();
            for (int i = 0; i < missing.size(); i += BATCH_SIZE) {
              List<String> chunk = missing.subList(i, Math.min(missing.size(), i + BATCH_SIZE));
              works.removeTitles(chunk, workReport);
              removed += chunk.size();
            }
            return null;
          });
    }

    /** Works left over by an earlier failed publish are published by any later import. */
    void publishChangedWorks() {
      state.write(
          () -> {
            works.publishChangedWorks(workReport);
            return null;
          });
    }

    ImportReport report(String status, String error) {
      return new ImportReport(
          id,
          request.fileName(),
          request.format(),
          request.mode(),
          status,
          read,
          published,
          unchanged,
          removed,
          rejected,
          List.copyOf(rejections),
          error,
          started,
          Instant.now(),
          workReport.build());
    }
  }
}
