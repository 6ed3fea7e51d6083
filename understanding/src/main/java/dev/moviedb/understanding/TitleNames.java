package dev.moviedb.understanding;

import dev.moviedb.vectors.store.StoredTitle;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The catalogue's titles by name, for "like X": names and alternate names compared without case,
 * accents or punctuation; where two titles share a name, the one with the most recent year wins
 * (the one a person most likely means), then the lower id.
 */
public final class TitleNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Map<String, StoredTitle> byName = new HashMap<>();
  private int newestYear;

  /** Reads every title of a catalogue, e.g. {@code TitleNames.of(store::forEach)}. */
  public static TitleNames of(Consumer<Consumer<StoredTitle>> catalogue) {
    TitleNames names = new TitleNames();
    catalogue.accept(names::add);
    return names;
  }

  private void add(StoredTitle t) {
    if (t.year() != null) {
      newestYear = Math.max(newestYear, t.year());
    }
    put(t.title(), t);
    t.alternateTitles().forEach(name -> put(name, t));
  }

  private void put(String name, StoredTitle t) {
    if (name == null || name.isBlank()) {
      return;
    }
    byName.merge(key(name), t, (old, now) -> preferred(old, now) ? old : now);
  }

  private static boolean preferred(StoredTitle a, StoredTitle b) {
    int ya = a.year() == null ? 0 : a.year();
    int yb = b.year() == null ? 0 : b.year();
    return ya != yb ? ya > yb : a.titleId().compareTo(b.titleId()) < 0;
  }

  /** The title a name means, if the catalogue has one of that name. */
  public Optional<StoredTitle> named(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
  }

  /** Whether the text is the name of a catalogue title. */
  public boolean isTitle(String text) {
    return named(text).isPresent();
  }

  /** The newest release year in the catalogue (0 when it is empty or has no years). */
  public int newestYear() {
    return newestYear;
  }

  static String key(String name) {
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
