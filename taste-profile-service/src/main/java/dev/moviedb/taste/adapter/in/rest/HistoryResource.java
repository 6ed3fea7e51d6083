package dev.moviedb.taste.adapter.in.rest;

import dev.moviedb.access.BodyLimit;
import dev.moviedb.access.UserAccess;
import dev.moviedb.access.UserId;
import dev.moviedb.taste.adapter.in.file.NetflixExportReader;
import dev.moviedb.taste.application.ImportHistory;
import dev.moviedb.taste.config.TasteConfig;
import dev.moviedb.taste.domain.HistoryReport;
import dev.moviedb.taste.domain.InvalidFileException;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /v1/users/{userId}/history}: upload a Netflix export CSV, or the whole export zip, as the
 * request body with its own type ({@code text/csv}, {@code application/zip}); the user's token, or
 * admin. The body is read up to {@code moviedb.taste.max-upload-bytes} (50 MiB).
 */
@Path("/v1/users/{userId}/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

  private final ImportHistory importHistory;
  private final NetflixExportReader reader;
  private final long maxBytes;

  public HistoryResource(ImportHistory importHistory, TasteConfig config) {
    this.importHistory = importHistory;
    this.reader =
        NetflixExportReader.withCaps(
            config.autoplaySeconds(), config.maxRowsPerFile(), config.maxFieldChars());
    this.maxBytes = config.maxUploadBytes();
  }

  @POST
  @Blocking
  @Consumes(MediaType.WILDCARD)
  @PermissionsAllowed(UserAccess.USER_DATA)
  @BodyLimit(BodyLimit.READ_BY_THE_RESOURCE)
  public HistoryReport upload(
      @PathParam("userId") @UserId String userId,
      @QueryParam("profile") @Size(max = 100) String profile,
      @QueryParam("dateFormat") @Size(max = 40) String dateFormat,
      InputStream body) {
    byte[] content = readAtMost(body, maxBytes);
    return importHistory.run(userId, reader.readUpload(content, profile, dateFormat));
  }

  static byte[] readAtMost(InputStream body, long maxBytes) {
    if (body == null) {
      throw new InvalidFileException(
          "the request has no body: send the CSV file or the export zip as the body");
    }
    try {
      byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (content.length > maxBytes) {
        throw new InvalidFileException(
            413,
            "the upload is over the limit of "
                + maxBytes
                + " bytes (50 MB): upload the CSV files of the archive's CONTENT_INTERACTION"
                + " folder one by one");
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
