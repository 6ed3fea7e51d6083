package dev.moviedb.collective;

/**
 * A title watched together with another: its id, its normalised score ({@link Similarity}) and how
 * many users watched both.
 */
public record Neighbour(String item, double score) {}
