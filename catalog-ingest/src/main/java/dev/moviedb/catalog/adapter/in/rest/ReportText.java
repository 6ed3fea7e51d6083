package dev.moviedb.catalog.adapter.in.rest;

import dev.moviedb.catalog.domain.FieldConflict;
import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalog.domain.WorkReport;
import dev.moviedb.catalogfiles.Rejection;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An import report as a person reads it on a terminal ({@code Accept: text/plain}). */
final class ReportText {

  private static final int LISTED = 50;

  private ReportText() {}

  static String render(ImportReport r) {
    StringBuilder out = new StringBuilder();
    long millis = Duration.between(r.startedAt(), r.finishedAt()).toMillis();
    out.append("Import ")
        .append(r.importId())
        .append(" of ")
        .append(r.file())
        .append(" (")
        .append(r.format())
        .append(", ")
        .append(r.mode().name().toLowerCase())
        .append("): ")
        .append(r.status())
        .append(" in ")
        .append(String.format("%.1f s", millis / 1000.0))
        .append('\n');
    out.append(String.format("  rows read  %,10d%n", r.rowsRead()));
    out.append(String.format("  published  %,10d%n", r.published()));
    out.append(String.format("  unchanged  %,10d%n", r.unchanged()));
    out.append(String.format("  removed    %,10d%n", r.removed()));
    out.append(String.format("  rejected   %,10d%n", r.rejected()));
    WorkReport w = r.works();
    out.append(
        String.format(
            "  works: %,d new, %,d merged, %,d conflicts, %,d not merged, %,d with conflicting"
                + " fields; %,d work records published, %,d removed%n",
            w.newWorkCount(),
            w.mergeCount(),
            w.conflictCount(),
            w.notMergedCount(),
            w.metadataConflictCount(),
            w.worksPublished(),
            w.worksRemoved()));
    if (r.error() != null) {
      out.append("Error: ").append(r.error()).append('\n');
    }
    list(
        out,
        r,
        null,
        r.rejected(),
        r.rejections(),
        (Rejection x) -> "line " + x.line() + ", " + x.field() + ": " + x.reason());
    list(
        out,
        r,
        "Merged (record -> work, evidence):",
        w.mergeCount(),
        w.merges(),
        m ->
            m.titleId()
                + " -> "
                + m.workId()
                + " (with "
                + String.join(", ", m.joined())
                + "): "
                + m.evidence());
    list(
        out,
        r,
        "Conflicts (not merged, a work of its own):",
        w.conflictCount(),
        w.conflicts(),
        c -> c.titleId() + " -> " + c.workId() + ": " + c.reason());
    list(
        out,
        r,
        "Not merged (shares a name with a work, but the rules say no or are unsure):",
        w.notMergedCount(),
        w.notMerged(),
        n ->
            n.titleId()
                + " not with "
                + n.otherTitleId()
                + " ("
                + n.otherWorkId()
                + "): "
                + n.reason());
    list(
        out,
        r,
        "Members disagree (the merged record keeps the first value):",
        w.metadataConflictCount(),
        w.metadataConflicts(),
        ReportText::fieldConflict);
    list(
        out,
        r,
        "New works:",
        w.newWorkCount(),
        w.newWorks(),
        n -> n.titleId() + " -> " + n.workId());
    return out.toString();
  }

  private static String fieldConflict(FieldConflict c) {
    return c.workId()
        + " "
        + c.field()
        + ": "
        + c.values().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private static <T> void list(
      StringBuilder out,
      ImportReport r,
      String heading,
      long total,
      List<T> items,
      Function<T, String> line) {
    if (items.isEmpty()) {
      return;
    }
    if (heading != null) {
      out.append(heading).append('\n');
    }
    int shown = 0;
    for (T item : items) {
      if (shown++ == LISTED) {
        out.append(String.format("  ... %,d more (", total - LISTED))
            .append("GET /v1/catalog/imports/")
            .append(r.importId())
            .append(String.format(" lists up to %,d)%n", WorkReport.MAX_LISTED));
        break;
      }
      out.append("  ").append(line.apply(item)).append('\n');
    }
  }
}
