package dev.moviedb.events;

/** Whether a catalogue title is a single film or a series of episodes. */
public enum TitleType {
  MOVIE,
  SERIES
}
