package dev.moviedb.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Glosses through the FreeDict Dutch-English dictionary in dictd format (Debian's {@code
 * dict-freedict-nld-eng}: {@code freedict-nld-eng.index} and {@code freedict-nld-eng.dict.dz}),
 * read once into memory. A word's English is the first two translations of its first sense.
 */
public final class FreeDict implements Glosser {

  /** Where Debian's package installs the dictionary. */
  public static final Path DEBIAN_DIR = Path.of("/usr/share/dictd");

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private final Map<String, String> english = new HashMap<>();

  private FreeDict(Path index, Path dict) throws IOException {
    byte[] data;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(dict))) {
      data = in.readAllBytes(); // a dictzip file is a gzip file; 1.4 MB unpacked
    }
    List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String[] cells = lines.get(n).split("\t");
      if (cells.length != 3) {
        throw new IllegalStateException(index + " line " + (n + 1) + ": expected 3 columns");
      }
      String word = cells[0].strip().toLowerCase(Locale.ROOT);
      if (word.startsWith("00database") || english.containsKey(word)) {
        continue;
      }
      int offset = (int) decode(cells[1]);
      int length = (int) decode(cells[2]);
      if (offset < 0 || offset + length > data.length) {
        throw new IllegalStateException(index + " line " + (n + 1) + ": entry outside " + dict);
      }
      String entry = new String(data, offset, length, StandardCharsets.UTF_8);
      firstSense(entry).ifPresent(e -> english.put(word, e));
    }
  }

  /** The dictionary in {@code dir}, or empty when it is not installed there. */
  public static Optional<FreeDict> open(Path dir) {
    Path index = dir.resolve("freedict-nld-eng.index");
    Path dict = dir.resolve("freedict-nld-eng.dict.dz");
    if (!Files.isRegularFile(index) || !Files.isRegularFile(dict)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FreeDict(index, dict));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the FreeDict dictionary in " + dir, e);
    }
  }

  private static long decode(String b64) {
    long n = 0;
    for (char c : b64.strip().toCharArray()) {
      int d = B64.indexOf(c);
      if (d < 0) {
        throw new IllegalStateException("'" + b64 + "' is not a dictd base64 number");
      }
      n = n * 64 + d;
    }
    return n;
  }

  /** "somber /sɔmbər/\n1. bleak, dismal, dreary\n2. dark\n" -> "bleak dismal". */
  static Optional<String> firstSense(String entry) {
    String[] lines = entry.split("\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip().replaceFirst("^\\d+\\.\\s*", "");
      if (line.isEmpty()) {
        continue;
      }
      String words =
          Arrays.stream(line.split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .limit(2)
              .collect(Collectors.joining(" "));
      return words.isEmpty() ? Optional.empty() : Optional.of(words);
    }
    return Optional.empty();
  }

  @Override
  public String id() {
    return "freedict";
  }

  @Override
  public Optional<String> english(String dutchWord) {
    return Optional.ofNullable(english.get(dutchWord));
  }

  public int size() {
    return english.size();
  }
}
