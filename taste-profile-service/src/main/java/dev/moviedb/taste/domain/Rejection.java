package dev.moviedb.taste.domain;

/**
 * Why one row of an upload was not turned into an event: its line, the field, and what is wrong.
 */
public record Rejection(long line, String field, String reason) {}
