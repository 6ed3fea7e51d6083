package dev.moviedb.understanding;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The maintained domain glossary ({@code glossary-nl-en.tsv}): the Dutch words of requests for
 * something to watch, with the English the model understands. Loaded once.
 */
public final class Glossary implements Glosser {

  private static volatile Glossary standard;
  private final Map<String, String> english = new HashMap<>();

  private Glossary() {
    for (Tables.Row r : Tables.read("glossary-nl-en.tsv", 2)) {
      String dutch = r.cell(0).toLowerCase(java.util.Locale.ROOT);
      if (dutch.isEmpty() || r.cell(1).isEmpty()) {
        throw r.error("a Dutch word and its English are both required");
      }
      if (english.put(dutch, r.cell(1)) != null) {
        throw r.error("'" + dutch + "' is listed twice");
      }
    }
  }

  /** The glossary of this module, loaded once. */
  public static Glossary standard() {
    Glossary g = standard;
    if (g == null) {
      synchronized (Glossary.class) {
        g = standard;
        if (g == null) {
          g = new Glossary();
          standard = g;
        }
      }
    }
    return g;
  }

  @Override
  public String id() {
    return "glossary";
  }

  @Override
  public Optional<String> english(String dutchWord) {
    return Optional.ofNullable(english.get(dutchWord));
  }

  /** Whether a (possibly multi-word) Dutch phrase is in the glossary. */
  boolean has(String phrase) {
    return english.containsKey(phrase);
  }
}
