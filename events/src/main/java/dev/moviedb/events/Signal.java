package dev.moviedb.events;

/** What a user did with a title; each signal moves the taste vector by its own weight. */
public enum Signal {
  WATCHED,
  LIKED,
  DISLIKED,
  LOVED,
  LISTED,
  ABANDONED
}
