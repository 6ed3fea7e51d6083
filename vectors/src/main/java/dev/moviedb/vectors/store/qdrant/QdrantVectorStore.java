package dev.moviedb.vectors.store.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.vectors.store.ModelMismatchException;
import dev.moviedb.vectors.store.ScoredTitle;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import dev.moviedb.vectors.store.VectorStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.CreateAlias;
import io.qdrant.client.grpc.Collections.DeleteAlias;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.Filter;
import io.qdrant.client.grpc.Points.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Range;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Adapter: Qdrant over gRPC with the official client. Vectors live in a collection named after the
 * model and dimension ({@code titles_bge-small-en-v1.5-q_384}); clients address it through an alias
 * ({@code titles}), so a new model's collection can be built beside the old one and swapped in.
 * Point ids are UUID v5 of the title id, so writes are idempotent.
 */
public final class QdrantVectorStore implements VectorStore {

  private static final String PAYLOAD = "payload";
  private static final UUID NAMESPACE = UUID.fromString("6f1c2b1e-3d4a-5b6c-8d7e-9f0a1b2c3d4e");

  private final QdrantClient client;
  private final String alias;
  private final boolean writable;
  private String boundModel;
  private volatile String collection;
  private volatile boolean collectionExists;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public QdrantVectorStore(
      String host,
      int port,
      boolean tls,
      String apiKey,
      String alias,
      Duration timeout,
      boolean writable) {
    QdrantGrpcClient.Builder grpc =
        QdrantGrpcClient.newBuilder(host, port, tls).withTimeout(timeout);
    if (apiKey != null && !apiKey.isBlank()) {
      grpc.withApiKey(apiKey);
    }
    this.client = new QdrantClient(grpc.build());
    this.alias = alias;
    this.writable = writable;
  }

  /** The collection that holds vectors of a model. */
  public static String collectionName(String alias, String modelId, int dimension) {
    return alias + "_" + modelId.replaceAll("[^A-Za-z0-9._-]", "_") + "_" + dimension;
  }

