package dev.moviedb.events;

/**
 * What a person did with a recommended title: saw it in a list ({@code IMPRESSION}), opened it
 * ({@code CLICK}), or said they like or dislike it ({@code LIKE}, {@code DISLIKE}).
 */
public enum FeedbackKind {
  IMPRESSION,
  CLICK,
  LIKE,
  DISLIKE
}
