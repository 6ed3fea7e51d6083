package dev.moviedb.evaluation;

import dev.moviedb.events.TitlePublished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The lexical baseline: BM25 over title, plot, genres, cast and directors, English stemming. The
 * query is analysed into unique terms (at most {@link #MAX_TERMS}, from the first {@link
 * #MAX_QUERY_CHARS} characters) and searched as a disjunction, so no query syntax can break it.
 */
public final class Bm25Index implements AutoCloseable {

  static final int MAX_QUERY_CHARS = 1000;
  static final int MAX_TERMS = 200;
  private static final float TITLE_BOOST = 2f;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int size;

  public Bm25Index(List<TitlePublished> titles) {
    this.size = titles.size();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < titles.size(); i++) {
        TitlePublished t = titles.get(i);
        Document doc = new Document();
        doc.add(new StoredField("pos", i));
        doc.add(new TextField("title", t.title(), Field.Store.NO));
        String text =
            String.join(
                " ",
                t.title(),
                t.description() == null ? "" : t.description(),
                String.join(", ", t.genres()),
                String.join(", ", t.cast()),
                String.join(", ", t.directors()));
        doc.add(new TextField("text", text, Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity());
  }

  /** Catalogue positions of the best {@code k} allowed matches; empty when nothing matches. */
  public List<Integer> search(String query, int k, IntPredicate allowed) {
    Set<String> terms = terms(query);
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String term : terms) {
      q.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD);
      q.add(
          new BoostQuery(new TermQuery(new Term("title", term)), TITLE_BOOST),
          BooleanClause.Occur.SHOULD);
    }
    try {
      TopDocs hits = searcher.search(q.build(), Math.min(size, Math.max(k * 20, 2000)));
      StoredFields stored = searcher.storedFields();
      List<Integer> out = new ArrayList<>(k);
      for (ScoreDoc hit : hits.scoreDocs) {
        int pos = stored.document(hit.doc).getField("pos").numericValue().intValue();
        if (allowed.test(pos)) {
          out.add(pos);
          if (out.size() == k) {
            break;
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Set<String> terms(String query) {
    String text = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < MAX_TERMS) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