  /** Deterministic point id: UUID version 5 (SHA-1, name based) of the title id. */
  public static UUID pointId(String titleId) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(toBytes(NAMESPACE));
      byte[] hash = sha1.digest(titleId.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (hash[i] & 0xff);
        lsb = (lsb << 8) | (hash[i + 8] & 0xff);
      }
      return new UUID(msb, lsb);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }

  private static byte[] toBytes(UUID uuid) {
    byte[] out = new byte[16];
    long msb = uuid.getMostSignificantBits();
    long lsb = uuid.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (msb >>> (8 * (7 - i)));
      out[i + 8] = (byte) (lsb >>> (8 * (7 - i)));
    }
    return out;
  }

  @Override
  public void bindModel(String modelId, int dimension) {
    String wanted = collectionName(alias, modelId, dimension);
    Optional<String> current = aliasTarget();
    if (current.isPresent() && !current.get().equals(wanted)) {
      throw new ModelMismatchException("Qdrant alias '" + alias + "'", current.get(), wanted);
    }
    bindIndex(modelId, dimension);
    if (writable && current.isEmpty()) {
      await(client.createAliasAsync(alias, wanted));
    }
  }

  @Override
  public void bindIndex(String modelId, int dimension) {
    String wanted = collectionName(alias, modelId, dimension);
    if (writable && !await(client.collectionExistsAsync(wanted))) {
      createCollection(wanted, dimension);
    }
    this.boundModel = modelId;
    this.collection = wanted;
    this.collectionExists = false;
  }

  /** Only the writer creates collections, so that services starting together never race. */
  private void createCollection(String name, int dimension) {
    await(
        client.createCollectionAsync(
            name,
            VectorParams.newBuilder().setDistance(Distance.Cosine).setSize(dimension).build()));
    for (String field :
        List.of("titleId", "available", "type", "genre", "language", "country", "main_country")) {
      await(
          client.createPayloadIndexAsync(
              name, field, PayloadSchemaType.Keyword, null, true, null, null));
    }
    for (String field : List.of("year", "runtime", "seasons", "maturity")) {
      await(
          client.createPayloadIndexAsync(
              name, field, PayloadSchemaType.Integer, null, true, null, null));
    }
  }

  @Override
  public void promote() {
    if (!writable || collection == null) {
      throw new IllegalStateException("only a writer bound to a collection can promote it");
    }
    List<AliasOperations> operations = new java.util.ArrayList<>();
    if (aliasTarget().isPresent()) {
      operations.add(
          AliasOperations.newBuilder()
              .setDeleteAlias(DeleteAlias.newBuilder().setAliasName(alias))
              .build());
    }
    operations.add(
        AliasOperations.newBuilder()
            .setCreateAlias(
                CreateAlias.newBuilder().setAliasName(alias).setCollectionName(collection))
            .build());
    // Qdrant applies the operations of one request atomically: readers never see no alias.
    await(client.updateAliasesAsync(operations));
  }

  private Optional<String> aliasTarget() {
    return await(client.listAliasesAsync()).stream()
        .filter(a -> a.getAliasName().equals(alias))
        .map(AliasDescription::getCollectionName)
        .findFirst();
  }

  @Override
  public Optional<String> liveModel() {
    return aliasTarget().map(c -> c.substring(alias.length() + 1, c.lastIndexOf('_')));
  }

  @Override
  public Optional<String> modelId() {
    return ready() ? Optional.of(boundModel) : Optional.empty();
  }

  /** Whether the bound collection exists (a reader may start before the writer creates it). */
  private boolean ready() {
    if (collection == null) {
      throw new IllegalStateException(
          "bindModel or bindIndex must be called before using the store");
    }
    if (!collectionExists) {
      collectionExists = await(client.collectionExistsAsync(collection));
    }
    return collectionExists;
  }

  @Override
  public void upsert(List<StoredTitle> titles) {
    if (titles.isEmpty()) {
      return;
    }
    List<PointStruct> points = titles.stream().map(this::toPoint).toList();
    ready();
    await(client.upsertAsync(collection, points));
  }

  private PointStruct toPoint(StoredTitle t) {
    Map<String, Value> payload = new HashMap<>();
    payload.put("titleId", value(t.titleId()));
    payload.put(PAYLOAD, value(writeJson(t.withVector(new float[] {0f}, t.contentHash()))));
    if (t.type() != null) {
      payload.put("type", value(t.type().name()));
    }
    payload.put("genre", list(t.genres().stream().map(TitleFilter::genreKey).toList()));
    payload.put(
        "language", list(t.languages().stream().map(l -> l.toLowerCase(Locale.ROOT)).toList()));
    payload.put(
        "available",
        list(
            t.availability().stream()
                .map(a -> TitleFilter.availabilityKey(a.service(), a.country()))
                .distinct()
                .toList()));
    if (t.year() != null) {
      payload.put("year", value(t.year()));
    }
    if (t.runtimeMinutes() != null) {
      payload.put("runtime", value(t.runtimeMinutes()));
    }
    payload.put("country", list(t.countries().stream().map(TitleFilter::countryKey).toList()));
    if (!t.countries().isEmpty()) {
      payload.put("main_country", value(TitleFilter.countryKey(t.countries().get(0))));
    }
    if (t.seasons() != null) {
      payload.put("seasons", value(t.seasons()));
    }
    if (t.maturityAge() != null) {
      payload.put("maturity", value(t.maturityAge()));
    }
    return PointStruct.newBuilder()
        .setId(id(pointId(t.titleId())))
        .setVectors(vectors(t.vector()))
        .putAllPayload(payload)
        .build();
  }

  private static Value list(List<String> values) {
    return io.qdrant.client.ValueFactory.list(values.stream().map(v -> value(v)).toList());
  }

  @Override
  public void delete(Collection<String> titleIds) {
    if (!titleIds.isEmpty() && ready()) {
      await(client.deleteAsync(collection, ids(titleIds)));
    }
  }

  private static List<PointId> ids(Collection<String> titleIds) {
    return titleIds.stream().map(t -> id(pointId(t))).toList();
  }

  @Override
  public Map<String, StoredTitle> get(Collection<String> titleIds) {
    Map<String, StoredTitle> found = new LinkedHashMap<>();
    if (titleIds.isEmpty() || !ready()) {
      return found;
    }
    List<RetrievedPoint> points =
        await(
            client.retrieveAsync(
                collection,
                ids(titleIds.stream().distinct().toList()),
                enable(true),
                WithVectorsSelectorFactory.enable(true),
                null));
    for (RetrievedPoint p : points) {
      StoredTitle t = fromPayload(p.getPayloadMap(), p.getVectors().getVector().getDataList());
      found.put(t.titleId(), t);
    }
    return found;
  }

  @Override
  public List<ScoredTitle> search(float[] vector, int k, TitleFilter filter) {
    if (k <= 0 || !ready()) {
      return List.of();
    }
    SearchPoints.Builder request =
        SearchPoints.newBuilder()
            .setCollectionName(collection)
            .setLimit(filter.services().isEmpty() ? k : 2L * k)
            .setFilter(toFilter(filter))
            .setWithPayload(enable(true))
            .setWithVectors(WithVectorsSelectorFactory.enable(true));
    for (float v : vector) {
      request.addVector(v);
    }
    List<ScoredPoint> points = await(client.searchAsync(request.build()));
    return points.stream()
        .map(
            p ->
                new ScoredTitle(
                    fromPayload(p.getPayloadMap(), p.getVectors().getVector().getDataList()),
                    p.getScore()))
        .filter(s -> filter.accepts(s.title()))
        .limit(k)
        .toList();
  }

  private static Filter toFilter(TitleFilter f) {
    Filter.Builder b = Filter.newBuilder();
    if (!f.services().isEmpty()) {
      b.addMust(matchKeywords("available", f.availabilityKeys()));
    }
    if (f.type() != null) {
      b.addMust(matchKeyword("type", f.type().name()));
    }
    if (!f.genres().isEmpty()) {
      b.addMust(matchKeywords("genre", List.copyOf(f.genres())));
    }
    if (!f.excludedGenres().isEmpty()) {
      b.addMustNot(matchKeywords("genre", List.copyOf(f.excludedGenres())));
    }
    for (Set<String> group : f.genreGroups()) {
      b.addMust(matchKeywords("genre", List.copyOf(group)));
    }
    addRange(b, "year", f.minYear(), f.maxYear());
    addRange(b, "runtime", f.minRuntimeMinutes(), f.maxRuntimeMinutes());
    addRange(b, "seasons", f.minSeasons(), f.maxSeasons());
    addRange(b, "maturity", null, f.maxMaturityAge());
    if (!f.productionCountries().isEmpty()) {
      b.addMust(matchKeywords("country", List.copyOf(f.productionCountries())));
    }
    if (f.language() != null && f.languageCountries().isEmpty()) {
      b.addMust(matchKeyword("language", f.language()));
    } else if (f.language() != null) {
      // The language, or no language listed and mainly produced in one of the language's countries.
      Filter byCountry =
          Filter.newBuilder()
              .addMust(matchKeywords("main_country", List.copyOf(f.languageCountries())))
              .addMust(isEmpty("language"))
              .build();
      b.addMust(
          filter(
              Filter.newBuilder()
                  .addShould(matchKeyword("language", f.language()))
                  .addShould(filter(byCountry))
                  .build()));
    }
    return b.build();
  }

  private static void addRange(Filter.Builder b, String field, Integer min, Integer max) {
    if (min != null || max != null) {
      Range.Builder r = Range.newBuilder();
      if (min != null) {
        r.setGte(min);
      }
      if (max != null) {
        r.setLte(max);
      }
      b.addMust(range(field, r.build()));
    }
  }

  @Override
  public void forEach(Consumer<StoredTitle> visitor) {
    if (!ready()) {
      return;
    }
    PointId offset = null;
    do {
      ScrollPoints.Builder request =
          ScrollPoints.newBuilder()
              .setCollectionName(collection)
              .setLimit(256)
              .setWithPayload(enable(true))
              .setWithVectors(WithVectorsSelectorFactory.enable(true));
      if (offset != null) {
        request.setOffset(offset);
      }
      ScrollResponse page = await(client.scrollAsync(request.build()));
      for (RetrievedPoint p : page.getResultList()) {
        visitor.accept(fromPayload(p.getPayloadMap(), p.getVectors().getVector().getDataList()));
      }
      offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
    } while (offset != null);
  }

  @Override
  public long count() {
    return ready() ? await(client.countAsync(collection)) : 0;
  }

  private String writeJson(StoredTitle t) {
    try {
      return json.writeValueAsString(t);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StoredTitle fromPayload(Map<String, Value> payload, List<Float> vector) {
    try {
      StoredTitle t = json.readValue(payload.get(PAYLOAD).getStringValue(), StoredTitle.class);
      float[] v = new float[vector.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = vector.get(i);
      }
      return t.withVector(v, t.contentHash());
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable payload in Qdrant", e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Qdrant", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Qdrant request failed: " + e.getCause().getMessage(), e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
