package dev.moviedb.understanding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dutch inflection, undone just enough to look a word up: {@code spannende} -> {@code spannend},
 * {@code grappiger} -> {@code grappig}, {@code donkere} -> {@code donker}, {@code grote} -> {@code
 * groot}, {@code lieve} -> {@code lief}, {@code hondje} -> {@code hond}, {@code boeken} -> {@code
 * boek}. Not a stemmer: it lists candidate base forms, and the dictionary decides.
 */
final class DutchWords {

  private static final String[] SUFFIXES = {
    "", "e", "en", "s", "'s", "er", "ere", "ste", "st", "je", "jes", "tje", "tjes", "pje", "pjes"
  };

  private DutchWords() {}

  /** The word itself first, then candidate base forms, most likely first. */
  static List<String> candidates(String word) {
    Set<String> out = new LinkedHashSet<>();
    for (String suffix : SUFFIXES) {
      if (!word.endsWith(suffix) || word.length() - suffix.length() < 3) {
        continue;
      }
      String base = word.substring(0, word.length() - suffix.length());
      out.add(base);
      if (suffix.isEmpty()) {
        continue;
      }
      out.add(undouble(base));
      out.add(voiceless(base));
      out.add(doubleVowel(base));
      out.add(doubleVowel(voiceless(base)));
    }
    return new ArrayList<>(out);
  }

  /** {@code dikk} -> {@code dik}: a doubled final consonant comes from the inflection. */
  private static String undouble(String s) {
    int n = s.length();
    return n >= 2 && s.charAt(n - 1) == s.charAt(n - 2) && !isVowel(s.charAt(n - 1))
        ? s.substring(0, n - 1)
        : s;
  }

  /** {@code liev} -> {@code lief}, {@code boz} -> {@code bos}. */
  private static String voiceless(String s) {
    if (s.endsWith("v")) {
      return s.substring(0, s.length() - 1) + "f";
    }
    if (s.endsWith("z")) {
      return s.substring(0, s.length() - 1) + "s";
    }
    return s;
  }

  /** {@code grot} -> {@code groot}: an open syllable's long vowel is written double in the base. */
  private static String doubleVowel(String s) {
    int n = s.length();
    if (n >= 3
        && !isVowel(s.charAt(n - 1))
        && isVowel(s.charAt(n - 2))
        && !isVowel(s.charAt(n - 3))
        && "aeou".indexOf(s.charAt(n - 2)) >= 0) {
      return s.substring(0, n - 1) + s.charAt(n - 2) + s.charAt(n - 1);
    }
    return s;
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }

  /** The English of a Dutch word: of the word itself, else of its first known base form. */
  static Optional<String> english(String word, Glosser glosser) {
    for (String candidate : candidates(word)) {
      Optional<String> e = glosser.english(candidate);
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }
}
