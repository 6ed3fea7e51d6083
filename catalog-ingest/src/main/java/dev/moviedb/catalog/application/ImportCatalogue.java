package dev.moviedb.catalog.application;

import dev.moviedb.catalog.application.port.CataloguePublisher.PublishFailedException;
import dev.moviedb.catalog.domain.ImportMode;
import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalog.domain.SnapshotCheck;
import dev.moviedb.catalog.domain.SnapshotPolicy;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

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
 *
 * <p>A snapshot is read twice: once to count its rows, rejections and sources, and, only when
 * {@link SnapshotPolicy} finds it safe (or the import is forced), again to apply it; a refused
 * snapshot changes nothing. Imports of one source run one after the other, so that two snapshots of
 * one source never remove each other's titles half-way.
 */
@ApplicationScoped
public class ImportCatalogue {

  static final int BATCH_SIZE = WorkCatalogue.BATCH_SIZE;
  private static final int MAX_REPORTS = 100;
  private static final int MAX_REJECTIONS_LISTED = WorkReport.MAX_LISTED;
  private static final String NOTHING_APPLIED = " Nothing of the snapshot was applied.";

  private final WorkCatalogue works;
  private final CatalogState state;
  private final SnapshotPolicy snapshotPolicy;
  private final Map<String, ReentrantLock> sources = new ConcurrentHashMap<>();
  private final Map<String, ImportReport> reports =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportReport> eldest) {
          return size() > MAX_REPORTS;
        }
      };

  public ImportCatalogue(WorkCatalogue works, CatalogState state, SnapshotPolicy snapshotPolicy) {
    this.works = works;
    this.state = state;
    this.snapshotPolicy = snapshotPolicy;
  }

  /**
   * What an import is asked to do.
   *
   * @param force apply a snapshot that {@link SnapshotPolicy} refuses
   */
  public record Request(
      String fileName,
      String format,
      String source,
      ImportMode mode,
      List<Availability> declaredAvailability,
      boolean force) {

    public Request(
        String fileName,
        String format,
        String source,
        ImportMode mode,
        List<Availability> declaredAvailability) {
      this(fileName, format, source, mode, declaredAvailability, false);
    }
  }

  /** A snapshot that is not safe to apply (see {@link SnapshotPolicy}); nothing was applied. */
  public static final class SnapshotRefusedException extends RuntimeException {
    private final transient SnapshotCheck check;
    private final transient List<Rejection> rejections;

    SnapshotRefusedException(String reason, SnapshotCheck check, List<Rejection> rejections) {
      super(reason);
      this.check = check;
      this.rejections = List.copyOf(rejections);
    }

    public SnapshotCheck check() {
      return check;
    }

    /** The first rejected rows, with line, field and reason. */
    public List<Rejection> rejections() {
      return rejections;
    }
  }

  /** Imports rows read once (an upsert), or kept in memory to be read twice (a snapshot). */
  public ImportReport run(Request request, Iterator<ParsedRow> rows) {
    if (request.mode() != ImportMode.SNAPSHOT) {
      return run(request, () -> rows);
    }
    List<ParsedRow> kept = new ArrayList<>();
    rows.forEachRemaining(kept::add);
    return run(request, kept::iterator);
  }

  /**
   * Imports the rows; {@code rows} opens them from the start each time it is called (a snapshot is
   * read twice). Waits for any other import of the same source to finish first.
   *
   * @throws SnapshotRefusedException when a snapshot is not safe and the request does not force it
   */
  public ImportReport run(Request request, Supplier<Iterator<ParsedRow>> rows) {
    ReentrantLock source = sources.computeIfAbsent(request.source(), s -> new ReentrantLock(true));
    source.lock();
    try {
      if (request.mode() == ImportMode.SNAPSHOT) {
        try {
          checkSnapshot(request, rows.get());
        } catch (InvalidFileException e) {
          return remember(new Run(request).report("FAILED", e.getMessage() + NOTHING_APPLIED));
        }
      }
      return apply(request, rows.get());
    } finally {
      source.unlock();
    }
  }

  /** Counts the snapshot's rows and refuses it when it is not safe and not forced. */
  private void checkSnapshot(Request request, Iterator<ParsedRow> rows) {
    long read = 0;
    long rejected = 0;
    List<Rejection> first = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    Map<String, Long> otherSources = new TreeMap<>();
    while (rows.hasNext()) {
      ParsedRow row = rows.next();
      read++;
      Rejection rejection = row.rejection();
      if (row.isValid()) {
        Long firstLine = seen.putIfAbsent(row.title().titleId(), row.line());
        rejection = firstLine == null ? null : duplicate(row, firstLine);
        if (!row.title().source().equals(request.source())) {
          otherSources.merge(row.title().source(), 1L, Long::sum);
        }
      }
      if (rejection != null) {
        rejected++;
        if (first.size() < MAX_REJECTIONS_LISTED) {
          first.add(rejection);
        }
      }
    }
    long titlesOfSource =
        state.all().stream().filter(t -> t.source().equals(request.source())).count();
    SnapshotCheck check =
        new SnapshotCheck(request.source(), read, rejected, otherSources, titlesOfSource);
    var refusal = snapshotPolicy.refusal(check);
    if (refusal.isPresent() && !request.force()) {
      throw new SnapshotRefusedException(
          "The snapshot of "
              + request.fileName()
              + " was refused: "
              + refusal.get()
              + "."
              + NOTHING_APPLIED
              + " Fix the file, or import it with force=true to apply it as it is.",
          check,
          first);
    }
  }

  private static Rejection duplicate(ParsedRow row, long firstLine) {
    return new Rejection(
        row.line(),
        "titleId",
        "duplicate id "
            + row.title().titleId()
            + " (first seen on line "
            + firstLine
            + "); this row was ignored");
  }

  private ImportReport apply(Request request, Iterator<ParsedRow> rows) {
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
        reject(duplicate(row, firstLine));
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
