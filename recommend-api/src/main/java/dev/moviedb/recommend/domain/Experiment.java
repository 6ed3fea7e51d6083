package dev.moviedb.recommend.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An A/B test of ranking variants: each signed-in user is assigned to one variant by a hash of the
 * experiment's name and their user id, so a user always sees the same variant while the experiment
 * runs, on every instance, and a new experiment (a new name) shuffles everyone again. The share of
 * users a variant gets is its weight over the sum of weights.
 *
 * <p>Two variant names are reserved: {@link #ANONYMOUS}, what people who are not signed in get (the
 * defaults; they are in no experiment, since they cannot be recognised again), and {@link
 * #EXPLICIT}, a request that set a knob itself (the caller chose the ranking).
 */
public record Experiment(String name, List<Variant> variants) {

  /** The variant of requests without a user: the configured defaults, outside the test. */
  public static final String ANONYMOUS = "anonymous";

  /** The variant of requests that set alpha, diversity, collaborative or popularity themselves. */
  public static final String EXPLICIT = "explicit";

  /** The buckets users are hashed into: a variant's share is resolved to 0.01 %. */
  static final int BUCKETS = 10_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public Experiment {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "experiment name '"
              + name
              + "' must be 1 to 64 letters, digits, '.', '-' or '_' (starting with a letter or"
              + " digit)");
    }
    if (variants == null || variants.isEmpty()) {
      throw new IllegalArgumentException("experiment " + name + " has no variants");
    }
    variants = List.copyOf(variants);
    Set<String> names = new HashSet<>();
    long total = 0;
    for (Variant v : variants) {
      if (v.name().equals(ANONYMOUS) || v.name().equals(EXPLICIT)) {
        throw new IllegalArgumentException(
            "variant name '" + v.name() + "' is reserved (anonymous and explicit requests)");
      }
      if (!names.add(v.name())) {
        throw new IllegalArgumentException("variant " + v.name() + " is declared twice");
      }
      total += v.weight();
    }
    if (total <= 0) {
      throw new IllegalArgumentException(
          "experiment " + name + ": the weights of its variants add up to 0");
    }
  }

  /** The variant of a user: the same for the same experiment name and user id, everywhere. */
  public Variant assign(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a user id is needed to assign a variant");
    }
    int bucket = bucket(name, userId);
    long total = variants.stream().mapToLong(Variant::weight).sum();
    long upTo = 0;
    for (Variant v : variants) {
      upTo += v.weight();
      if (bucket < upTo * BUCKETS / total) {
        return v;
      }
    }
    throw new IllegalStateException("bucket " + bucket + " beyond every variant"); // unreachable
  }

  /** The variant of this name, if the experiment has one. */
  public Optional<Variant> variant(String variantName) {
    return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
  }

  /**
   * Whether feedback may name this variant: one of the experiment's, or the reserved anonymous and
   * explicit ones.
   */
  public boolean knows(String variantName) {
    return ANONYMOUS.equals(variantName)
        || EXPLICIT.equals(variantName)
        || variant(variantName).isPresent();
  }

  /**
   * The user's bucket in [0, 10000): the first eight bytes of SHA-256 over {@code
   * "<experiment>\n<userId>"} (UTF-8), unsigned, modulo 10,000. Written so any other program can
   * compute it too.
   */
  static int bucket(String experiment, String userId) {
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256")
              .digest((experiment + "\n" + userId).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
    long first = 0;
    for (int i = 0; i < 8; i++) {
      first = (first << 8) | (digest[i] & 0xff);
    }
    return (int) Long.remainderUnsigned(first, BUCKETS);
  }
}
