package dev.moviedb.worker.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the catalogue title behind a raw Netflix history string such as {@code The Last Kingdom:
 * Season 2: Episode 3}, {@code Signs: Seizoen 1: Aflevering 1} or a film whose own name contains
 * colons. The longest prefix (cut at {@code ": "}) that names a catalogue title wins; names compare
 * without case, accents or punctuation; alternate and localised titles count.
 */
public final class TitleResolver {

  private static final Pattern EPISODE_SUFFIX =
      Pattern.compile(
          "\\s*\\((episode|aflevering|episódio|episodio|folge|épisode)\\s*\\d+\\)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Map<String, String> byName = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<String>> namesById = new ConcurrentHashMap<>();

  /** Registers (or re-registers) a title under its name and its other names. */
  public void put(String titleId, String title, Iterable<String> otherNames) {
    remove(titleId);
    java.util.List<String> keys = new java.util.ArrayList<>();
    keys.add(normalise(title));
    for (String name : otherNames) {
      keys.add(normalise(name));
    }
    for (String key : keys) {
      if (!key.isEmpty()) {
        byName.putIfAbsent(key, titleId);
      }
    }
    namesById.put(titleId, keys);
  }

  public void remove(String titleId) {
    java.util.List<String> keys = namesById.remove(titleId);
    if (keys != null) {
      keys.forEach(k -> byName.remove(k, titleId));
    }
  }

  public int size() {
    return namesById.size();
  }

  /** The title id the raw string names, if any prefix of it names a catalogue title. */
  public Optional<String> resolve(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String text = EPISODE_SUFFIX.matcher(raw.strip()).replaceAll("");
    String candidate = text;
    while (true) {
      String id = byName.get(normalise(candidate));
      if (id != null) {
        return Optional.of(id);
      }
      int cut = candidate.lastIndexOf(": ");
      if (cut <= 0) {
        return Optional.empty();
      }
      candidate = candidate.substring(0, cut);
    }
  }

  static String normalise(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("");
    return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
