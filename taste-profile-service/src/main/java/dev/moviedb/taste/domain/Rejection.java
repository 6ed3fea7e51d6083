package dev.moviedb.taste.domain;

/**
 * Why one row of an upload was not turned into an event: its file, line, the field, and what is
 * wrong.
 *
 * @param file the export file, e.g. {@code Ratings.csv}
 */
public record Rejection(String file, long line, String field, String reason) {}
