package dev.moviedb.taste.domain;

/**
 * The summed raw weights of one title for one user, positive and negative, with its vector.
 *
 * @param vector the title's unit-length embedding
 */
public record TitleWeight(String titleId, double positive, double negative, double[] vector) {}
