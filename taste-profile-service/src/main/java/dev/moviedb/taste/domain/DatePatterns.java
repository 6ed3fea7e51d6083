package dev.moviedb.taste.domain;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date pattern of a {@code NetflixViewingHistory.csv}: the account's locale decides it
 * and one file uses one pattern throughout, so it is detected from all rows at once.
 */
public final class DatePatterns {

  private static final Pattern DATE = Pattern.compile("(\\d{1,4})([-/.])(\\d{1,2})\\2(\\d{2,4})");

  private DatePatterns() {}

  /**
   * The pattern that fits {@code dates}: a first number above 12 in any row means day first, a
   * second number above 12 means month first (the majority wins when rows disagree); without
   * either, dashes and dots mean day first (European accounts) and slashes month first (US). A
   * leading four-digit number means ISO {@code yyyy-MM-dd}. Two-digit years are 20YY.
   */
  public static String detect(Collection<String> dates) {
    int dash = 0;
    int slash = 0;
    int dot = 0;
    int dayFirst = 0;
    int monthFirst = 0;
    int isoLike = 0;
    int fourDigitYear = 0;
    int matched = 0;
    for (String raw : dates) {
      Matcher m = DATE.matcher(raw == null ? "" : raw.trim());
      if (!m.matches()) {
        continue;
      }
      matched++;
      switch (m.group(2)) {
        case "-" -> dash++;
        case "/" -> slash++;
        default -> dot++;
      }
      if (m.group(1).length() == 4) {
        isoLike++;
        continue;
      }
      if (m.group(4).length() == 4) {
        fourDigitYear++;
      }
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(3));
      if (first > 12) {
        dayFirst++;
      } else if (second > 12) {
        monthFirst++;
      }
    }
    if (matched == 0) {
      throw new IllegalArgumentException(
          "no row has a date like 28-06-23 or 6/28/23; pass ?dateFormat=... (e.g. dd-MM-yy)");
    }
    String sep = dash >= slash && dash >= dot ? "-" : slash >= dot ? "/" : ".";
    if (isoLike * 2 > matched) {
      return "yyyy" + sep + "M" + sep + "d";
    }
    boolean day = dayFirst != monthFirst ? dayFirst > monthFirst : !"/".equals(sep);
    String year = fourDigitYear * 2 > matched ? "yyyy" : "yy";
    return (day ? "d" + sep + "M" : "M" + sep + "d") + sep + year;
  }

  /** A strict formatter for a pattern; {@code yy} reads as 20YY. */
  public static DateTimeFormatter formatter(String pattern) {
    try {
      return DateTimeFormatter.ofPattern(pattern);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "dateFormat '"
              + pattern
              + "' is not a valid pattern (e.g. dd-MM-yy, M/d/yy): "
              + e.getMessage());
    }
  }
}
