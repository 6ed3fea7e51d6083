package dev.moviedb.evaluation;

import dev.moviedb.vectors.embedding.TextEmbedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Title vectors per model on disk, keyed by the model and a hash of the exact texts embedded, so a
 * rerun skips the embedding step, and texts of different document-text forms (or of a changed
 * catalogue or DocumentText) never share a file.
 */
public final class EmbeddingCache {

  private static final int MAGIC = 0x4D444245; // "MDBE"
  private static final int BATCH = 64;

  private final Path dir;

  public EmbeddingCache(Path dir) {
    this.dir = dir;
  }

  /** The vectors of {@code texts}, read from the cache or embedded (and then cached). */
  public List<float[]> vectors(List<String> texts, TextEmbedder embedder) throws IOException {
    Path file = file(texts, embedder.modelId());
    if (Files.isRegularFile(file)) {
      List<float[]> cached = read(file, texts.size(), embedder.dimension());
      if (cached != null) {
        System.err.printf(
            "%s: %d title vectors from %s%n", embedder.modelId(), cached.size(), file);
        return cached;
      }
    }
    List<float[]> vectors = embed(texts, embedder);
    write(file, vectors, embedder.dimension());
    return vectors;
  }

  static List<float[]> embed(List<String> texts, TextEmbedder embedder) {
    List<float[]> out = new ArrayList<>(texts.size());
    long start = System.nanoTime();
    int nextReport = 1000;
    for (int from = 0; from < texts.size(); from += BATCH) {
      out.addAll(
          embedder.embedDocuments(texts.subList(from, Math.min(texts.size(), from + BATCH))));
      if (out.size() >= nextReport || out.size() == texts.size()) {
        double secs = (System.nanoTime() - start) / 1e9;
        System.err.printf(
            "%s: embedded %d/%d titles (%.0f s, %.1f titles/s)%n",
            embedder.modelId(), out.size(), texts.size(), secs, out.size() / Math.max(secs, 1e-9));
        nextReport = (out.size() / 1000 + 1) * 1000;
      }
    }
    return out;
  }

  /** The cache file of these texts embedded by this model. */
  Path file(List<String> texts, String modelId) {
    return dir.resolve(modelId + "-" + key(texts) + ".bin");
  }

  /** First 16 hex digits of SHA-256 over the count and every text, each length-prefixed. */
  static String key(List<String> texts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(4).putInt(texts.size()).array());
      for (String text : texts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<float[]> read(Path file, int count, int dimension) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != count || in.readInt() != dimension) {
        return null;
      }
      List<float[]> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        float[] v = new float[dimension];
        for (int j = 0; j < dimension; j++) {
          v[j] = in.readFloat();
        }
        out.add(v);
      }
      return out;
    }
  }

  private static void write(Path file, List<float[]> vectors, int dimension) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(vectors.size());
      out.writeInt(dimension);
      for (float[] v : vectors) {
        for (float x : v) {
          out.writeFloat(x);
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
