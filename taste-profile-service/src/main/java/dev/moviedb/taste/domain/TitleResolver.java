package dev.moviedb.taste.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the catalogue title behind a raw title string such as {@code The Last Kingdom: Season 2:
 * Episode 3}, {@code Signs: Seizoen 1: Aflevering 1} or a film whose own name contains colons. The
 * longest prefix (cut at {@code ": "}) that names a catalogue title wins; names compare without
 * case, accents, punctuation or invisible characters (soft hyphens, zero-width spaces, direction
 * marks: real Dutch exports contain them); alternate and localised titles count, a title's own name
 * before another title's alternate name.
 *
 * <p>Filled from {@code catalog.titles} by one writer while requests read it; each record resolves
 * to its work ({@link CatalogueEntry#of}).
 */
public final class TitleResolver {

  private static final Pattern EPISODE_SUFFIX =
      Pattern.compile(
          "\\s*\\((episode|aflevering|episódio|episodio|folge|épisode)\\s*\\d+\\)\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");
  private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** A title known under a name; its own name ranks before alternate names. */
  private record Named(String titleId, boolean own) {}

  private final Map<String, CatalogueEntry> byId = new ConcurrentHashMap<>();
  private final Map<String, List<Named>> byName = new ConcurrentHashMap<>();

  /** The ids an entry resolves to (its work's) with the entries that do. */
  private final Map<String, Set<String>> byResolvedId = new ConcurrentHashMap<>();

  /** Registers (or re-registers) a title under its name and its other names. */
  public synchronized void put(CatalogueEntry entry) {
    remove(entry.titleId());
    byId.put(entry.titleId(), entry);
    byResolvedId
        .computeIfAbsent(entry.resolvesTo().id(), w -> ConcurrentHashMap.newKeySet())
        .add(entry.titleId());
    String own = normalise(entry.name());
    for (String name : namesOf(entry)) {
      List<Named> list = new ArrayList<>(byName.getOrDefault(name, List.of()));
      list.add(new Named(entry.titleId(), name.equals(own)));
      byName.put(name, List.copyOf(list));
    }
  }

  public synchronized void remove(String titleId) {
    CatalogueEntry old = byId.remove(titleId);
    if (old == null) {
      return;
    }
    Set<String> members = byResolvedId.get(old.resolvesTo().id());
    if (members != null) {
      members.remove(titleId);
      if (members.isEmpty()) {
        byResolvedId.remove(old.resolvesTo().id());
      }
    }
    for (String name : namesOf(old)) {
      List<Named> rest =
          byName.getOrDefault(name, List.of()).stream()
              .filter(n -> !n.titleId().equals(titleId))
              .toList();
      if (rest.isEmpty()) {
        byName.remove(name);
      } else {
        byName.put(name, rest);
      }
    }
  }

  public int size() {
    return byId.size();
  }

  /**
   * The title a catalogue id names, if the catalogue holds it: the id of a source record, or the id
   * it resolves to (its work's, as recommend-api answers with).
   */
  public Optional<ResolvedTitle> byId(String titleId) {
    if (titleId == null) {
      return Optional.empty();
    }
    String id = titleId.strip();
    CatalogueEntry entry = byId.get(id);
    if (entry != null) {
      return Optional.of(entry.resolvesTo());
    }
    Set<String> members = byResolvedId.getOrDefault(id, Set.of());
    return members.stream()
        .map(byId::get)
        .filter(java.util.Objects::nonNull)
        .map(CatalogueEntry::resolvesTo)
        .findFirst();
  }

  /** The title the raw string names, if any prefix of it names a catalogue title. */
  public Optional<ResolvedTitle> resolve(String raw) {
    for (String name : waitingNames(raw)) {
      Optional<ResolvedTitle> found = named(name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Whether a catalogue title is known under this normalised name. */
  public boolean knows(String normalisedName) {
    return byName.containsKey(normalisedName);
  }

  private Optional<ResolvedTitle> named(String normalisedName) {
    List<Named> titles = byName.get(normalisedName);
    if (titles == null) {
      return Optional.empty();
    }
    Named best = titles.stream().filter(Named::own).findFirst().orElse(titles.get(0));
    CatalogueEntry entry = byId.get(best.titleId());
    return entry == null ? Optional.empty() : Optional.of(entry.resolvesTo());
  }

  /**
   * The normalised names any of which, as a catalogue title, would resolve the raw string: the
   * whole string and each prefix cut at {@code ": "}, longest first.
   */
  public static List<String> waitingNames(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    String text = EPISODE_SUFFIX.matcher(display(raw)).replaceAll("");
    Set<String> names = new LinkedHashSet<>();
    String candidate = text;
    while (true) {
      String name = normalise(candidate);
      if (!name.isEmpty()) {
        names.add(name);
      }
      int cut = candidate.lastIndexOf(": ");
      if (cut <= 0) {
        return List.copyOf(names);
      }
      candidate = candidate.substring(0, cut);
    }
  }

  /** Every normalised name a catalogue title is known by. */
  public static Set<String> namesOf(CatalogueEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    String own = normalise(entry.name());
    if (!own.isEmpty()) {
      names.add(own);
    }
    for (String other : entry.otherNames()) {
      String name = normalise(other);
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  /** The string as a person reads it: invisible characters removed, any run of spaces one space. */
  public static String display(String raw) {
    String visible = INVISIBLE.matcher(raw).replaceAll("");
    return SPACES.matcher(visible).replaceAll(" ").strip();
  }

  /** Lower case, without accents, invisible characters or punctuation; words single-spaced. */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(display(name), Normalizer.Form.NFD);
    String plain = MARKS.matcher(decomposed).replaceAll("");
    return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
