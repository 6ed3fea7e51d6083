package dev.moviedb.catalog.domain;

import dev.moviedb.catalogfiles.CatalogTitle;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the names of titles and people are compared across sources: case, accents, punctuation and
 * {@code &} do not count ("Schitt’s Creek" = "Schitt's Creek", "13TH" = "13th", "Love, Death &
 * Robots" = "Love Death and Robots", "U.S." = "US"); a trailing qualifier in parentheses may be
 * dropped ("The Office (U.S.)" also answers to "The Office"). Nothing else is dropped: "Narcos:
 * Mexico" is not "Narcos", and "The Kingdom" is not "Kingdom".
 */
public final class WorkNames {

  private static final Pattern QUALIFIED = Pattern.compile("^(.*\\S)\\s*\\([^()]*\\)\\s*$");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern JOINERS = Pattern.compile("['’`´.]");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern PERSON_JOINERS = Pattern.compile("[.\\-'’`´]");

  private WorkNames() {}

  /** One name in the form names are compared in; empty when nothing of it is left. */
  public static String normalise(String name) {
    String s = fold(name);
    s = s.replace("&", " and ");
    s = JOINERS.matcher(s).replaceAll("");
    return NOT_ALNUM.matcher(s).replaceAll(" ").strip();
  }

  /** Every key under which a title can be found: its title and alternate titles, normalised. */
  public static Set<String> keys(CatalogTitle title) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    names.add(title.title());
    names.addAll(title.alternateTitles());
    for (String name : names) {
      add(keys, normalise(name));
      Matcher m = QUALIFIED.matcher(name);
      if (m.matches()) {
        add(keys, normalise(m.group(1)));
      }
    }
    return keys;
  }

  /**
   * The keys of one person's name: the letters in the order written and in sorted word order, so
   * that "Bong Joon-ho" = "Bong Joon Ho" and "Yeon Sang-ho" = "Sang-ho Yeon".
   */
  public static Set<String> personKeys(String name) {
    String s = PERSON_JOINERS.matcher(fold(name)).replaceAll("");
    String[] words = NOT_ALNUM.matcher(s).replaceAll(" ").strip().split(" ");
    if (words.length == 0 || words[0].isEmpty()) {
      return Set.of();
    }
    String[] sorted = words.clone();
    Arrays.sort(sorted);
    Set<String> keys = new LinkedHashSet<>();
    keys.add(String.join("", sorted));
    keys.add(String.join("", words));
    return keys;
  }

  /** The people of {@code a} (in its order) who also appear in {@code b}. */
  public static List<String> sharedPeople(List<String> a, List<String> b) {
    Set<String> bKeys = new LinkedHashSet<>();
    b.forEach(name -> bKeys.addAll(personKeys(name)));
    List<String> shared = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : a) {
      Set<String> keys = personKeys(name);
      // the first key is the sorted form: one per person, whatever the spelling
      if (keys.stream().anyMatch(bKeys::contains) && seen.add(keys.iterator().next())) {
        shared.add(name);
      }
    }
    return shared;
  }

  private static String fold(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    return s.replace("ø", "o")
        .replace("æ", "ae")
        .replace("œ", "oe")
        .replace("ß", "ss")
        .replace("đ", "d")
        .replace("ł", "l")
        .replace("þ", "th")
        .replace("ı", "i");
  }

  private static void add(Set<String> keys, String key) {
    if (!key.isEmpty()) {
      keys.add(key);
    }
  }
}
