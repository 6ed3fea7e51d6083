package dev.moviedb.catalog.domain;

import dev.moviedb.catalogfiles.Rejection;
import java.time.Instant;
import java.util.List;

/**
 * What one import did, for a person to read: counts and every rejected row with its line, field and
 * reason, and what it did to the works (merges, conflicts, new works).
 */
public record ImportReport(
    String importId,
    String file,
    String format,
    ImportMode mode,
    String status,
    long rowsRead,
    long published,
    long unchanged,
    long removed,
    long rejected,
    List<Rejection> rejections,
    String error,
    Instant startedAt,
    Instant finishedAt,
    WorkReport works) {}
