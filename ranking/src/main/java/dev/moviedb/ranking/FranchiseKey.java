package dev.moviedb.ranking;

import dev.moviedb.vectors.store.StoredTitle;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key under which titles of one series or franchise collapse to a single recommendation.
 *
 * <p>The catalogue's {@code franchise} field wins when present (normalised only: it is curated).
 * Otherwise the key is derived from the title alone, so that it can be computed per candidate:
 *
 * <ol>
 *   <li>Accents, case, apostrophes and punctuation do not count; {@code &} reads as {@code and}; a
 *       number hyphenated to a word stays part of it ({@code K-19}, {@code Feb-09}).
 *   <li>Trailing parentheses go: {@code (Hindi Version)}, {@code (Extended)}, {@code (2009)}.
 *   <li>A subtitle after the first {@code ": "}, {@code " - "}, {@code " – "} or {@code " / "}
 *       goes, when the part before it still has a word (not only articles or numbers): {@code
 *       Barbie: Spy Squad} and {@code Barbie: A Fairy Secret} share {@code barbie}; {@code 1898:
 *       Our Last Men in the Philippines} keeps its whole title. A colon inside a word ({@code
 *       GANTZ:O}, {@code 07:19}) is not a separator.
 *   <li>Sequel markers at the end go, repeatedly: numbers up to {@value #MAX_SEQUEL_NUMBER}, roman
 *       numerals II to X, {@code Part/Pt./Chapter/Vol./Volume/Season/Book N} (also {@code Part
 *       Two}), {@code the Movie}, {@code the Series}, {@code the Motion Picture}, {@code Presents}.
 *       {@code Naruto the Movie 2}, {@code Rocky II}, {@code The Kissing Booth 3} and {@code Kill
 *       Bill: Vol. 1} reduce to their first title. A marker is never dropped when no word would
 *       remain ({@code 1922}, {@code Part 2}).
 * </ol>
 *
 * <p>Deliberately not done, because the real catalogue showed they merge unrelated titles:
 *
 * <ul>
 *   <li>Dropping a leading article: {@code The Game}/{@code Game}, {@code The Queen}/{@code Queen},
 *       {@code The Kingdom}/{@code Kingdom} and some thirty other pairs are different titles.
 *   <li>Keeping only the first word(s): {@code Star Trek}/{@code Star Wars}, {@code Kung Fu
 *       Panda}/{@code Kung Fu Hustle}, {@code Once Upon a Time in ...}. So families whose members
 *       differ only in a suffix without a separator ({@code Power Rangers Dino Charge}, {@code
 *       Power Rangers Samurai}) stay apart unless the catalogue's {@code franchise} field joins
 *       them.
 *   <li>Numbers above {@value #MAX_SEQUEL_NUMBER} or with a leading zero: those are years and names
 *       ({@code Room 2806}).
 *   <li>A bare trailing {@code Movie} ({@code Big Time Movie} is not {@code Big Time}).
 * </ul>
 *
 * <p>Known false merges that remain are titles with a one-word head before a subtitle that equals
 * another title ({@code Rush: Beyond the Lighted Stage}/{@code Rush}, {@code Solo: A Star Wars
 * Story}/{@code Solo}); true ones of the same shape are more frequent ({@code Narcos: Mexico},
 * {@code Jaws: The Revenge}, {@code Underworld: Awakening}), and unrelated titles are seldom both
 * among the candidates of one query. One performer's specials ({@code Bill Burr: Paper Tiger},
 * {@code Bill Burr: Let It Go}) collapse on purpose.
 */
public final class FranchiseKey {

  static final int MAX_SEQUEL_NUMBER = 20;

  private static final Pattern SUBTITLE = Pattern.compile("\\s*:\\s+|\\s+[-–—/]\\s+");
  private static final Pattern TRAILING_BRACKETS = Pattern.compile("\\s*[(\\[][^()\\[\\]]*[)\\]]$");
  private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
  private static final Pattern HYPHENATED_NUMBER =
      Pattern.compile("(?<=[\\p{L}\\p{N}])[-‐](?=\\p{N})|(?<=\\p{N})[-‐](?=\\p{L})");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern SEQUEL_NUMBER = Pattern.compile("[1-9]\\d?");

  /** Words that do not make a title on their own. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of("the", "a", "an", "and", "of", "in", "on", "to", "for", "at", "by", "with", "or");

  private static final Set<String> ROMAN_NUMERALS =
      Set.of("ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

  private static final Set<String> NUMBER_WORDS =
      Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  /** Words that introduce a sequel number: {@code Part 2}, {@code Vol. 1}, {@code Chapter II}. */
  private static final Set<String> NUMBERING_WORDS =
      Set.of("part", "pt", "chapter", "chap", "vol", "volume", "season", "book");

  /** Trailing word sequences that name the format, not the franchise. */
  private static final List<List<String>> FORMAT_SUFFIXES =
      List.of(
          List.of("the", "motion", "picture"),
          List.of("the", "movie"),
          List.of("the", "series"),
          List.of("presents"),
          List.of("present"));

  private FranchiseKey() {}

  /** The key of a stored title; a title without name or franchise is its own franchise. */
  public static String of(StoredTitle title) {
    if (isBlank(title.franchise()) && isBlank(title.title())) {
      return "id:" + title.titleId();
    }
    return of(title.title(), title.franchise());
  }

  /**
   * The franchise, normalised, when given; otherwise the key derived from the title.
   *
   * @throws IllegalArgumentException when neither has a letter or digit
   */
  public static String of(String title, String franchise) {
    if (!isBlank(franchise)) {
      String key = String.join(" ", words(franchise));
      if (!key.isEmpty()) {
        return key;
      }
    }
    if (isBlank(title)) {
      throw new IllegalArgumentException("a title or a franchise is required");
    }
    String key = String.join(" ", fromTitle(title));
    if (key.isEmpty()) {
      throw new IllegalArgumentException("title has no letter or digit: " + title);
    }
    return key;
  }

  private static List<String> fromTitle(String title) {
    String whole = withoutTrailingBrackets(FORMAT_CHARACTERS.matcher(title).replaceAll("").strip());
    String[] parts = SUBTITLE.split(whole, 2);
    if (parts.length == 2) {
      List<String> head = withoutSequelMarkers(words(withoutTrailingBrackets(parts[0])));
      if (hasWord(head)) {
        return head;
      }
    }
    return withoutSequelMarkers(words(whole));
  }

  private static String withoutTrailingBrackets(String text) {
    String result = text.strip();
    while (true) {
      String shorter = TRAILING_BRACKETS.matcher(result).replaceFirst("").strip();
      if (shorter.equals(result) || shorter.isEmpty()) {
        return result;
      }
      result = shorter;
    }
  }

  /** Drops sequel numbers and format words from the end while a word remains. */
  private static List<String> withoutSequelMarkers(List<String> words) {
    List<String> result = new ArrayList<>(words);
    while (true) {
      int drop = trailingMarkerLength(result);
      if (drop == 0 || !hasWord(result.subList(0, result.size() - drop))) {
        return result;
      }
      result.subList(result.size() - drop, result.size()).clear();
    }
  }

  private static int trailingMarkerLength(List<String> words) {
    int n = words.size();
    if (n == 0) {
      return 0;
    }
    String last = words.get(n - 1);
    boolean afterNumberingWord = n >= 2 && NUMBERING_WORDS.contains(words.get(n - 2));
    if (isSequelNumber(last) || (afterNumberingWord && NUMBER_WORDS.contains(last))) {
      return afterNumberingWord ? 2 : 1;
    }
    for (List<String> suffix : FORMAT_SUFFIXES) {
      if (n >= suffix.size() && words.subList(n - suffix.size(), n).equals(suffix)) {
        return suffix.size();
      }
    }
    return 0;
  }

  private static boolean isSequelNumber(String word) {
    if (ROMAN_NUMERALS.contains(word)) {
      return true;
    }
    if (!SEQUEL_NUMBER.matcher(word).matches()) {
      return false;
    }
    int number = Integer.parseInt(word);
    return number >= 1 && number <= MAX_SEQUEL_NUMBER;
  }

  /** Whether some word has a letter and is more than an article or a preposition. */
  private static boolean hasWord(List<String> words) {
    for (String word : words) {
      if (!FUNCTION_WORDS.contains(word) && word.codePoints().anyMatch(Character::isLetter)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case words without accents, apostrophes or punctuation; {@code &} reads as "and". */
  static List<String> words(String text) {
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    plain = APOSTROPHES.matcher(plain).replaceAll("").replace("&", " and ");
    plain = HYPHENATED_NUMBER.matcher(plain).replaceAll("");
    String spaced = NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return spaced.isEmpty() ? List.of() : Arrays.asList(spaced.split(" "));
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
