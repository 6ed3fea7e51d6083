package dev.moviedb.catalog.adapter.in.rest;

import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalogfiles.Rejection;
import java.time.Duration;

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
    if (r.error() != null) {
      out.append("Error: ").append(r.error()).append('\n');
    }
    int shown = 0;
    for (Rejection rejection : r.rejections()) {
      if (shown++ == LISTED) {
        out.append("  ... ")
            .append(r.rejected() - LISTED)
            .append(" more (GET /v1/catalog/imports/")
            .append(r.importId())
            .append(" lists them)\n");
        break;
      }
      out.append("  line ")
          .append(rejection.line())
          .append(", ")
          .append(rejection.field())
          .append(": ")
          .append(rejection.reason())
          .append('\n');
    }
    return out.toString();
  }
}
