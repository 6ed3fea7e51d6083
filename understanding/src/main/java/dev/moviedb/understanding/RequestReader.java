package dev.moviedb.understanding;

import dev.moviedb.events.TitleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a request typed in plain English or Dutch into hard constraints, steers and the semantic
 * query that remains ({@link Understood}). Rules run in a fixed order and each consumes the words
 * it read, so that later rules never read them twice:
 *
 * <ol>
 *   <li>idioms that only look like constraints ("Dutch courage") are protected, and words about
 *       subtitles are dropped (every title has Dutch subtitles on Netflix NL);
 *   <li>"like X"/"zoals X": the anchor title;
 *   <li>runtime ("under 90 minutes", "korter dan anderhalf uur", "short film" = 40 minutes or less,
 *       the Academy's definition of a short film);
 *   <li>seasons ("one season", "miniserie", "limited series" = at most one season);
 *   <li>years ("the nineties", "jaren tachtig", "after 2015", "recent" = the reference year or the
 *       two before it, "old" = 25 years or more before the reference year); a decade after
 *       "about"/"over"/"set in" is a topic, not a release date;
 *   <li>"but less X"/"maar minder X" (steer away) and "more X" (added to the query);
 *   <li>audience ("for young kids" = rated for age 7, "for kids"/"family" = 10, "teens" = 14);
 *   <li>spoken language ("Nederlandstalig", "in Spanish");
 *   <li>production country ("Korean", "uit Nederland"; a country noun needs "from"/"uit");
 *   <li>type ("film", "serie", "docuserie"; "geen serie" = a movie);
 *   <li>genres in and out, over the one table {@code genres.tsv} ("no horror", "not too scary" = no
 *       horror genre).
 * </ol>
 *
 * What is left, less filler words, is the semantic query; Dutch words are glossed into English by
 * the {@link Glosser}.
 */
public final class RequestReader {

  private static final String B = "(?<![\\p{L}\\p{N}])";
  private static final String E = "(?![\\p{L}\\p{N}])";

  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("one", 1),
          Map.entry("single", 1),
          Map.entry("a single", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("een", 1),
          Map.entry("één", 1),
          Map.entry("twee", 2),
          Map.entry("drie", 3),
          Map.entry("vier", 4),
          Map.entry("vijf", 5),
          Map.entry("zes", 6),
          Map.entry("zeven", 7),
          Map.entry("acht", 8),
          Map.entry("negen", 9),
          Map.entry("tien", 10));
  private static final String NUM =
      "(?:\\d{1,3}(?:[.,]\\d)?|a single|single|one|two|three|four|five|six|seven|eight|nine|ten"
          + "|an|a|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)";

  // -- runtime
  private static final String HOURS = "(?:hours?|hrs?|uur|uren|h)";
  private static final String MINS = "(?:minutes?|mins?|minuten|min)";
  private static final String DUR =
      "(?:(?:(?:an?|one)\\s+)?hour\\s+and\\s+(?:a\\s+)?half"
          + "|(?:anderhalf|anderhalve)(?:\\s+uur)?"
          + "|(?:a\\s+)?half\\s+(?:an\\s+)?hour|(?:een\\s+)?half\\s*uur"
          + "|\\d\\s*[hu:]\\s*\\d{2}"
          + "|"
          + NUM
          + "(?:\\s+and\\s+a\\s+half|\\s+en\\s+een\\s+half|ënhalf|enhalf|\\s*½)?\\s*"
          + HOURS
          + "(?:\\s+(?:and\\s+|en\\s+)?\\d{1,2}\\s*"
          + MINS
          + ")?"
          + "|\\d{1,3}\\s*-?\\s*"
          + MINS
          + ")";
  private static final String MAX_STRICT =
      "under|below|less than|shorter than|fewer than|in less than|onder de|onder|minder dan"
          + "|korter dan|in minder dan";
  private static final String MAX_INCL =
      "at most|no longer than|not longer than|no more than|not more than|maximum of|maximum|max\\.?"
          + "|up to|within|hooguit|hoogstens|maximaal|niet langer dan|niet meer dan|binnen|tot";
  private static final String MIN_STRICT =
      "more than|longer than|langer dan|meer dan|boven de|boven";
  private static final String MIN_INCL =
      "at least|minimum of|minimum|minstens|minimaal|ten minste|tenminste|op z'n minst";
  private static final String AROUND =
      "around|about|roughly|approximately|ongeveer|rond de|rond|circa|zo'n";

  // -- years
  private static final String YEAR = "(?:19|20)\\d\\d";
  private static final String DECADE =
      "(?:(?:'|’)?\\d0(?:'|’)?s|(?:19|20)\\d0(?:'|’)?s|jaren\\s+(?:'|’)?\\d0(?:'|’)?s?"
          + "|jaren\\s+(?:19|20)\\d0|jaren\\s+(?:twintig|dertig|veertig|vijftig|zestig|zeventig"
          + "|tachtig|negentig)|(?:twintiger|dertiger|veertiger|vijftiger|zestiger|zeventiger"
          + "|tachtiger|negentiger)\\s+jaren|twenties|thirties|forties|fifties|sixties|seventies"
          + "|eighties|nineties|noughties)";
  private static final String DECADE_TOPIC =
      "about|over|set in|set during|takes place in|that takes place in|speelt zich af in"
          + "|zich afspeelt in|afspeelt in|speelt in|gaat over|on|in the style of";
  private static final List<String> DECADE_WORDS =
      List.of(
          "twenties",
          "thirties",
          "forties",
          "fifties",
          "sixties",
          "seventies",
          "eighties",
          "nineties");
  private static final List<String> DECADE_WORDS_NL =
      List.of(
          "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig");

  // -- types
  private static final String MOVIE_WORDS =
      "feature films|feature film|movies|movie|films|film|flicks|flick|speelfilms|speelfilm"
          + "|filmpjes|filmpje|bioscoopfilm";
  private static final String SERIES_WORDS =
      "tv-series|tv series|tv-serie|tv serie|tv-shows|tv shows|tv-show|tv show|series|serie"
          + "|seriën|shows|show|tv-reeks|reeksen|reeks";
  private static final String DOCUSERIES = "docuseries|docu-series|docuserie|docu-serie|docureeks";
  private static final String TYPE_OR_GENRE_NOUN =
      "(?:"
          + MOVIE_WORDS
          + "|"
          + SERIES_WORDS
          + "|documentary|documentaire|docu|comedy|komedie"
          + "|thriller|horror|drama|anime|romcom|western|westerns|classic|classics|klassieker)";

  /** Words after "like X" that end the title when no title look-up is given. */
  private static final Set<String> TITLE_STOP =
      words(
          "but",
          "maar",
          "though",
          "although",
          "however",
          "except",
          "behalve",
          "only",
          "alleen",
          "just",
          "from",
          "uit",
          "under",
          "onder",
          "shorter",
          "korter",
          "longer",
          "langer",
          "less",
          "minder",
          "more",
          "meer",
          "for",
          "voor",
          "with",
          "met",
          "without",
          "zonder",
          "that",
          "which",
          "die",
          "dat",
          "where",
          "waar",
          "set",
          "about",
          "over",
          "and",
          "en",
          "or",
          "released",
          "made",
          "gemaakt",
          "then",
          "dan",
          "please",
          "graag",
          "movie",
          "movies",
          "film",
          "films",
          "series",
          "serie",
          "show",
          "shows",
          "in",
          "van",
          "not",
          "niet",
          "geen",
          "no",
          "is",
          "was",
          "are",
          "zijn");

  /** Words before "like" that make it a verb ("I like", "kids would like"). */
  private static final Set<String> LIKE_VERB_BEFORE =
      words(
          "i",
          "i'd",
          "id",
          "we",
          "you",
          "they",
          "would",
          "really",
          "also",
          "kids",
          "children",
          "people",
          "who",
          "that",
          "don't",
          "dont",
          "do",
          "does",
          "might",
          "will",
          "to",
          "you'd",
          "we'd",
          "i'll",
          "we'll",
          "she",
          "he",
          "both",
          "all",
          "usually",
          "mostly",
          "might");

  private static final String LIKE_CUES =
      "similar to|such as|in the style of|in the vein of|along the lines of|comparable to"
          + "|reminiscent of|the same vibe as|same vibe as|in the spirit of|à la|a la|like"
          + "|zoals|net als|vergelijkbaar met|vergelijkbaar aan|in de stijl van|in de geest van"
          + "|die lijkt op|dat lijkt op|lijkt op|lijkend op|soortgelijk aan|zelfde sfeer als";

  /** Words that dangle at the edges of what remains once constraints are taken out. */
  private static final Set<String> DANGLING =
      words(
          "from",
          "under",
          "for",
          "with",
          "and",
          "or",
          "but",
          "of",
          "in",
          "on",
          "at",
          "by",
          "to",
          "about",
          "like",
          "than",
          "that",
          "uit",
          "onder",
          "voor",
          "met",
          "en",
          "of",
          "maar",
          "van",
          "in",
          "op",
          "over",
          "zoals",
          "dan",
          "die",
          "dat",
          "is",
          "are",
          "a",
          "an",
          "the",
          "only",
          "just",
          "alleen",
          "slechts",
          "set",
          "made",
          "released");

  private static final Set<String> EN_MARKERS =
      words(
          "about",
          "with",
          "for",
          "from",
          "like",
          "but",
          "less",
          "more",
          "no",
          "not",
          "and",
          "of",
          "the",
          "to",
          "is",
          "that",
          "without",
          "under",
          "where",
          "who",
          "than",
          "only",
          "after",
          "before",
          "between",
          "shorter",
          "longer",
          "season",
          "seasons",
          "old",
          "kids",
          "children",
          "family",
          "young",
          "little",
          "show",
          "movie",
          "movies",
          "something",
          "a",
          "an",
          "it",
          "my",
          "watch",
          "funny",
          "scary",
          "sad",
          "who",
          "which",
          "set",
          "feel",
          "people",
          "story",
          "true",
          "love",
          "war",
          "dark",
          "series",
          "this",
          "at",
          "by",
          "what",
          "some");
  private static final Set<String> NL_MARKERS =
      words(
          "met",
          "voor",
          "uit",
          "zoals",
          "maar",
          "minder",
          "meer",
          "geen",
          "niet",
          "zonder",
          "na",
          "tussen",
          "dan",
          "korter",
          "langer",
          "serie",
          "seizoen",
          "seizoenen",
          "jaren",
          "oude",
          "kinderen",
          "kleine",
          "iets",
          "een",
          "het",
          "de",
          "en",
          "van",
          "over",
          "die",
          "dat",
          "wat",
          "ik",
          "wil",
          "leuke",
          "mooie",
          "spannende",
          "grappige",
          "films",
          "waar",
          "op",
          "bij",
          "naar",
          "je",
          "er",
          "zijn",
          "hele",
          "gezin",
          "uur");

  private static Set<String> words(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }

  private final Vocabulary vocab;
  private final Glosser glosser;
  private final int referenceYear;
  private final Predicate<String> knownTitle;
  private final boolean keepGenreWords;

  private final Pattern genrePattern;
  private final Pattern negatedGenrePattern;
  private final Pattern languagePattern;
  private final Pattern countryNounPattern;
  private final Pattern countryAdjectivePattern;
  private final List<Pattern> fillerPatterns;

  /**
   * @param glosser how Dutch words reach the English model
   * @param referenceYear the year "recent" and "old" count from: the current year, or the newest
   *     release year of the catalogue when it is older (the real catalogue is the 2021 list)
   * @param knownTitle whether a text names a catalogue title (case ignored); lets "like X" take the
   *     longest known title; null: the title ends at the first word that cannot be part of it
   * @param keepGenreWords whether genre words stay in the semantic query besides becoming filters
   */
  public RequestReader(
      Glosser glosser, int referenceYear, Predicate<String> knownTitle, boolean keepGenreWords) {
    if (referenceYear < 1900 || referenceYear > 2100) {
      throw new IllegalArgumentException("reference year " + referenceYear + " is implausible");
    }
    this.vocab = Vocabulary.standard();
    this.glosser = glosser == null ? Glosser.NONE : glosser;
    this.referenceYear = referenceYear;
    this.knownTitle = knownTitle;
    this.keepGenreWords = keepGenreWords;
    Set<String> genreAndNegOnly = new LinkedHashSet<>(vocab.genrePhrases().keySet());
    genreAndNegOnly.addAll(vocab.negatedOnlyPhrases().keySet());
    String genres = alternation(vocab.genrePhrases().keySet());
    String negatable = alternation(genreAndNegOnly);
    this.genrePattern = Pattern.compile(B + "(?<g>" + genres + ")" + E);
    this.negatedGenrePattern =
        Pattern.compile(
            B
                + "(?:no|not|without|nothing|none|never|geen|niet|zonder|liever geen|rather not"
                + "|anything but|alles behalve|niks|nothing that's|geen enkele)\\s+"
                + "(?:(?:a|an|the|any|een|de|het|too|te|so|zo|really|erg|heel|al|more|meer|overly)"
                + "\\s+)*(?<g>"
                + negatable
                + ")"
                + "(?:\\s*(?:,|or|of|nor|noch|and|en)\\s+(?:(?:no|geen|not|niet)\\s+)?(?<g2>"
                + negatable
                + "))?"
                + E);
    this.languagePattern =
        Pattern.compile(B + "(?<l>" + alternation(vocab.languagePhrases().keySet()) + ")" + E);
    String nouns = alternation(vocab.countryNouns().keySet());
    this.countryNounPattern =
        Pattern.compile(
            B
                + "(?:from|uit|made in|produced in|gemaakt in|geproduceerd in|afkomstig uit"
                + "|out of)\\s+(?:(?:the|de|het)\\s+)?(?<n>"
                + nouns
                + ")(?:\\s*(?:,|or|of|and|en)\\s+(?<n2>"
                + nouns
                + "))?"
                + E);
    this.countryAdjectivePattern =
        Pattern.compile(
            B
                + "(?:(?<topic>about|over|on|in|at|near|set in|op|bij)\\s+(?:(?:the|de|het|a|an"
                + "|een)\\s+)?(?:[\\p{L}-]+\\s+)?)?(?<a>"
                + alternation(vocab.countryAdjectives().keySet())
                + ")"
                + E);
    List<Pattern> fp = new ArrayList<>();
    for (Language l : Language.values()) {
      fp.add(Pattern.compile(B + "(?:" + alternation(vocab.fillers(l)) + ")" + E));
    }
    this.fillerPatterns = fp;
  }

  /**
   * The shipped reader: Dutch glossed by the domain glossary, and words it lacks by Debian's
   * FreeDict Dutch-English dictionary where it is installed (measured best: ConstraintEval); genre
   * words kept in the query; no title look-up.
   */
  public static RequestReader standard(int referenceYear) {
    return new RequestReader(standardGlosser(), referenceYear, null, true);
  }

  private static volatile Glosser standardGlosser;

  /** The glossary, then FreeDict from {@link FreeDict#DEBIAN_DIR} when present; loaded once. */
  public static Glosser standardGlosser() {
    Glosser g = standardGlosser;
    if (g == null) {
      synchronized (RequestReader.class) {
        g = standardGlosser;
        if (g == null) {
          Glossary glossary = Glossary.standard();
          g = FreeDict.open(FreeDict.DEBIAN_DIR).map(glossary::orElse).orElse(glossary);
          standardGlosser = g;
        }
      }
    }
    return g;
  }

  /** The same reader with a catalogue title look-up for "like X". */
  public RequestReader withKnownTitles(Predicate<String> titles) {
    return new RequestReader(glosser, referenceYear, titles, keepGenreWords);
  }

  /** The same reader with another glosser. */
  public RequestReader withGlosser(Glosser other) {
    return new RequestReader(other, referenceYear, knownTitle, keepGenreWords);
  }

  /** The same reader, keeping genre words in the query or not. */
  public RequestReader keepingGenreWords(boolean keep) {
    return new RequestReader(glosser, referenceYear, knownTitle, keep);
  }

  public Glosser glosser() {
    return glosser;
  }

  /**
   * Requests of more words than this are descriptions ("I remember a movie where..."): a decade, a
   * country or a genre they mention describes the story, not what the answer must be, so none
   * becomes a filter (on the real "tip of my tongue" posts, reading them as requests lost titles;
   * docs/EVALUATION.md).
   */
  public static final int DESCRIPTION_WORDS = 40;

  /** Whether a request is a description: more than {@link #DESCRIPTION_WORDS} words. */
  public static boolean isDescription(String text) {
    return words(text) > DESCRIPTION_WORDS;
  }

  private static int words(String text) {
    return text.strip().split("\\s+").length;
  }

  /** Reads a request. Never throws on what a person types; a blank request is an error. */
  public Understood read(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the request text is blank");
    }
    Work w = new Work(text);
    w.language = detectLanguage(w.lower);
    if (isDescription(text)) {
      return new Understood(
          text,
          w.language,
          Constraints.NONE,
          null,
          List.of(),
          text.strip(),
          "",
          List.of(new Reading("description", words(text) + " words", "")));
    }
    if (knownTitle != null && knownTitle.test(text.strip())) {
      // "The Nineties", "1917": a title typed on its own is asked for by name, not by constraint
      return new Understood(
          text,
          w.language,
          Constraints.NONE,
          null,
          List.of(),
          text.strip(),
          "",
          List.of(new Reading("title", text.strip(), text.strip())));
    }
    protectIdioms(w);
    readLike(w);
    readRuntime(w);
    readSeasons(w);
    readYears(w);
    readSteers(w);
    readAudience(w);
    readLeaving(w);
    readLanguage(w);
    readCountries(w);
    readGenres(w);
    readTypes(w);
    readCompoundTypes(w);
    return w.finish();
  }

  // ---------------------------------------------------------------- language

  Language detectLanguage(String lower) {
    int en = 0;
    int nl = 0;
    for (String token : lower.split("[^\\p{L}'’]+")) {
      if (token.isEmpty()) {
        continue;
      }
      boolean isEn = EN_MARKERS.contains(token) || vocab.markers(Language.EN).contains(token);
      boolean isNl = NL_MARKERS.contains(token) || vocab.markers(Language.NL).contains(token);
      if (!isNl && Glossary.standard().has(token)) {
        isNl = !Glossary.standard().english(token).map(token::equals).orElse(true);
      }
      if (isEn && !isNl) {
        en++;
      } else if (isNl && !isEn) {
        nl++;
      }
    }
    return nl > en ? Language.NL : Language.EN;
  }

  // ---------------------------------------------------------------- rules

  private static final Pattern IDIOMS =
      Pattern.compile(
          B
              + "(?:dutch courage|going dutch|go dutch|double dutch|dutch oven|dutch angle"
              + "|dutch auction|dutch uncle|new york|new yorker|new jersey|new orleans"
              + "|old man|old woman|old lady|old friend|old friends|old age|old school|oude man"
              + "|oude vrouw|oude vrienden|old flame|oude liefde)"
              + E);
  private static final Pattern SUBTITLES =
      Pattern.compile(
          B
              + "(?:(?:with\\s+)?(?:dutch|english|nederlandse|engelse)\\s+(?:subtitles|subs"
              + "|ondertiteling|ondertitels)|(?:with|met)\\s+(?:subtitles|ondertiteling"
              + "|ondertitels)|subtitled|ondertiteld|(?:on|op)\\s+netflix)"
              + E);

  private void protectIdioms(Work w) {
    for (Matcher m : w.matches(IDIOMS)) {
      w.protect(m.start(), m.end());
    }
    for (Matcher m : w.matches(SUBTITLES)) {
      w.read("ignored", "subtitles and service: every title has Dutch subtitles on Netflix NL", m);
    }
  }

  private static final Pattern LIKE =
      Pattern.compile("(?<![\\p{L}\\p{N}-])(?<cue>" + LIKE_CUES + ")\\s+(?=[\\p{L}\\p{N}'\"‘“])");

  private void readLike(Work w) {
    for (Matcher m : w.matches(LIKE)) {
      if (w.likeTitle != null) {
        return;
      }
      String cue = m.group("cue");
      if (cue.equals("like") && likeIsVerb(w, m.start())) {
        continue;
      }
      int[] span = titleAfter(w, m.end());
      if (span == null) {
        continue;
      }
      String title = w.original.substring(span[0], span[1]).replaceAll("^[\"'‘“]+|[\"'’”]+$", "");
      if (title.isBlank()) {
        continue;
      }
      w.likeTitle = title.strip();
      w.readings.add(new Reading("like", w.likeTitle, w.original.substring(m.start(), span[1])));
      w.consume(m.start(), span[1]);
    }
  }

  private static boolean likeIsVerb(Work w, int at) {
    String before = w.lower.substring(0, at).strip();
    String[] tokens = before.split("\\s+");
    String prev = tokens.length == 0 ? "" : tokens[tokens.length - 1];
    return LIKE_VERB_BEFORE.contains(prev) || w.lower.startsWith("like to ", at);
  }

  /** The span of the title after a "like" cue, or null when what follows is no title. */
  private int[] titleAfter(Work w, int from) {
    List<int[]> tokens = new ArrayList<>();
    String text = w.workText();
    int pos = from;
    while (tokens.size() < 8) {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      int start = pos;
      while (pos < text.length()
          && !Character.isWhitespace(text.charAt(pos))
          && ",.;:!?()|#".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      if (pos == start) {
        break; // the end, punctuation or a word already read ends the title
      }
      tokens.add(new int[] {start, pos});
    }
    if (tokens.isEmpty()) {
      return null;
    }
    if (knownTitle != null) {
      for (int n = tokens.size(); n >= 1; n--) {
        int end = tokens.get(n - 1)[1];
        String candidate =
            w.original.substring(tokens.get(0)[0], end).replaceAll("^[\"'‘“]+|[\"'’”]+$", "");
        if (knownTitle.test(candidate.strip())) {
          return new int[] {tokens.get(0)[0], end};
        }
      }
    }
    String first = w.original.substring(tokens.get(0)[0], tokens.get(0)[1]);
    if (Set.of("a", "an", "een", "something", "iets", "this", "that", "dit", "dat", "those")
        .contains(first)) {
      return null; // "like a fairy tale": a description, not a title
    }
    int end = -1;
    for (int[] tok : tokens) {
      String word = w.lower.substring(tok[0], tok[1]).replaceAll("[\"'‘’“”]", "");
      if (end >= 0 && TITLE_STOP.contains(word)) {
        break;
      }
      if (end < 0 && TITLE_STOP.contains(word)) {
        return null;
      }
      end = tok[1];
    }
    return end < 0 ? null : new int[] {tokens.get(0)[0], end};
  }

  private final Pattern runtimeBound =
      Pattern.compile(
          B
              + "(?<cue>"
              + MAX_STRICT
              + "|"
              + MAX_INCL
              + "|"
              + MIN_STRICT
              + "|"
              + MIN_INCL
              + "|"
              + AROUND
              + "|over)\\s+(?<dur>"
              + DUR
              + ")(?:\\s+(?:long|lang|in length|durend))?"
              + E);
  private static final Pattern RUNTIME_POSTFIX =
      Pattern.compile(
          B
              + "(?<dur>"
              + DUR
              + ")(?:\\s+(?:long|lang))?\\s+(?<post>or less|or shorter|or under|of korter|of minder"
              + "|max|maximum|or more|or longer|of langer|of meer|plus)"
              + E);
  private static final Pattern SHORT_FILM =
      Pattern.compile(
          B
              + "(?:short films?|short movies?|korte films?|kortfilms?|korte speelfilms?"
              + "|short-films?)"
              + E);
  private static final Pattern NOT_TOO_LONG =
      Pattern.compile(
          B
              + "(?:not too long|not very long|not that long|not so long|niet te lang"
              + "|niet al te lang|niet zo lang)"
              + E);
  private static final Pattern LONG_FILM =
      Pattern.compile(B + "(?:long movies?|long films?|lange films?|lange speelfilms?)" + E);

  private void readRuntime(Work w) {
    for (Matcher m : w.matches(runtimeBound)) {
      String cue = m.group("cue").replaceAll("\\s+", " ");
      if (cue.equals("over") && w.language != Language.EN) {
        continue; // Dutch "over" means "about"
      }
      Integer minutes = minutes(m.group("dur"));
      if (minutes == null) {
        continue;
      }
      if (matchesWhole(MAX_STRICT, cue)) {
        w.maxRuntime(minutes - 1, m);
      } else if (matchesWhole(MAX_INCL, cue)) {
        w.maxRuntime(minutes, m);
      } else if (matchesWhole(MIN_STRICT, cue) || cue.equals("over")) {
        w.minRuntime(minutes + 1, m);
      } else if (matchesWhole(MIN_INCL, cue)) {
        w.minRuntime(minutes, m);
      } else {
        w.minRuntime(minutes - 15, m);
        w.maxRuntime(minutes + 15, m);
      }
    }
    for (Matcher m : w.matches(RUNTIME_POSTFIX)) {
      Integer minutes = minutes(m.group("dur"));
      if (minutes == null) {
        continue;
      }
      String post = m.group("post");
      if (post.contains("less")
          || post.contains("short")
          || post.contains("under")
          || post.contains("korter")
          || post.contains("minder")
          || post.startsWith("max")) {
        w.maxRuntime(minutes, m);
      } else {
        w.minRuntime(minutes, m);
      }
    }
    for (Matcher m : w.matches(SHORT_FILM)) {
      w.maxRuntime(40, m);
      w.types.add(TitleType.MOVIE);
    }
    for (Matcher m : w.matches(NOT_TOO_LONG)) {
      w.maxRuntime(100, m);
    }
    for (Matcher m : w.matches(LONG_FILM)) {
      w.minRuntime(140, m);
      w.types.add(TitleType.MOVIE);
    }
  }

  private static boolean matchesWhole(String alternation, String s) {
    return s.matches("(?:" + alternation + ")");
  }

  /** Minutes of a duration phrase, or null. */
  static Integer minutes(String phrase) {
    String p = phrase.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    if (p.matches("(?:(?:an?|one) )?hour and (?:a )?half|(?:anderhalf|anderhalve)(?: uur)?")) {
      return 90;
    }
    if (p.matches("(?:a )?half (?:an )?hour|(?:een )?half ?uur")) {
      return 30;
    }
    Matcher hm = Pattern.compile("^(\\d) ?[hu:] ?(\\d{2})$").matcher(p);
    if (hm.matches()) {
      return Integer.parseInt(hm.group(1)) * 60 + Integer.parseInt(hm.group(2));
    }
    Matcher h =
        Pattern.compile(
                "^(?<n>[^ ]+?(?: single)?)(?<half> and a half| en een half|ënhalf|enhalf| ?½)? ?"
                    + HOURS
                    + "(?: (?:and |en )?(?<m>\\d{1,2}) ?"
                    + MINS
                    + ")?$")
            .matcher(p);
    if (h.matches()) {
      Double n = number(h.group("n"));
      if (n == null) {
        return null;
      }
      double total = n * 60 + (h.group("half") != null ? 30 : 0);
      if (h.group("m") != null) {
        total += Integer.parseInt(h.group("m"));
      }
      return (int) Math.round(total);
    }
    Matcher m = Pattern.compile("^(\\d{1,3}) ?-? ?" + MINS + "$").matcher(p);
    if (m.matches()) {
      return Integer.parseInt(m.group(1));
    }
    return null;
  }

  private static Double number(String s) {
    if (s.matches("\\d{1,3}(?:[.,]\\d)?")) {
      return Double.parseDouble(s.replace(',', '.'));
    }
    Integer n = NUMBERS.get(s);
    return n == null ? null : n.doubleValue();
  }

  private static final String SEASON = "(?:seasons?|seizoenen|seizoen)";
  private static final Pattern ONE_SEASON =
      Pattern.compile(
          B
              + "(?:(?:only|just|maar|slechts|alleen|with|met)\\s+)?(?:one|1|a single|single|een"
              + "|één)\\s*-?\\s*(?:season|seizoen)(?:\\s+(?:only|long|lang))?"
              + E);
  private static final Pattern SEASON_BOUND =
      Pattern.compile(
          B
              + "(?<cue>"
              + MAX_STRICT
              + "|"
              + MAX_INCL
              + "|"
              + MIN_STRICT
              + "|"
              + MIN_INCL
              + ")\\s+(?<n>"
              + NUM
              + ")\\s+"
              + SEASON
              + E);
  private static final Pattern SEVERAL_SEASONS =
      Pattern.compile(
          B
              + "(?:several|multiple|a few|few|meerdere|een paar|verschillende|enkele)\\s+"
              + SEASON
              + E);
  private static final Pattern MANY_SEASONS =
      Pattern.compile(
          B
              + "(?:(?:many|lots of|a lot of|loads of|veel|heel veel|vele)\\s+"
              + SEASON
              + "|long-running|long running|langlopende|langlopend)"
              + E);
  private static final Pattern N_SEASONS =
      Pattern.compile(
          B + "(?<n>\\d{1,2}|two|three|four|five|twee|drie|vier|vijf)\\s+" + SEASON + E);
  private static final Pattern MINISERIES =
      Pattern.compile(
          B
              + "(?:mini-?series|mini series|miniserie|mini-serie|miniseries|minireeks"
              + "|limited series|limited-series|korte series?|short series|one-off series"
              + "|eenmalige serie)"
              + E);

  private void readSeasons(Work w) {
    for (Matcher m : w.matches(MINISERIES)) {
      w.maxSeasons(1, m);
      w.types.add(TitleType.SERIES);
    }
    for (Matcher m : w.matches(SEASON_BOUND)) {
      Double n = number(m.group("n"));
      if (n == null) {
        continue;
      }
      String cue = m.group("cue").replaceAll("\\s+", " ");
      int seasons = n.intValue();
      if (matchesWhole(MAX_STRICT, cue)) {
        w.maxSeasons(Math.max(1, seasons - 1), m);
      } else if (matchesWhole(MAX_INCL, cue)) {
        w.maxSeasons(seasons, m);
      } else if (matchesWhole(MIN_STRICT, cue)) {
        w.minSeasons(seasons + 1, m);
      } else {
        w.minSeasons(seasons, m);
      }
      w.types.add(TitleType.SERIES);
    }
    for (Matcher m : w.matches(ONE_SEASON)) {
      w.maxSeasons(1, m);
      w.types.add(TitleType.SERIES);
    }
    for (Matcher m : w.matches(SEVERAL_SEASONS)) {
      w.minSeasons(2, m);
      w.types.add(TitleType.SERIES);
    }
    for (Matcher m : w.matches(MANY_SEASONS)) {
      w.minSeasons(4, m);
      w.types.add(TitleType.SERIES);
    }
    for (Matcher m : w.matches(N_SEASONS)) {
      Double n = number(m.group("n"));
      if (n != null) {
        w.minSeasons(n.intValue(), m);
        w.maxSeasons(n.intValue(), m);
        w.types.add(TitleType.SERIES);
      }
    }
  }

  private static final Pattern YEAR_RANGE =
      Pattern.compile(
          B
              + "(?:(?:between|tussen)\\s+(?<a>"
              + YEAR
              + ")\\s+(?:and|en)\\s+(?<b>"
              + YEAR
              + ")|(?:(?:from|van)\\s+)?(?<c>"
              + YEAR
              + ")\\s*(?:-|–|to|until|till|tot|t/m|tot en met)\\s*(?<d>"
              + YEAR
              + "))"
              + E);
  private static final Pattern YEAR_AFTER =
      Pattern.compile(
          B + "(?:after|na|later than|newer than|nieuwer dan|post-?)\\s*(?<y>" + YEAR + ")" + E);
  private static final Pattern YEAR_SINCE =
      Pattern.compile(
          B
              + "(?:(?:since|sinds|vanaf|from)\\s+(?<y>"
              + YEAR
              + ")\\s+(?:on|onwards|onward|and later|or later|of later|en later|of nieuwer"
              + "|or newer|and up)|(?:since|sinds|vanaf)\\s+(?<z>"
              + YEAR
              + ")|(?<x>"
              + YEAR
              + ")\\s+(?:or later|and later|or newer|of later|en later|of nieuwer|and up"
              + "|en nieuwer|or after|of daarna))"
              + E);
  private static final Pattern YEAR_BEFORE =
      Pattern.compile(
          B
              + "(?:before|voor|vóór|earlier than|older than|ouder dan|pre-?|prior to)\\s*(?<y>"
              + YEAR
              + ")"
              + E);
  private static final Pattern YEAR_UNTIL =
      Pattern.compile(
          B
              + "(?:(?:until|up to|t/m|tot en met|tot)\\s+(?<y>"
              + YEAR
              + ")|(?<x>"
              + YEAR
              + ")\\s+(?:or earlier|or older|of ouder|of eerder|and earlier|en ouder|en eerder))"
              + E);
  private static final Pattern YEAR_EXACT =
      Pattern.compile(
          B
              + "(?:(?:from|of|uit|van|released in|made in|uitgebracht in|gemaakt in"
              + "|verschenen in)\\s+(?<y>"
              + YEAR
              + ")|(?<x>"
              + YEAR
              + ")(?=\\s+"
              + TYPE_OR_GENRE_NOUN
              + E
              + "))"
              + E);
  private static final Pattern DECADE_PATTERN =
      Pattern.compile(
          B
              + "(?:(?<topic>"
              + DECADE_TOPIC
              + ")\\s+)?(?:(?<prep>from|of|in|during|uit|van|tijdens)\\s+)?(?:(?:the|de)\\s+)?"
              + "(?:(?<part>early|late|mid|begin|eind|midden|vroege|late)\\s*-?\\s*)?(?<dec>"
              + DECADE
              + ")"
              + E);
  private static final Pattern RECENT =
      Pattern.compile(
          B
              + "(?:recent|recently released|recente|new releases?|latest|nieuwste|newest"
              + "|brand new|gloednieuwe?|nieuwe releases?|(?:from|of|van)\\s+(?:the|de)\\s+"
              + "(?:last|past|afgelopen|laatste)\\s+(?:few\\s+)?(?:years|jaren)"
              + "|(?:the\\s+)?(?:last|past)\\s+few\\s+years|afgelopen jaren|laatste jaren"
              + "|(?:new|nieuwe?)(?=\\s+"
              + TYPE_OR_GENRE_NOUN
              + E
              + "))"
              + E);
  private static final Pattern THIS_YEAR =
      Pattern.compile(B + "(?:(?:from\\s+)?this year|(?:van\\s+)?dit jaar)" + E);
  private static final Pattern LAST_YEAR =
      Pattern.compile(B + "(?:(?:from\\s+)?last year|(?:van\\s+)?vorig jaar)" + E);
  private static final Pattern OLD =
      Pattern.compile(
          B
              + "(?:oldies|(?:old|older|oude|oudere|ouwe)(?=\\s+"
              + TYPE_OR_GENRE_NOUN
              + E
              + "))"
              + E);

  private void readYears(Work w) {
    for (Matcher m : w.matches(YEAR_RANGE)) {
      String a = m.group("a") != null ? m.group("a") : m.group("c");
      String b = m.group("a") != null ? m.group("b") : m.group("d");
      int x = Integer.parseInt(a);
      int y = Integer.parseInt(b);
      w.years(Math.min(x, y), Math.max(x, y), m);
    }
    for (Matcher m : w.matches(YEAR_AFTER)) {
      w.years(Integer.parseInt(m.group("y")) + 1, null, m);
    }
    for (Matcher m : w.matches(YEAR_SINCE)) {
      String y = first(m, "y", "z", "x");
      w.years(Integer.parseInt(y), null, m);
    }
    for (Matcher m : w.matches(YEAR_BEFORE)) {
      w.years(null, Integer.parseInt(m.group("y")) - 1, m);
    }
    for (Matcher m : w.matches(YEAR_UNTIL)) {
      w.years(null, Integer.parseInt(first(m, "y", "x")), m);
    }
    for (Matcher m : w.matches(DECADE_PATTERN)) {
      if (m.group("topic") != null || decadeIsSetting(w, m)) {
        w.protect(m.start(), m.end()); // "set in the eighties": what it is about
        continue;
      }
      Integer start = decadeStart(m.group("dec"));
      if (start == null) {
        continue;
      }
      int from = start;
      int to = start + 9;
      String part = m.group("part");
      if (part != null) {
        switch (part) {
          case "early", "begin", "vroege" -> to = start + 4;
          case "late", "eind" -> from = start + 5;
          default -> {
            from = start + 3;
            to = start + 7;
          }
        }
      }
      w.decade(from, to, m);
    }
    for (Matcher m : w.matches(YEAR_EXACT)) {
      int y = Integer.parseInt(first(m, "y", "x"));
      w.years(y, y, m);
    }
    for (Matcher m : w.matches(THIS_YEAR)) {
      w.years(referenceYear, referenceYear, m);
    }
    for (Matcher m : w.matches(LAST_YEAR)) {
      w.years(referenceYear - 1, referenceYear - 1, m);
    }
    for (Matcher m : w.matches(RECENT)) {
      w.years(referenceYear - 2, null, m);
    }
    for (Matcher m : w.matches(OLD)) {
      w.years(null, referenceYear - 25, m);
    }
  }

  private static final Pattern TYPE_WORD_BEFORE =
      Pattern.compile("(?:" + MOVIE_WORDS + "|" + SERIES_WORDS + "|" + DOCUSERIES + ")\\s*$");
  private static final Set<String> AFTER_A_RELEASE_DECADE =
      words(
          "and", "or", "en", "of", "under", "onder", "shorter", "korter", "longer", "langer",
          "less", "minder", "with", "met", "without", "zonder", "for", "voor", "that", "die", "dat",
          "but", "maar", "please", "graag", "about", "over", "from", "uit", "like", "zoals", "no",
          "geen", "not", "niet", "only", "alleen", "in");

  /**
   * A decade that says when a story takes place, not when it was released: "serial killers in the
   * seventies", "tijdens de jaren tachtig" (after "in"/"during", unless right after "movie" or
   * "serie"), or "1920s Madrid" (a word that is no constraint follows it).
   */
  private boolean decadeIsSetting(Work w, Matcher m) {
    String prep = m.group("prep");
    String before = w.lower.substring(0, m.start());
    if (prep != null
        && Set.of("in", "during", "tijdens").contains(prep)
        && !TYPE_WORD_BEFORE.matcher(before).find()) {
      return true;
    }
    Matcher next =
        Pattern.compile("^\\s*([\\p{L}][\\p{L}'’-]*)").matcher(w.workText().substring(m.end()));
    if (!next.find()) {
      return false;
    }
    String word = next.group(1);
    if (AFTER_A_RELEASE_DECADE.contains(word)) {
      return false;
    }
    String rest = w.workText().substring(m.end() + next.start(1));
    return !TYPE_WORD.matcher(rest).lookingAt() && !genrePattern.matcher(rest).lookingAt();
  }

  private static String first(Matcher m, String... groups) {
    for (String g : groups) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    throw new IllegalStateException("no group of " + Arrays.toString(groups) + " matched");
  }

  private Integer decadeStart(String dec) {
    String d = dec.replaceAll("[\\s'’]+", " ").strip();
    Matcher four = Pattern.compile("((?:19|20)\\d0)").matcher(d);
    if (four.find()) {
      return Integer.parseInt(four.group(1));
    }
    Matcher two = Pattern.compile("(\\d)0").matcher(d);
    if (two.find()) {
      int tens = Integer.parseInt(two.group(1));
      int century = tens * 10 + 2000 <= referenceYear ? 2000 : 1900;
      return century + tens * 10;
    }
    for (int i = 0; i < DECADE_WORDS.size(); i++) {
      if (d.contains(DECADE_WORDS.get(i)) || d.contains(DECADE_WORDS_NL.get(i))) {
        return 1920 + i * 10;
      }
    }
    return d.contains("noughties") ? 2000 : null;
  }

  private static final String STEER_STOP =
      "and|en|but|maar|or|of|with|met|from|uit|for|voor|than|dan|in|please|graag|movie|movies"
          + "|film|films|series|serie|show|shows|like|zoals|that|die|dat|the|de|het|a|an|een";
  private static final Pattern STEER =
      Pattern.compile(
          B
              + "(?:(?:but|maar|and|en)\\s+)?(?<cue>a bit less|a little less|less|iets minder"
              + "|wat minder|een beetje minder|minder|not as|not so|niet zo|not quite as"
              + "|a bit more|a little more|more|iets meer|wat meer|een beetje meer|meer)\\s+"
              + "(?:of\\s+(?:the\\s+)?)?(?<x>(?:(?!(?:"
              + STEER_STOP
              + ")"
              + E
              + ")[\\p{L}'’-]+)(?:\\s+(?!(?:"
              + STEER_STOP
              + ")"
              + E
              + ")[\\p{L}'’-]+){0,1})"
              + E);

  private void readSteers(Work w) {
    for (Matcher m : w.matches(STEER)) {
      String cue = m.group("cue");
      String x = w.original.substring(m.start("x"), m.end("x"));
      boolean away = cue.contains("less") || cue.contains("minder") || cue.contains("not");
      String english = w.language == Language.NL ? gloss(List.of(x.split("\\s+")), Language.NL) : x;
      if (english.isBlank()) {
        continue;
      }
      if (away) {
        w.lessOf.add(english);
        w.read("lessOf", english, m);
      } else {
        w.moreOf.add(english);
        w.read("moreOf", english, m);
      }
    }
  }

  /**
   * "Leaving soon": the days ahead that "soon" means (two weeks, as Netflix's own "leaving soon").
   */
  public static final int LEAVING_SOON_DAYS = 14;

  private static final Pattern LEAVING =
      Pattern.compile(
          B
              + "(?:leaving(?:\\s+(?:netflix|the service))?\\s+soon|about to leave|last chance(?:\\s+to"
              + " (?:watch|see))?|(?:gaat|verdwijnt|vertrekt)\\s+(?:binnenkort\\s+)?(?:weg|van netflix)"
              + "|binnenkort\\s+(?:weg|van netflix|niet meer)|laatste kans)"
              + E);

  private static final Pattern YOUNG_KIDS =
      Pattern.compile(
          B
              + "(?:(?:for|voor)\\s+(?:(?:my|our|the|mijn|onze|de)\\s+)?(?:young|little|small"
              + "|kleine|jonge)\\s+(?:kids|children|ones|kinderen|kindjes|kinders)|for toddlers"
              + "|for preschoolers|for a toddler|for the little ones|voor peuters|voor kleuters"
              + "|voor een peuter|voor een kleuter|voor de kleintjes|voor kleintjes|voor de kleine"
              + "|voor onze kleine|peuterfilm|kleuterfilm)"
              + E);
  private static final Pattern KIDS =
      Pattern.compile(
          B
              + "(?:(?:for|voor)\\s+(?:(?:my|our|the|mijn|onze|de)\\s+)?(?:kids|children|kinderen"
              + "|kinders|kindjes|kind)|kid-friendly|kid friendly|kids-friendly|child-friendly"
              + "|child friendly|kindvriendelijke?|suitable for (?:kids|children)|geschikt voor"
              + " (?:kinderen|kids)|family-friendly|family friendly|familievriendelijke?"
              + "|gezinsvriendelijke?|for the whole family|for the family|with the (?:whole )?"
              + "family|with (?:my|the|our) kids|with (?:my|the|our) children|met de kinderen"
              + "|met de kids|met (?:mijn|onze) kinderen|met (?:mijn|onze) kids|voor het hele gezin"
              + "|voor de hele familie|met het hele gezin|met de hele familie|met het gezin"
              + "|voor het gezin|for family movie night|familieavond|family night)"
              + E);
  private static final Pattern TEENS =
      Pattern.compile(
          B
              + "(?:for (?:teens|teenagers|a teenager|my teenager|my teen|a teen)|voor (?:tieners"
              + "|pubers|een tiener|mijn tiener|een puber|mijn puber))"
              + E);
  private static final Pattern AGE =
      Pattern.compile(
          B
              + "(?:(?:for|voor)\\s+(?:(?:a|an|my|een|mijn|our|onze)\\s+)?(?<a>\\d{1,2})[- ]?"
              + "(?:year[- ]olds?|years old|jarige|jarigen|-jarige)|(?:kids?|child|children"
              + "|kinderen|kind)\\s+(?:van|of)\\s+(?<b>\\d{1,2})(?:\\s+(?:jaar|years?(?: old)?))?"
              + "|(?:ages?|vanaf)\\s+(?<c>\\d{1,2})(?:\\s+jaar)?(?:\\s+(?:and up|en ouder))?)"
              + E);

  private void readAudience(Work w) {
    for (Matcher m : w.matches(AGE)) {
      int age = Integer.parseInt(first(m, "a", "b", "c"));
      if (age <= 18) {
        w.maxAge(age, m);
      }
    }
    for (Matcher m : w.matches(YOUNG_KIDS)) {
      w.maxAge(7, m);
    }
    for (Matcher m : w.matches(TEENS)) {
      w.maxAge(14, m);
    }
    for (Matcher m : w.matches(KIDS)) {
      w.maxAge(10, m);
    }
  }

  private void readLeaving(Work w) {
    for (Matcher m : w.matches(LEAVING)) {
      w.leavingWithinDays = LEAVING_SOON_DAYS;
      w.read("leavingWithinDays", String.valueOf(LEAVING_SOON_DAYS), m);
    }
  }

  private void readLanguage(Work w) {
    for (Matcher m : w.matches(languagePattern)) {
      String code = vocab.languagePhrases().get(m.group("l").replaceAll("\\s+", " "));
      if (code != null) {
        w.c.language(code);
        w.read("language", code, m);
      }
    }
  }

  private void readCountries(Work w) {
    for (Matcher m : w.matches(countryNounPattern)) {
      for (String g : new String[] {"n", "n2"}) {
        String code = m.group(g) == null ? null : vocab.countryNouns().get(norm(m.group(g)));
        if (code != null) {
          w.countries.add(code);
        }
      }
      w.read("country", String.join(",", codes(m, "n", "n2", vocab.countryNouns())), m);
    }
    for (Matcher m : w.matches(countryAdjectivePattern)) {
      if (m.group("topic") != null) {
        w.protect(m.start(), m.end());
        continue;
      }
      String code = vocab.countryAdjectives().get(norm(m.group("a")));
      if (code == null) {
        continue;
      }
      w.countries.add(code);
      w.read("country", code, m);
      if (m.group("a").startsWith("k-drama") || m.group("a").equals("kdrama")) {
        w.types.add(TitleType.SERIES);
      }
    }
  }

  private static List<String> codes(Matcher m, String a, String b, Map<String, String> table) {
    List<String> out = new ArrayList<>();
    for (String g : new String[] {a, b}) {
      if (m.group(g) != null && table.get(norm(m.group(g))) != null) {
        out.add(table.get(norm(m.group(g))));
      }
    }
    return out;
  }

  private static String norm(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static final Pattern NOT_TYPE =
      Pattern.compile(
          B
              + "(?:no|not a|not|geen|niet|liever geen|rather not a|anything but a)\\s+"
              + "(?:(?:a|een)\\s+)?(?<t>"
              + MOVIE_WORDS
              + "|"
              + SERIES_WORDS
              + ")"
              + E);
  private static final Pattern TYPE_WORD =
      Pattern.compile(B + "(?<t>" + DOCUSERIES + "|" + MOVIE_WORDS + "|" + SERIES_WORDS + ")" + E);
  private static final Set<String> MOVIE_SET = Set.of(MOVIE_WORDS.split("\\|"));

  private void readTypes(Work w) {
    for (Matcher m : w.matches(NOT_TYPE)) {
      boolean movie = MOVIE_SET.contains(norm(m.group("t")));
      w.types.add(movie ? TitleType.SERIES : TitleType.MOVIE);
      w.read("type", (movie ? TitleType.SERIES : TitleType.MOVIE).name(), m);
    }
    for (Matcher m : w.matches(TYPE_WORD)) {
      String t = norm(m.group("t"));
      String before = w.lower.substring(0, m.start()).stripTrailing();
      if ((t.startsWith("show"))
          && (before.endsWith("stand-up")
              || before.endsWith("standup")
              || before.endsWith("stand up")
              || before.endsWith("comedy")
              || before.endsWith("talk"))) {
        continue; // a stand-up show is a special (a movie in the catalogue)
      }
      if (t.startsWith("serie") && w.lower.startsWith(" of ", m.end())) {
        continue; // "a series of murders"
      }
      if (t.matches(DOCUSERIES)) {
        w.types.add(TitleType.SERIES);
        w.genres.add("documentary");
        w.genreWords.add(vocab.genre("documentary").queryWords());
        w.read("type", TitleType.SERIES.name(), m);
        w.readings.add(new Reading("genre", "documentary", w.words(m)));
        continue;
      }
      TitleType type = MOVIE_SET.contains(t) ? TitleType.MOVIE : TitleType.SERIES;
      w.types.add(type);
      w.read("type", type.name(), m);
    }
  }

  private void readGenres(Work w) {
    for (Matcher m : w.matches(negatedGenrePattern)) {
      List<String> ids = new ArrayList<>();
      for (String g : new String[] {"g", "g2"}) {
        if (m.group(g) != null) {
          String phrase = norm(m.group(g));
          ids.addAll(vocab.genrePhrases().getOrDefault(phrase, List.of()));
          ids.addAll(vocab.negatedOnlyPhrases().getOrDefault(phrase, List.of()));
        }
      }
      if (!ids.isEmpty()) {
        w.excluded.addAll(ids);
        w.read("excludedGenres", String.join(",", new TreeSet<>(ids)), m);
      }
    }
    for (Matcher m : w.matches(genrePattern)) {
      String phrase = norm(m.group("g"));
      List<String> ids = vocab.genrePhrases().getOrDefault(phrase, List.of());
      List<String> hard = ids.stream().filter(id -> vocab.genre(id).filter()).toList();
      typeOfCompound(w, phrase, m);
      if (hard.isEmpty()) {
        w.protect(m.start(), m.end()); // crime, war, history...: meaning, not a filter
        continue;
      }
      w.genres.addAll(hard);
      hard.forEach(id -> w.genreWords.add(vocab.genre(id).queryWords()));
      w.read("genres", String.join(",", hard), m);
    }
  }

  private static final Pattern COMPOUND_TYPE =
      Pattern.compile(B + "[\\p{L}-]{3,}?(?<t>films|film|seriën|series|serie|reeksen|reeks)" + E);
  private static final Pattern LAST_TYPE_WORD =
      Pattern.compile(".*\\s(?<t>" + MOVIE_WORDS + "|" + SERIES_WORDS + ")");

  /** "actiefilm", "misdaadserie": a Dutch compound says the type with its last part. */
  private static void typeOfCompound(Work w, String phrase, Matcher m) {
    Matcher c = COMPOUND_TYPE.matcher(phrase);
    Matcher last = LAST_TYPE_WORD.matcher(phrase);
    if (c.matches() || last.matches()) {
      String t = c.matches() ? c.group("t") : last.group("t");
      TitleType type = MOVIE_SET.contains(t) ? TitleType.MOVIE : TitleType.SERIES;
      w.types.add(type);
      w.readings.add(new Reading("type", type.name(), w.words(m)));
    }
  }

  /** Compounds no table names ("zombiefilm"): the type from the last part, the rest is meaning. */
  private void readCompoundTypes(Work w) {
    for (Matcher m : w.matches(COMPOUND_TYPE)) {
      TitleType type = m.group("t").startsWith("film") ? TitleType.MOVIE : TitleType.SERIES;
      w.types.add(type);
      w.readings.add(new Reading("type", type.name(), w.words(m)));
      w.consume(m.start("t"), m.end("t"));
    }
  }

  // ---------------------------------------------------------------- query

  /** English for a run of words of a language: Dutch glossed, fillers dropped. */
  String gloss(List<String> words, Language language) {
    List<String> out = new ArrayList<>();
    List<String> tokens =
        words.stream()
            .filter(t -> !t.isBlank())
            .map(t -> t.replaceAll("^[\"'‘“(]+|[\"'’”),]+$", ""))
            .toList();
    Set<String> fillers = vocab.fillers(language);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String lower = token.toLowerCase(Locale.ROOT);
      if (language == Language.NL && i + 1 < tokens.size()) {
        String pair = lower + " " + tokens.get(i + 1).toLowerCase(Locale.ROOT);
        Optional<String> e = glosser.english(pair);
        if (e.isPresent()) {
          out.add(e.get());
          i++;
          continue;
        }
      }
      if (lower.isEmpty() || fillers.contains(lower)) {
        continue;
      }
      if (language == Language.NL) {
        out.add(DutchWords.english(lower, glosser).orElse(token));
      } else {
        out.add(token);
      }
    }
    return trimDangling(out);
  }

  private static String trimDangling(List<String> words) {
    int from = 0;
    int to = words.size();
    while (from < to && DANGLING.contains(words.get(from).toLowerCase(Locale.ROOT))) {
      from++;
    }
    while (to > from && DANGLING.contains(words.get(to - 1).toLowerCase(Locale.ROOT))) {
      to--;
    }
    return String.join(" ", words.subList(from, to)).strip();
  }

  private static String alternation(Collection<String> phrases) {
    return phrases.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
        .map(
            p ->
                Arrays.stream(p.split("\\s+"))
                    .map(Pattern::quote)
                    .collect(Collectors.joining("\\s+")))
        .collect(Collectors.joining("|"));
  }

  // ---------------------------------------------------------------- state of one read

  /** The state of reading one request: the text with what was consumed masked out. */
  private final class Work {
    final String original;
    final String lower;
    final char[] work;
    final boolean[] consumed;
    final List<Reading> readings = new ArrayList<>();
    final Constraints.Builder c = Constraints.builder();
    final Set<TitleType> types = new LinkedHashSet<>();
    final Set<String> countries = new TreeSet<>();
    final Set<String> genres = new LinkedHashSet<>();
    final Set<String> excluded = new LinkedHashSet<>();
    final Set<String> genreWords = new LinkedHashSet<>();
    final List<String> lessOf = new ArrayList<>();
    final List<String> moreOf = new ArrayList<>();
    Integer minYear;
    Integer maxYear;
    Integer minRuntime;
    Integer maxRuntime;
    Integer minSeasons;
    Integer maxSeasons;
    Integer maxAge;
    Integer leavingWithinDays;
    String likeTitle;
    Language language = Language.EN;

    Work(String text) {
      String lowered = text.toLowerCase(Locale.ROOT);
      // Lower-casing keeps positions for nearly all text; where it does not, read the lower case.
      this.original = lowered.length() == text.length() ? text : lowered;
      this.lower = lowered;
      this.work = lowered.toCharArray();
      this.consumed = new boolean[work.length];
    }

    String workText() {
      return new String(work);
    }

    /** Every match of a pattern in what is not consumed yet (matches found before any change). */
    List<Matcher> matches(Pattern p) {
      String text = workText();
      List<Matcher> out = new ArrayList<>();
      Matcher m = p.matcher(text);
      while (m.find()) {
        Matcher one = p.matcher(text).region(m.start(), m.end()).useTransparentBounds(true);
        one.useAnchoringBounds(false);
        if (one.find()) {
          out.add(one);
        }
      }
      return out;
    }

    String words(Matcher m) {
      return original.substring(m.start(), m.end());
    }

    void consume(int start, int end) {
      for (int i = start; i < end; i++) {
        consumed[i] = true;
        work[i] = '|';
      }
    }

    /** Keeps words in the query but out of reach of later rules. */
    void protect(int start, int end) {
      for (int i = start; i < end; i++) {
        if (!consumed[i]) {
          work[i] = '#';
        }
      }
    }

    void read(String field, String value, Matcher m) {
      readings.add(new Reading(field, value, words(m)));
      consume(m.start(), m.end());
    }

    void years(Integer min, Integer max, Matcher m) {
      if (min != null && min.equals(max)) {
        minYear = minYear == null ? min : Math.max(minYear, min);
        maxYear = maxYear == null ? max : Math.min(maxYear, max);
        read("year", String.valueOf(min), m);
        return;
      }
      if (min != null) {
        minYear = minYear == null ? min : Math.max(minYear, min);
        readings.add(new Reading("minYear", String.valueOf(min), words(m)));
      }
      if (max != null) {
        maxYear = maxYear == null ? max : Math.min(maxYear, max);
        readings.add(new Reading("maxYear", String.valueOf(max), words(m)));
      }
      consume(m.start(), m.end());
    }

    /** Decades widen each other: "the 80s or 90s" is 1980-1999. */
    void decade(int from, int to, Matcher m) {
      boolean first = readings.stream().noneMatch(r -> r.field().equals("decade"));
      minYear = first || minYear == null ? from : Math.min(minYear, from);
      maxYear = first || maxYear == null ? to : Math.max(maxYear, to);
      read("decade", from + "-" + to, m);
    }

    void minRuntime(int minutes, Matcher m) {
      minRuntime = Math.max(1, minutes);
      read("minRuntime", String.valueOf(minRuntime), m);
    }

    void maxRuntime(int minutes, Matcher m) {
      maxRuntime = Math.max(1, minutes);
      read("maxRuntime", String.valueOf(maxRuntime), m);
    }

    void minSeasons(int n, Matcher m) {
      minSeasons = Math.max(1, n);
      read("minSeasons", String.valueOf(minSeasons), m);
    }

    void maxSeasons(int n, Matcher m) {
      maxSeasons = Math.max(1, n);
      read("maxSeasons", String.valueOf(maxSeasons), m);
    }

    void maxAge(int age, Matcher m) {
      maxAge = maxAge == null ? age : Math.min(maxAge, age);
      read("maxMaturityAge", String.valueOf(age), m);
    }

    Understood finish() {
      TitleType type = types.size() == 1 ? types.iterator().next() : null;
      if (types.size() > 1) {
        // "a movie or a series"; seasons can only mean a series
        type = minSeasons != null || maxSeasons != null ? TitleType.SERIES : null;
        readings.add(new Reading("type", type == null ? "either" : type.name(), ""));
      }
      if (type == TitleType.SERIES && (minRuntime != null || maxRuntime != null)) {
        readings.add(
            new Reading(
                "ignored", "runtime: the catalogue has seasons, not lengths, of series", ""));
        minRuntime = null;
        maxRuntime = null;
      }
      if (type == TitleType.MOVIE && (minSeasons != null || maxSeasons != null)) {
        readings.add(new Reading("ignored", "seasons: a movie has none", ""));
        minSeasons = null;
        maxSeasons = null;
      }
      if (minYear != null && maxYear != null && minYear > maxYear) {
        readings.add(new Reading("ignored", "years: they contradict each other", ""));
        minYear = null;
        maxYear = null;
      }
      if (minRuntime != null && maxRuntime != null && minRuntime > maxRuntime) {
        readings.add(new Reading("ignored", "runtime: the bounds contradict each other", ""));
        minRuntime = null;
        maxRuntime = null;
      }
      if (minSeasons != null && maxSeasons != null && minSeasons > maxSeasons) {
        readings.add(new Reading("ignored", "seasons: the bounds contradict each other", ""));
        minSeasons = null;
        maxSeasons = null;
      }
      genres.removeAll(excluded);
      Constraints constraints =
          c.type(type)
              .years(minYear, maxYear)
              .runtime(minRuntime, maxRuntime)
              .seasons(minSeasons, maxSeasons)
              .countries(countries)
              .genres(genres)
              .excludedGenres(excluded)
              .maxMaturityAge(maxAge)
              .leavingWithinDays(leavingWithinDays)
              .build();
      String remaining = remainingText();
      List<String> words = new ArrayList<>(Arrays.asList(remaining.split("\\s+")));
      String query = gloss(words, language);
      List<String> extra = new ArrayList<>(moreOf);
      if (keepGenreWords) {
        genres.forEach(id -> extra.add(vocab.genre(id).queryWords()));
      }
      String full = query;
      for (String e : extra) {
        if (!(" " + full.toLowerCase(Locale.ROOT) + " ").contains(" " + e + " ")) {
          full = (full + " " + e).strip();
        }
      }
      List<String> fallback = new ArrayList<>(genreWords);
      if (type != null) {
        fallback.add(type == TitleType.MOVIE ? "movie" : "series");
      }
      return new Understood(
          original,
          language,
          constraints,
          likeTitle,
          lessOf,
          full,
          String.join(" ", fallback),
          readings);
    }

    /** The request with every consumed word taken out, multi-word fillers too. */
    private String remainingText() {
      StringBuilder sb = new StringBuilder(original.length());
      for (int i = 0; i < original.length(); i++) {
        sb.append(consumed[i] ? ' ' : original.charAt(i));
      }
      String text = sb.toString();
      String lowerText = text.toLowerCase(Locale.ROOT);
      Pattern fillers = fillerPatterns.get(language.ordinal());
      Matcher m = fillers.matcher(lowerText);
      StringBuilder out = new StringBuilder();
      int last = 0;
      while (m.find()) {
        if (m.group().contains(" ")) { // single words are dropped while glossing
          out.append(text, last, m.start()).append(' ');
          last = m.end();
        }
      }
      out.append(text.substring(last));
      return out.toString().replaceAll("[,.;:!?()\\[\\]]+", " ").replaceAll("\\s+", " ").strip();
    }
  }
}
