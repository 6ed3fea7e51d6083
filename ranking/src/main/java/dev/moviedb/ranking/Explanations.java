package dev.moviedb.ranking;

import dev.moviedb.vectors.Vectors;
import dev.moviedb.vectors.store.StoredTitle;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why a title was chosen, in words a person can check: the liked titles nearest to it ("because you
 * watched ..."), and the metadata behind the match (request words found in its genres, cast,
 * directors, title or type; genres it shares with the liked titles).
 */
public final class Explanations {

  /** Liked titles named per recommendation. */
  static final int BECAUSE = 2;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Words that say nothing about a title, English and Dutch. */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "of",
          "in",
          "on",
          "with",
          "where",
          "who",
          "for",
          "to",
          "about",
          "that",
          "is",
          "it",
          "me",
          "my",
          "some",
          "something",
          "film",
          "movie",
          "show",
          "een",
          "de",
          "het",
          "met",
          "over",
          "van",
          "waar",
          "en");

  private final List<StoredTitle> liked;
  private final Set<String> likedGenres = new LinkedHashSet<>();
  private final Set<String> queryWords;
  private final StoredTitle like;
  private final CoWatch coWatch;
  private final Map<String, StoredTitle> userTitles;
  private final Set<String> trending;
  private final String where;

  /**
   * @param liked the user's positively weighted titles that the index holds (empty without taste)
   * @param query the request's words (null without)
   * @param like the title the request is like (null without)
   * @param coWatch the user's co-watch scores
   * @param userTitles the titles of the user's taste that the index holds, by id
   * @param trending the titles to call trending
   * @param where the scope of the trending titles in words ("NL"; empty: global)
   */
  Explanations(
      Collection<StoredTitle> liked,
      String query,
      StoredTitle like,
      CoWatch coWatch,
      Map<String, StoredTitle> userTitles,
      Set<String> trending,
      String where) {
    this.liked = List.copyOf(liked);
    this.liked.forEach(l -> likedGenres.addAll(l.genres()));
    this.queryWords = words(query);
    this.like = like;
    this.coWatch = coWatch;
    this.userTitles = userTitles;
    this.trending = trending;
    this.where = where == null ? "" : where;
  }

  /** Explanations of a request without co-watch or trending titles. */
  public Explanations(Collection<StoredTitle> liked, String query, StoredTitle like) {
    this(
        liked, query, like, CoWatch.of(TasteWeights.NONE, Collective.NONE), Map.of(), Set.of(), "");
  }

  /** The names of the liked titles most similar to {@code t}, most similar first. */
  public List<String> because(StoredTitle t) {
    return liked.stream()
        .sorted(Comparator.comparingDouble((StoredTitle l) -> -Vectors.dot(l.vector(), t.vector())))
        .limit(BECAUSE)
        .map(StoredTitle::title)
        .toList();
  }

  /** The metadata behind the match: {@code "genre: Drama"}, {@code "taste genre: History"}. */
  public List<String> matched(StoredTitle t) {
    Set<String> matched = new LinkedHashSet<>();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("genre", t.genres());
    fields.put("cast", t.cast());
    fields.put("director", t.directors());
    fields.put("title", t.title() == null ? List.of() : List.of(t.title()));
    fields.put(
        "type", t.type() == null ? List.of() : List.of(t.type().name().toLowerCase(Locale.ROOT)));
    for (var field : fields.entrySet()) {
      for (String value : field.getValue()) {
        Set<String> valueWords = words(value);
        valueWords.retainAll(queryWords);
        if (!valueWords.isEmpty()) {
          matched.add(field.getKey() + ": " + value);
        }
      }
    }
    for (String genre : t.genres()) {
      if (likedGenres.contains(genre)) {
        matched.add("taste genre: " + genre);
      }
      if (like != null && like.genres().contains(genre)) {
        matched.add("like " + like.title() + ": " + genre);
      }
    }
    String with = coWatch.strongestLiked(t.titleId());
    if (with != null && userTitles.containsKey(with)) {
      matched.add("people who watched " + userTitles.get(with).title() + " also watched this");
    }
    if (trending.contains(t.titleId())) {
      matched.add(where.isEmpty() ? "trending now" : "trending in " + where + " now");
    }
    return new ArrayList<>(matched);
  }

  /** Lower-case words of three letters or more, without accents, stop words or a plural s. */
  static Set<String> words(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    for (String w : NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").split(" ")) {
      if (w.length() > 2 && !STOP_WORDS.contains(w)) {
        words.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
      }
    }
    return words;
  }
}
