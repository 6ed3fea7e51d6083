package dev.moviedb.catalogfiles;

/** Why one row of an import was not accepted: where it is, which field, and what is wrong. */
public record Rejection(long line, String field, String reason) {}
