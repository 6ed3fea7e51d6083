package dev.moviedb.understanding;

/**
 * One thing read from a request: which constraint or steer, its value, and the words it came from.
 *
 * @param field e.g. {@code type}, {@code minYear}, {@code country}, {@code like}, {@code lessOf}
 * @param value the value as the response shows it, e.g. {@code SERIES}, {@code 1990}, {@code NL}
 * @param words the words of the request it was read from, as typed
 */
public record Reading(String field, String value, String words) {

  public Reading {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("a reading needs a field");
    }
    if (value == null) {
      throw new IllegalArgumentException("reading of " + field + " has no value");
    }
    words = words == null ? "" : words.strip();
  }
}
