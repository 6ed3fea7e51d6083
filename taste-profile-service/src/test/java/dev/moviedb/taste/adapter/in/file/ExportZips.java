package dev.moviedb.taste.adapter.in.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds export zips in tests from the synthetic CSV files under {@code /exports}. */
public final class ExportZips {

  /** The 39 bytes Netflix ships instead of an empty CSV. */
  public static final String STUB = "There is no data available for you.   \n";

  private ExportZips() {}

  /** A test resource under {@code /exports}. */
  public static byte[] resource(String name) {
    try (InputStream in = ExportZips.class.getResourceAsStream("/exports/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /exports/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A zip of {@code entries} (path to content) in their iteration order; a path ending in / is a
   * folder.
   */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A whole export as Netflix ships it: everything under a numeric folder, with ViewingActivity,
   * Ratings and MyList, a 39-byte stub and an unrelated file.
   */
  public static byte[] nestedExport() {
    String root = "18239475/";
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(root, new byte[0]);
    entries.put(
        root + "ACCOUNT/AccountDetails.csv",
        "First Name,Last Name\nAnna,Jansen\n".getBytes(StandardCharsets.UTF_8));
    entries.put(root + "CONTENT_INTERACTION/ViewingActivity.csv", resource("ViewingActivity.csv"));
    entries.put(
        root + "CONTENT_INTERACTION/IndicatedPreferences.txt",
        STUB.getBytes(StandardCharsets.UTF_8));
    entries.put(root + "CONTENT_INTERACTION/Ratings.csv", resource("RatingsSample.csv"));
    entries.put(root + "CONTENT_INTERACTION/MyList.csv", resource("MyList.csv"));
    return zip(entries);
  }
}
