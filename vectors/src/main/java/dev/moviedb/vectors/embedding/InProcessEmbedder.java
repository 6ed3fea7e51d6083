package dev.moviedb.vectors.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.moviedb.vectors.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Adapter: a quantised ONNX sentence model that ships inside a Maven artifact and runs in this JVM.
 *
 * <p>Threads are set explicitly: {@code parallelSessions} texts run at once, each with {@code
 * intraOpThreads} ONNX threads. The product of the two should equal the cores the process may use;
 * LangChain4j's defaults (a pool per core, and ONNX's own pool per core inside each call) make the
 * two pools fight over the same cores.
 *
 * <p>{@link #embedQueries} runs several queries in one ONNX call (a padded batch with an attention
 * mask), tokenised exactly as LangChain4j tokenises one text. The model is quantised with dynamic
 * activation ranges computed over the whole input tensor, so a query embedded in a batch differs
 * slightly from the same query embedded alone (cosine about 0.99, measured in docs/BENCHMARKS.md);
 * a batch of one is the one-by-one path itself.
 */
public final class InProcessEmbedder implements TextEmbedder, AutoCloseable {

  private final EmbeddingModels model;
  private final ExecutorService executor;
  private final Model delegate;
  private final Batch batch;

  public InProcessEmbedder(EmbeddingModels model, int parallelSessions, int intraOpThreads) {
    if (parallelSessions < 1 || intraOpThreads < 1) {
      throw new IllegalArgumentException("parallel sessions and intra-op threads must be >= 1");
    }
    this.model = model;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            parallelSessions,
            r -> {
              Thread t = new Thread(r, "embed-" + model.id() + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    OrtSession session = load(model, intraOpThreads);
    this.delegate = new Model(executor, encoder(model, session));
    this.batch = new Batch(session, tokenizer(model), model);
  }

  private static OrtSession load(EmbeddingModels model, int intraOpThreads) {
    try (InputStream onnx = resource(model.modelResource());
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return OrtEnvironment.getEnvironment().createSession(onnx.readAllBytes(), options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model files of " + model.id(), e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load " + model.id(), e);
    }
  }

  private static OnnxBertBiEncoder encoder(EmbeddingModels model, OrtSession session) {
    try (InputStream tokenizer = resource(model.tokenizerResource())) {
      return new OnnxBertBiEncoder(
          OrtEnvironment.getEnvironment(), session, tokenizer, model.pooling());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of " + model.id(), e);
    }
  }

  /** The same tokenizer, with the same options, as LangChain4j's encoder reads. */
  private static HuggingFaceTokenizer tokenizer(EmbeddingModels model) {
    try (InputStream tokenizer = resource(model.tokenizerResource())) {
      return HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the tokenizer of " + model.id(), e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = InProcessEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          "model file "
              + name
              + " is not on the classpath: add its langchain4j-embeddings artifact");
    }
    return in;
  }

  @Override
  public String modelId() {
    return model.id();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    return embed(texts, model.documentPrefix());
  }

  @Override
  public float[] embedQuery(String text) {
    return embed(List.of(text), model.queryPrefix()).get(0);
  }

  @Override
  public List<float[]> embedQueries(List<String> texts) {
    if (texts.size() <= 1) {
      return texts.stream().map(this::embedQuery).toList();
    }
    List<String> prefixed = texts.stream().map(t -> model.queryPrefix() + t).toList();
    List<long[]> ids = new ArrayList<>(prefixed.size());
    List<Integer> inBatch = new ArrayList<>();
    for (int i = 0; i < prefixed.size(); i++) {
      long[] tokens = batch.ids(prefixed.get(i));
      ids.add(tokens);
      if (tokens != null) {
        inBatch.add(i);
      }
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    List<float[]> batched =
        batch.run(inBatch.stream().map(ids::get).toList()); // may be empty: every text too long
    int next = 0;
    for (int i = 0; i < texts.size(); i++) {
      // A text longer than one window is split and averaged by LangChain4j: embed it alone.
      vectors.add(ids.get(i) == null ? embedQuery(texts.get(i)) : batched.get(next++));
    }
    return vectors;
  }

  private List<float[]> embed(List<String> texts, String prefix) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prefix + t)).toList();
    List<Embedding> embeddings = delegate.embedAll(segments).content();
    return embeddings.stream().map(e -> Vectors.normalize(e.vector())).toList();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * Several texts in one ONNX run: each is tokenised as LangChain4j tokenises a text of one window
   * (up to 510 tokens between [CLS] and [SEP]), padded to the longest, masked, pooled and
   * normalised.
   */
  private static final class Batch {
    private static final int WINDOW = 510;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final EmbeddingModels model;
    private final boolean typeIds;

    Batch(OrtSession session, HuggingFaceTokenizer tokenizer, EmbeddingModels model) {
      this.session = session;
      this.tokenizer = tokenizer;
      this.model = model;
      this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /**
     * The token ids LangChain4j's encoder feeds the model for this text, or null when the text
     * needs more than one window.
     */
    long[] ids(String text) {
      List<String> tokens = tokenizer.tokenize(text);
      if (tokens.size() <= 2) {
        throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
      }
      List<String> inner = tokens.subList(1, tokens.size() - 1); // without [CLS] and [SEP]
      if (inner.size() > WINDOW) {
        return null;
      }
      // LangChain4j rebuilds the window's text from its tokens and encodes that text again.
      String sentence = tokenizer.buildSentence(inner);
      List<String> again = tokenizer.tokenize(sentence);
      String window =
          again.size() >= 2 && again.subList(1, again.size() - 1).equals(inner)
              ? sentence
              : String.join("", inner);
      Encoding encoding = tokenizer.encode(window, true, false);
      return encoding.getIds();
    }

    List<float[]> run(List<long[]> texts) {
      if (texts.isEmpty()) {
        return List.of();
      }
      int n = texts.size();
      int length = texts.stream().mapToInt(t -> t.length).max().orElseThrow();
      long[] ids = new long[n * length];
      long[] mask = new long[n * length];
      for (int i = 0; i < n; i++) {
        long[] t = texts.get(i);
        System.arraycopy(t, 0, ids, i * length, t.length);
        Arrays.fill(mask, i * length, i * length + t.length, 1L);
      }
      long[] shape = {n, length};
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
          OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
          OnnxTensor typeTensor =
              OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * length]), shape)) {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        inputs.put("input_ids", idTensor);
        inputs.put("attention_mask", maskTensor);
        if (typeIds) {
          inputs.put("token_type_ids", typeTensor);
        }
        try (OrtSession.Result result = session.run(inputs)) {
          float[][][] hidden = (float[][][]) result.get(0).getValue();
          List<float[]> vectors = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            vectors.add(Vectors.normalize(pool(hidden[i], texts.get(i).length)));
          }
          return vectors;
        }
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime failed on a batch of " + n + " queries", e);
      }
    }

    /** CLS: the first token's state; mean: the average over the text's own tokens. */
    private float[] pool(float[][] states, int tokens) {
      if (model.pooling() == PoolingMode.CLS) {
        return states[0].clone();
      }
      float[] mean = new float[states[0].length];
      for (int t = 0; t < tokens; t++) {
        for (int d = 0; d < mean.length; d++) {
          mean[d] += states[t][d];
        }
      }
      for (int d = 0; d < mean.length; d++) {
        mean[d] /= tokens;
      }
      return mean;
    }
  }

  /** LangChain4j's batching over our own executor and our own ONNX session. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(ExecutorService executor, OnnxBertBiEncoder encoder) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }
}
