package dev.moviedb.understanding;

import dev.moviedb.ranking.QueryVector;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import java.time.Year;
import java.util.Optional;

/**
 * What a request in plain words asks the ranking for: the hard filter (the words' constraints, the
 * explicit parameters winning), the request vector (the title it is like, the remaining words and
 * what it should be less of, composed by {@link QueryVector}), and the title to leave out. The one
 * path from words to the ranking: recommend-api and the evaluation both call it.
 *
 * @param like the catalogue title of "like X" when X names one (it and its franchise are left out)
 * @param queryVector the composed request vector; a request of constraints only ("films from the
 *     eighties") embeds the words as typed
 */
public record RequestPlan(
    Understood understood, TitleFilter filter, float[] queryVector, StoredTitle like) {

  /**
   * The reader for a catalogue: "recent" and "old" count from its newest release year when that is
   * older than this year (the real catalogue is the 2021 list), and "like X" takes the longest name
   * of a catalogue title.
   */
  public static RequestReader readerFor(TitleNames titles) {
    int year = Year.now().getValue();
    int newest = titles.newestYear();
    return RequestReader.standard(newest > 1900 ? Math.min(year, newest) : year)
        .withKnownTitles(titles::isTitle);
  }

  /**
   * Plans one request.
   *
   * @param explicit the filter of the explicit request parameters (they win over the words)
   */
  public static RequestPlan of(
      String text,
      RequestReader reader,
      TitleFilter explicit,
      TextEmbedder embedder,
      TitleNames titles) {
    Understood u = reader.read(text);
    StoredTitle like = null;
    float[] anchor = null;
    if (u.likeTitle() != null) {
      Optional<StoredTitle> named = titles.named(u.likeTitle());
      if (named.isPresent()) {
        like = named.get();
        anchor = like.vector();
      } else {
        anchor = embedder.embedQuery(u.likeTitle()); // not in the catalogue: its name's meaning
      }
    }
    String semantic = u.semanticText();
    float[] words = semantic.isEmpty() ? null : embedder.embedQuery(semantic);
    if (words == null && anchor == null) {
      words =
          embedder.embedQuery(text); // constraints only: the words as typed still mean something
    }
    float[] away = u.lessOf().isEmpty() ? null : embedder.embedQuery(String.join(" ", u.lessOf()));
    return new RequestPlan(u, u.filter(explicit), QueryVector.compose(anchor, words, away), like);
  }
}
