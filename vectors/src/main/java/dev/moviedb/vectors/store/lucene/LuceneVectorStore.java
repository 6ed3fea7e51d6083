package dev.moviedb.vectors.store.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.vectors.store.ModelMismatchException;
import dev.moviedb.vectors.store.ScoredTitle;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.VectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Adapter: an on-disk Apache Lucene index with HNSW vectors, for one machine without any server.
 *
 * <p>One process (the embedding worker) opens it for writing; any number of processes
 * (recommend-api, evaluation) open it read-only at the same time and see each commit within {@code
 * refreshMillis}. The index lives in {@code root/<model>-<dimension>/}; the file {@code
 * root/CURRENT} names the live index, so that a new model's index can be built beside the old one
 * and promoted atomically (the embedded equivalent of a Qdrant alias). A handle stays on the index
 * it was bound to; readers that want to follow a promotion bind a new handle to the new index.
 *
 * <p>Filters are applied inside the HNSW search (Lucene falls back to an exact scan when a filter
 * is very selective); availability date windows are checked on the hits, with over-fetching.
 */
public final class LuceneVectorStore implements VectorStore {

  static final String CURRENT = "CURRENT";
  private static final String ID = "id";
  private static final String VECTOR = "vector";
  private static final String VECTOR_BYTES = "vector_bytes";
  private static final String PAYLOAD = "payload";
  private static final String TYPE = "type";
  private static final String GENRE = "genre";
  private static final String YEAR = "year";
  private static final String RUNTIME = "runtime";
  private static final String LANGUAGE = "language";
  private static final String LANGUAGE_KNOWN = "language_known";
  private static final String COUNTRY = "country";
  private static final String MAIN_COUNTRY = "main_country";
  private static final String SEASONS = "seasons";
  private static final String MATURITY = "maturity";
  private static final String AVAILABLE = "available";
  private static final String MODEL_KEY = "model";
  private static final String DIMENSION_KEY = "dimension";

  private final Path root;
  private final boolean writable;
  private final long refreshMillis;
  private int exactScanLimit = DEFAULT_EXACT_SCAN_LIMIT;
  private boolean graph;

  /** Up to this many titles, searches scan every vector exactly instead of walking HNSW. */
  public static final int DEFAULT_EXACT_SCAN_LIMIT = 50_000;

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private String boundModel;
  private int boundDimension;
  private String pinned;
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private long lastRefresh;

  private LuceneVectorStore(Path root, boolean writable, long refreshMillis) {
    this.root = root;
    this.writable = writable;
    this.refreshMillis = refreshMillis;
  }

  /** Opens the store for the one writing process. */
  public static LuceneVectorStore forWriting(Path root) {
    return new LuceneVectorStore(root, true, 0);
  }

  /** Opens the store read-only; it picks up commits of the writer at most every refreshMillis. */
  public static LuceneVectorStore forReading(Path root, long refreshMillis) {
    return new LuceneVectorStore(root, false, refreshMillis);
  }

  /** Sets the size up to which searches are exact scans (0 = use the HNSW graph if built). */
  public LuceneVectorStore withExactScanLimit(int limit) {
    this.exactScanLimit = limit;
    return this;
  }

  /**
   * Writer: also builds Lucene's HNSW graph for the titles it writes, so that searches above the
   * exact-scan limit walk the graph instead of scanning. Building the graph costs more indexing CPU
   * than it saves below that size (docs/BENCHMARKS.md), so it is off by default.
   */
  public LuceneVectorStore withGraph(boolean graph) {
    this.graph = graph;
    return this;
  }

  static String indexName(String modelId, int dimension) {
    return modelId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + dimension;
  }

  @Override
  public synchronized void bindModel(String modelId, int dimension) {
    String wanted = indexName(modelId, dimension);
    Optional<String> current = readCurrent();
    if (current.isPresent() && !current.get().equals(wanted)) {
      throw new ModelMismatchException("The embedded index at " + root, current.get(), wanted);
    }
    bindIndex(modelId, dimension);
    if (writable && current.isEmpty()) {
      writeCurrent(wanted);
    }
  }

  @Override
  public synchronized void bindIndex(String modelId, int dimension) {
    this.boundModel = modelId;
    this.boundDimension = dimension;
    this.pinned = indexName(modelId, dimension);
    if (writable) {
      open(pinned);
    } else if (searchers != null) {
      try {
        closeQuietly();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the embedded index", e);
      }
    }
  }

