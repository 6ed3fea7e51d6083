package dev.moviedb.vectors.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.moviedb.vectors.Vectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
 */
public final class InProcessEmbedder implements TextEmbedder, AutoCloseable {

  private final EmbeddingModels model;
  private final ExecutorService executor;
  private final Model delegate;

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
    this.delegate = new Model(executor, load(model, intraOpThreads));
  }

  private static OnnxBertBiEncoder load(EmbeddingModels model, int intraOpThreads) {
    try (InputStream onnx = resource(model.modelResource());
        InputStream tokenizer = resource(model.tokenizerResource());
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession session = env.createSession(onnx.readAllBytes(), options);
      return new OnnxBertBiEncoder(env, session, tokenizer, model.pooling());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model files of " + model.id(), e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load " + model.id(), e);
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

  private List<float[]> embed(List<String> texts, String prefix) {
    List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(prefix + t)).toList();
    List<Embedding> embeddings = delegate.embedAll(segments).content();
    return embeddings.stream().map(e -> Vectors.normalize(e.vector())).toList();
  }

  @Override
  public void close() {
    executor.shutdownNow();
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
