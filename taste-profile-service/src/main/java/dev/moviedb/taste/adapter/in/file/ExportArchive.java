package dev.moviedb.taste.adapter.in.file;

import dev.moviedb.taste.domain.ExportFormat;
import dev.moviedb.taste.domain.InvalidFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Netflix files of a whole export zip, found by name anywhere in the tree (some zips nest
 * everything under a numeric folder). Every entry is streamed and counted, so a zip bomb stops at
 * the limits instead of filling the memory; other files (and the 39-byte {@code .txt} stubs of
 * empty exports) are read past and dropped.
 */
final class ExportArchive {

  /** The files read, by the path suffix that names them. */
  static final Map<String, ExportFormat> WANTED = new LinkedHashMap<>();

  static {
    WANTED.put("CONTENT_INTERACTION/ViewingActivity.csv", ExportFormat.VIEWING_ACTIVITY);
    WANTED.put("CONTENT_INTERACTION/Ratings.csv", ExportFormat.RATINGS);
    WANTED.put("CONTENT_INTERACTION/MyList.csv", ExportFormat.MY_LIST);
    WANTED.put("NetflixViewingHistory.csv", ExportFormat.VIEWING_HISTORY);
  }

  private static final int MAX_ENTRIES = 10_000;
  private static final long MB = 1024 * 1024;

  /** One Netflix file of the zip. */
  record Entry(String path, ExportFormat format, byte[] content) {}

  private ExportArchive() {}

  /** A zip starts with a local file header, or is empty (only the end of its directory). */
  static boolean isZip(byte[] content) {
    return content.length >= 4
        && content[0] == 'P'
        && content[1] == 'K'
        && ((content[2] == 3 && content[3] == 4) || (content[2] == 5 && content[3] == 6));
  }

  /**
   * The Netflix files of {@code zip}, in the order of {@link #WANTED}.
   *
   * @throws InvalidFileException when the zip is damaged, unpacks past a limit, holds a wanted file
   *     twice or none at all
   */
  static List<Entry> netflixFiles(byte[] zip, long maxEntryBytes, long maxTotalBytes) {
    Map<String, Entry> found = new LinkedHashMap<>();
    long total = 0;
    int entries = 0;
    // Names without the UTF-8 flag are decoded as Latin-1, which never fails; ours are ASCII.
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.ISO_8859_1)) {
      byte[] buffer = new byte[64 * 1024];
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new InvalidFileException(
              "the zip holds more than " + MAX_ENTRIES + " entries: it is not a Netflix export");
        }
        String path = entry.getName().replace('\\', '/');
        String wanted = entry.isDirectory() ? null : wanted(path);
        if (entry.getSize() > maxEntryBytes) {
          throw entryTooLarge(path, maxEntryBytes);
        }
        ByteArrayOutputStream kept = wanted == null ? null : new ByteArrayOutputStream();
        long entrySize = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
          entrySize += n;
          total += n;
          if (entrySize > maxEntryBytes) {
            throw entryTooLarge(path, maxEntryBytes);
          }
          if (total > maxTotalBytes) {
            throw new InvalidFileException(
                "the zip unpacks to more than "
                    + size(maxTotalBytes)
                    + ": upload the CSV files of its CONTENT_INTERACTION folder instead");
          }
          if (kept != null) {
            kept.write(buffer, 0, n);
          }
        }
        if (kept != null) {
          Entry previous =
              found.putIfAbsent(wanted, new Entry(path, WANTED.get(wanted), kept.toByteArray()));
          if (previous != null) {
            throw new InvalidFileException(
                "the zip holds "
                    + wanted
                    + " twice ('"
                    + previous.path()
                    + "' and '"
                    + path
                    + "'): upload one export at a time");
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidFileException(
          "the zip archive is damaged or incomplete ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + "): download the export again");
    }
    if (found.isEmpty()) {
      throw new InvalidFileException(
          "the zip holds no Netflix export file (looked for "
              + String.join(", ", WANTED.keySet())
              + ", at any depth)");
    }
    List<Entry> ordered = new ArrayList<>();
    for (String name : WANTED.keySet()) {
      if (found.containsKey(name)) {
        ordered.add(found.get(name));
      }
    }
    return ordered;
  }

  /** The key of {@link #WANTED} that {@code path} ends with, or null. */
  private static String wanted(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.startsWith("__macosx/")) {
      return null;
    }
    for (String name : WANTED.keySet()) {
      String suffix = name.toLowerCase(Locale.ROOT);
      if (lower.equals(suffix) || lower.endsWith("/" + suffix)) {
        return name;
      }
    }
    return null;
  }

  private static InvalidFileException entryTooLarge(String path, long maxEntryBytes) {
    return new InvalidFileException(
        "the zip entry '"
            + path
            + "' unpacks to more than "
            + size(maxEntryBytes)
            + ": the archive is damaged or not a Netflix export");
  }

  private static String size(long bytes) {
    return bytes % MB == 0 ? bytes / MB + " MB" : bytes + " bytes";
  }
}