  @Override
  public synchronized void promote() {
    if (!writable || writer == null) {
      throw new IllegalStateException("only a writer bound to an index can promote it");
    }
    writeCurrent(pinned);
  }

  @Override
  public Optional<String> liveModel() {
    return readCurrent().map(this::modelOf);
  }

  /** The model recorded in an index's latest commit; the directory name if there is none. */
  private String modelOf(String indexName) {
    try (Directory dir = FSDirectory.open(root.resolve(indexName))) {
      if (DirectoryReader.indexExists(dir)) {
        String model = SegmentInfos.readLatestCommit(dir).getUserData().get(MODEL_KEY);
        if (model != null) {
          return model;
        }
      }
    } catch (IOException e) {
      // fall through: the name still identifies the index
    }
    return indexName;
  }

  @Override
  public synchronized Optional<String> modelId() {
    if (!ensureOpen()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          SegmentInfos.readLatestCommit(directory).getUserData().get(MODEL_KEY));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String> readCurrent() {
    Path pointer = root.resolve(CURRENT);
    try {
      return Files.exists(pointer)
          ? Optional.of(Files.readString(pointer, StandardCharsets.UTF_8).trim())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  private void writeCurrent(String name) {
    try {
      Files.createDirectories(root);
      Path tmp = root.resolve(CURRENT + ".tmp");
      Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + root.resolve(CURRENT), e);
    }
  }

  private void open(String name) {
    try {
      closeQuietly();
      Path dir = root.resolve(name);
      Files.createDirectories(dir);
      directory = FSDirectory.open(dir);
      if (writable) {
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        writer = new IndexWriter(directory, config);
        writer.setLiveCommitData(
            Map.of(MODEL_KEY, boundModel, DIMENSION_KEY, String.valueOf(boundDimension))
                .entrySet());
        writer.commit();
        searchers = new SearcherManager(writer, null);
      } else {
        searchers = new SearcherManager(directory, null);
      }
      lastRefresh = System.currentTimeMillis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the embedded index " + root.resolve(name), e);
    }
  }

  /** Opens (readers: refreshes) the bound index; false if it does not exist yet. */
  private boolean ensureOpen() {
    if (pinned == null) {
      throw new IllegalStateException(
          "bindModel or bindIndex must be called before using the store");
    }
    if (writable) {
      return true;
    }
    long now = System.currentTimeMillis();
    if (searchers != null) {
      if (now - lastRefresh >= refreshMillis) {
        try {
          searchers.maybeRefresh();
          lastRefresh = now;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot refresh the embedded index", e);
        }
      }
      return true;
    }
    try (Directory dir = FSDirectory.open(root.resolve(pinned))) {
      if (!DirectoryReader.indexExists(dir)) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    open(pinned);
    return true;
  }

  @Override
  public synchronized void upsert(List<StoredTitle> titles) {
    ensureOpen();
    if (titles.isEmpty()) {
      return;
    }
    try {
      for (StoredTitle t : titles) {
        checkDimension(t.vector());
        writer.updateDocument(new Term(ID, t.titleId()), toDocument(t));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the embedded index", e);
    }
  }

  private void checkDimension(float[] vector) {
    if (vector.length != boundDimension) {
      throw new IllegalArgumentException(
          "vector has " + vector.length + " dimensions, the index holds " + boundDimension);
    }
  }

  @Override
  public synchronized void delete(Collection<String> titleIds) {
    ensureOpen();
    if (titleIds.isEmpty()) {
      return;
    }
    try {
      for (String id : titleIds) {
        writer.deleteDocuments(new Term(ID, id));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete from the embedded index", e);
    }
  }

  @Override
  public Map<String, StoredTitle> get(Collection<String> titleIds) {
    Map<String, StoredTitle> found = new LinkedHashMap<>();
    if (titleIds.isEmpty()) {
      return found;
    }
    Query query = new TermInSetQuery(ID, titleIds.stream().distinct().map(BytesRef::new).toList());
    withSearcher(
        searcher -> {
          TopDocs docs = searcher.search(query, Math.max(1, titleIds.size()));
          StoredFields fields = searcher.storedFields();
          for (ScoreDoc hit : docs.scoreDocs) {
            StoredTitle t = decoded(searcher, fields, hit.doc);
            found.put(t.titleId(), t);
          }
        });
    return found;
  }

  @Override
  public List<List<ScoredTitle>> searchEach(List<float[]> vectors, int k, TitleFilter filter) {
    List<List<ScoredTitle>> results = new ArrayList<>(vectors.size());
    if (k > 0) {
      withSearcher(
          searcher -> {
            if (!useGraph(searcher)) {
              results.addAll(exactScan(searcher, vectors, k, filter));
            } else {
              for (float[] vector : vectors) {
                results.add(graphSearch(searcher, vector, k, filter));
              }
            }
          });
    }
    while (results.size() < vectors.size()) { // no index yet, or k <= 0
      results.add(List.of());
    }
    return results;
  }

  @Override
  public List<ScoredTitle> search(float[] vector, int k, TitleFilter filter) {
    return searchEach(List.of(vector), k, filter).get(0);
  }

  /** Nearest titles by the HNSW graph, with the filters inside the search. */
  private List<ScoredTitle> graphSearch(
      IndexSearcher searcher, float[] vector, int k, TitleFilter filter) throws IOException {
    checkDimension(vector);
    // Availability date windows are checked on the hits: fetch more when they may drop some.
    int fetch = filter.services().isEmpty() ? k : k * 2;
    TopDocs docs =
        searcher.search(new KnnFloatVectorQuery(VECTOR, vector, fetch, toQuery(filter)), fetch);
    StoredFields fields = searcher.storedFields();
    List<ScoredTitle> results = new ArrayList<>(k);
    for (ScoreDoc hit : docs.scoreDocs) {
      StoredTitle t = decoded(searcher, fields, hit.doc);
      if (filter.accepts(t)) {
        // DOT_PRODUCT scores are (1 + cos) / 2 in Lucene; report the cosine itself.
        results.add(new ScoredTitle(t, 2.0 * hit.score - 1.0));
        if (results.size() == k) {
          break;
        }
      }
    }
    return results;
  }

  /** Walk the HNSW graph only above the exact-scan limit, and only where every segment has one. */
  private boolean useGraph(IndexSearcher searcher) {
    if (searcher.getIndexReader().numDocs() <= exactScanLimit) {
      return false;
    }
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      var info = leaf.reader().getFieldInfos().fieldInfo(VECTOR);
      if (info == null || info.getVectorDimension() == 0) {
        return false;
      }
    }
    return true;
  }

  private static Query toQuery(TitleFilter f) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new MatchAllDocsQuery(), Occur.FILTER);
    if (!f.services().isEmpty()) {
      b.add(
          new TermInSetQuery(AVAILABLE, f.availabilityKeys().stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    if (f.type() != null) {
      b.add(new TermQuery(new Term(TYPE, f.type().name())), Occur.FILTER);
    }
    if (!f.genres().isEmpty()) {
      b.add(
          new TermInSetQuery(GENRE, f.genres().stream().map(BytesRef::new).toList()), Occur.FILTER);
    }
    for (String excluded : f.excludedGenres()) {
      b.add(new TermQuery(new Term(GENRE, excluded)), Occur.MUST_NOT);
    }
    for (Set<String> group : f.genreGroups()) {
      b.add(new TermInSetQuery(GENRE, group.stream().map(BytesRef::new).toList()), Occur.FILTER);
    }
    range(b, YEAR, f.minYear(), f.maxYear());
    range(b, RUNTIME, f.minRuntimeMinutes(), f.maxRuntimeMinutes());
    range(b, SEASONS, f.minSeasons(), f.maxSeasons());
    range(b, MATURITY, null, f.maxMaturityAge());
    if (!f.productionCountries().isEmpty()) {
      b.add(
          new TermInSetQuery(COUNTRY, f.productionCountries().stream().map(BytesRef::new).toList()),
          Occur.FILTER);
    }
    if (f.language() != null) {
      b.add(languageQuery(f), Occur.FILTER);
    }
    return b.build();
  }

  private static void range(BooleanQuery.Builder b, String field, Integer min, Integer max) {
    if (min != null || max != null) {
      b.add(
          IntPoint.newRangeQuery(
              field, min == null ? Integer.MIN_VALUE : min, max == null ? Integer.MAX_VALUE : max),
          Occur.FILTER);
    }
  }

  /** The language, or no language listed and mainly produced in one of the language's countries. */
  private static Query languageQuery(TitleFilter f) {
    Query listed = new TermQuery(new Term(LANGUAGE, f.language()));
    if (f.languageCountries().isEmpty()) {
      return listed;
    }
    Query byCountry =
        new BooleanQuery.Builder()
            .add(
                new TermInSetQuery(
                    MAIN_COUNTRY, f.languageCountries().stream().map(BytesRef::new).toList()),
                Occur.FILTER)
            .add(new TermQuery(new Term(LANGUAGE_KNOWN, "y")), Occur.MUST_NOT)
            .build();
    return new BooleanQuery.Builder()
        .add(listed, Occur.SHOULD)
        .add(byCountry, Occur.SHOULD)
        .setMinimumNumberShouldMatch(1)
        .build();
  }

  @Override
  public void forEach(Consumer<StoredTitle> visitor) {
    withSearcher(
        searcher -> {
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              if (live == null || live.get(doc)) {
                visitor.accept(segment(leaf).titles[doc]);
              }
            }
          }
        });
  }

  @Override
  public long count() {
    long[] n = {0};
    withSearcher(searcher -> n[0] = searcher.getIndexReader().numDocs());
    return n[0];
  }

  private interface SearcherWork {
    void run(IndexSearcher searcher) throws IOException;
  }

  private void withSearcher(SearcherWork work) {
    SearcherManager manager;
    synchronized (this) {
      if (!ensureOpen()) {
        return;
      }
      manager = searchers;
    }
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        work.run(searcher);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedded index", e);
    }
  }

  private Document toDocument(StoredTitle t) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(ID, t.titleId(), Field.Store.YES));
    if (graph) {
      doc.add(new KnnFloatVectorField(VECTOR, t.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    }
    doc.add(new StoredField(VECTOR_BYTES, toBytes(t.vector())));
    StoredTitle withoutVector = t.withVector(new float[] {0f}, t.contentHash());
    doc.add(new StoredField(PAYLOAD, json.writeValueAsBytes(withoutVector)));
    if (t.type() != null) {
      doc.add(new StringField(TYPE, t.type().name(), Field.Store.NO));
    }
    for (String genre : t.genres()) {
      doc.add(new StringField(GENRE, TitleFilter.genreKey(genre), Field.Store.NO));
    }
    if (t.year() != null) {
      doc.add(new IntPoint(YEAR, t.year()));
    }
    if (t.runtimeMinutes() != null) {
      doc.add(new IntPoint(RUNTIME, t.runtimeMinutes()));
    }
    for (String language : t.languages()) {
      doc.add(
          new StringField(LANGUAGE, language.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
    }
    if (!t.languages().isEmpty()) {
      doc.add(new StringField(LANGUAGE_KNOWN, "y", Field.Store.NO));
    }
    for (String country : t.countries()) {
      doc.add(new StringField(COUNTRY, TitleFilter.countryKey(country), Field.Store.NO));
    }
    if (!t.countries().isEmpty()) {
      doc.add(
          new StringField(
              MAIN_COUNTRY, TitleFilter.countryKey(t.countries().get(0)), Field.Store.NO));
    }
    if (t.seasons() != null) {
      doc.add(new IntPoint(SEASONS, t.seasons()));
    }
    if (t.maturityAge() != null) {
      doc.add(new IntPoint(MATURITY, t.maturityAge()));
    }
    Map<String, Boolean> keys = new HashMap<>();
    for (var a : t.availability()) {
      String key = TitleFilter.availabilityKey(a.service(), a.country());
      if (keys.put(key, true) == null) {
        doc.add(new StringField(AVAILABLE, key, Field.Store.NO));
      }
    }
    return doc;
  }

  /**
   * Decoding a title from stored fields (decompression and JSON) costs far more than scoring it, so
   * every segment's titles are decoded once and kept while the segment lives (segments never
   * change; deletions are applied through the live docs). About 2 kB per title.
   */
  private StoredTitle decoded(IndexSearcher searcher, StoredFields fields, int doc)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return segment(leaf).titles[doc - leaf.docBase];
  }

  /**
   * One segment's decoded titles, and their vectors side by side in one array (title d at offset d
   * x dimension), which the exact scan reads front to back.
   */
  private static final class Segment {
    final StoredTitle[] titles;
    final float[] vectors;
    final int dimension;

    Segment(StoredTitle[] titles, int dimension) {
      this.titles = titles;
      this.dimension = dimension;
      this.vectors = new float[titles.length * dimension];
      for (int d = 0; d < titles.length; d++) {
        if (titles[d] != null) {
          System.arraycopy(titles[d].vector(), 0, vectors, d * dimension, dimension);
        }
      }
    }
  }

  private Segment segment(LeafReaderContext leaf) throws IOException {
    Object key = leaf.reader().getCoreCacheHelper().getKey();
    Segment segment = segments.get(key);
    if (segment == null) {
      StoredFields fields = leaf.reader().storedFields();
      StoredTitle[] titles = new StoredTitle[leaf.reader().maxDoc()];
      int dimension = boundDimension;
      for (int d = 0; d < titles.length; d++) {
        // Decode deleted documents too: a segment's deletions change, its documents do not.
        titles[d] = fromDocument(fields.document(d));
        dimension = titles[d].vector().length;
      }
      segment = new Segment(titles, dimension);
      segments.put(key, segment);
      leaf.reader().getCoreCacheHelper().addClosedListener(segments::remove);
    }
    return segment;
  }

  private final Map<Object, Segment> segments = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Exact top-k for each vector over every live title, in one pass over the vectors. A title's
   * filters are checked only when its score would enter a top-k (most titles never get there), and
   * at most once per scan. At the catalogue sizes users have (thousands to tens of thousands) this
   * is faster than the HNSW graph with a filter, and exact; see docs/BENCHMARKS.md.
   */
  private List<List<ScoredTitle>> exactScan(
      IndexSearcher searcher, List<float[]> queries, int k, TitleFilter filter) throws IOException {
    queries.forEach(this::checkDimension);
    int n = queries.size();
    List<java.util.PriorityQueue<ScoredTitle>> tops = new ArrayList<>(n);
    for (int q = 0; q < n; q++) {
      tops.add(
          new java.util.PriorityQueue<>(
              k + 1, java.util.Comparator.comparingDouble(ScoredTitle::score)));
    }
    double[] floor = new double[n];
    java.util.Arrays.fill(floor, Double.NEGATIVE_INFINITY);
    if (k > 0) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Segment segment = segment(leaf);
        Bits live = leaf.reader().getLiveDocs();
        byte[] accepted = new byte[segment.titles.length]; // 0 = not checked, 1 = yes, 2 = no
        for (int d = 0; d < segment.titles.length; d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          int offset = d * segment.dimension;
          for (int q = 0; q < n; q++) {
            double score = dev.moviedb.vectors.Vectors.dot(queries.get(q), segment.vectors, offset);
            if (score <= floor[q]) {
              continue;
            }
            if (accepted[d] == 0) {
              accepted[d] = filter.accepts(segment.titles[d]) ? (byte) 1 : (byte) 2;
            }
            if (accepted[d] == 2) {
              break;
            }
            java.util.PriorityQueue<ScoredTitle> top = tops.get(q);
            top.add(new ScoredTitle(segment.titles[d], score));
            if (top.size() > k) {
              top.poll();
            }
            if (top.size() == k) {
              floor[q] = top.peek().score();
            }
          }
        }
      }
    }
    List<List<ScoredTitle>> results = new ArrayList<>(n);
    for (java.util.PriorityQueue<ScoredTitle> top : tops) {
      List<ScoredTitle> sorted = new ArrayList<>(top);
      sorted.sort(java.util.Comparator.comparingDouble(ScoredTitle::score).reversed());
      results.add(sorted);
    }
    return results;
  }

  private StoredTitle fromDocument(Document doc) throws IOException {
    StoredTitle payload = json.readValue(doc.getBinaryValue(PAYLOAD).bytes, StoredTitle.class);
    BytesRef raw = doc.getBinaryValue(VECTOR_BYTES);
    return payload.withVector(fromBytes(raw), payload.contentHash());
  }

  private static byte[] toBytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  private static float[] fromBytes(BytesRef ref) {
    float[] vector = new float[ref.length / 4];
    ByteBuffer.wrap(ref.bytes, ref.offset, ref.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(vector);
    return vector;
  }

  private void closeQuietly() throws IOException {
    if (searchers != null) {
      searchers.close();
      searchers = null;
    }
    if (writer != null) {
      writer.close();
      writer = null;
    }
    if (directory != null) {
      directory.close();
      directory = null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      closeQuietly();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the embedded index", e);
    }
  }
}
