package dev.moviedb.vectors.store;

import java.util.Locale;
import java.util.Map;

/**
 * The one table from a catalogue maturity rating to the minimum viewer age it stands for, so that
 * "for young kids" can be a numeric filter ({@link TitleFilter#maxMaturityAge()}) over US TV
 * ratings and MPAA ratings alike. The ages follow the ratings' own definitions (TV-Y7: 7 and up,
 * PG-13: 13, TV-14: 14, R and TV-MA: 17, NC-17: 18); PG and TV-PG ("parental guidance") count as
 * 10. Unrated and unknown ratings (NR, UR, none) have no age, so no maturity filter admits them.
 */
public final class Maturity {

  private static final Map<String, Integer> AGES =
      Map.ofEntries(
          Map.entry("TV-Y", 0),
          Map.entry("G", 0),
          Map.entry("TV-G", 0),
          Map.entry("TV-Y7", 7),
          Map.entry("TV-Y7-FV", 7),
          Map.entry("PG", 10),
          Map.entry("TV-PG", 10),
          Map.entry("PG-13", 13),
          Map.entry("TV-14", 14),
          Map.entry("R", 17),
          Map.entry("TV-MA", 17),
          Map.entry("NC-17", 18));

  private Maturity() {}

  /** The minimum age of a rating (case and blanks ignored), or null when it is unrated/unknown. */
  public static Integer minimumAge(String rating) {
    return rating == null ? null : AGES.get(rating.strip().toUpperCase(Locale.ROOT));
  }
}
