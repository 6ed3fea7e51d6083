package dev.moviedb.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** MovieLens ratings joined to catalogue title ids through the show_id link file. */
public final class MovieLens {

  /** One rating of a linked movie; {@code timestamp} in epoch seconds. */
  public record Rating(int userId, int movieId, String titleId, double rating, long timestamp) {}

  private MovieLens() {}

  /** Ratings whose movie has a show_id link; the rest are dropped. */
  public static List<Rating> load(Path ratingsCsv, Path linkCsv) throws IOException {
    Map<Integer, String> link = new HashMap<>();
    for (CSVRecord r : records(linkCsv)) {
      String showId = r.get("netflix_show_id").strip();
      if (!showId.isEmpty()) {
        link.put(Integer.parseInt(r.get("movieId").strip()), "netflix:" + showId);
      }
    }
    List<Rating> out = new ArrayList<>();
    for (CSVRecord r : records(ratingsCsv)) {
      int movieId = Integer.parseInt(r.get("movieId").strip());
      String titleId = link.get(movieId);
      if (titleId != null) {
        out.add(
            new Rating(
                Integer.parseInt(r.get("userId").strip()),
                movieId,
                titleId,
                Double.parseDouble(r.get("rating").strip()),
                Long.parseLong(r.get("timestamp").strip())));
      }
    }
    return out;
  }

  private static List<CSVRecord> records(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
