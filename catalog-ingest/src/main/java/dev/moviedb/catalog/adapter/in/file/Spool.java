package dev.moviedb.catalog.adapter.in.file;

import dev.moviedb.catalog.config.CatalogConfig;
import dev.moviedb.catalogfiles.InvalidFileException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an uploaded file to a temporary file on disk (never into memory) and checks that it is
 * UTF-8 from the first byte to the last before a single row is imported, so that a Latin-1 file is
 * refused whole instead of half imported.
 */
@ApplicationScoped
public class Spool {

  private final long maxBytes;

  public Spool(CatalogConfig config) {
    this.maxBytes = config.maxFileBytes();
  }

  /** A spooled upload; closing deletes it. */
  public static final class File implements AutoCloseable {
    private final Path path;

    File(Path path) {
      this.path = path;
    }

    public InputStream open() {
      try {
        return Files.newInputStream(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a temp file left behind is removed with the temp directory
      }
    }
  }

  public File store(InputStream body, String fileName) {
    Path path;
    try {
      path = Files.createTempFile("moviedb-import-", ".upload");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for the upload", e);
    }
    File file = new File(path);
    try {
      long size = copy(body, path);
      if (size == 0) {
        throw new InvalidFileException(fileName + " is empty");
      }
      checkUtf8(file, fileName);
      return file;
    } catch (RuntimeException e) {
      file.close();
      throw e;
    }
  }

  private long copy(InputStream body, Path path) {
    try (var out = Files.newOutputStream(path)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = body.read(buffer)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw new InvalidFileException(
              "the file is larger than the limit of " + maxBytes / (1024 * 1024) + " MB");
        }
        out.write(buffer, 0, n);
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the upload", e);
    }
  }

  /** Decodes the file line by line ('\n' never occurs inside a UTF-8 sequence). */
  private static void checkUtf8(File file, String fileName) {
    var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
    long line = 1;
    try (InputStream in = new java.io.BufferedInputStream(file.open(), 64 * 1024)) {
      java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
      int b;
      while (true) {
        b = in.read();
        if (b == '\n' || b == -1) {
          decoder.reset().decode(java.nio.ByteBuffer.wrap(current.toByteArray()));
          current.reset();
          if (b == -1) {
            return;
          }
          line++;
        } else {
          current.write(b);
        }
      }
    } catch (CharacterCodingException e) {
      throw new InvalidFileException(
          fileName
              + " is not UTF-8 (first bad byte on line "
              + line
              + "): it looks like Latin-1 or Windows-1252. Save it as UTF-8 and import it again;"
              + " nothing was imported.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
