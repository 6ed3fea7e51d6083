package dev.moviedb.understanding;

import java.util.Locale;

/** The language a request is written in: the two the product reads. */
public enum Language {
  EN,
  NL;

  /** ISO 639-1 code, e.g. {@code nl}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language of an ISO 639-1 code (case ignored). */
  public static Language ofCode(String code) {
    for (Language l : values()) {
      if (l.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "unknown request language '" + code + "' (expected en or nl)");
  }
}
