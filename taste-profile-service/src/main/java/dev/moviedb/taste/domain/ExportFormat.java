package dev.moviedb.taste.domain;

import java.util.List;

/** The Netflix export files MovieDB reads, each recognised by its exact header. */
public enum ExportFormat {
  VIEWING_HISTORY("NetflixViewingHistory.csv", List.of("Title", "Date")),
  RATINGS(
      "Ratings.csv",
      List.of(
          "Profile Name",
          "Title Name",
          "Rating Type",
          "Star Value",
          "Thumbs Value",
          "Device Model",
          "Event Utc Ts",
          "Region View Date")),
  VIEWING_ACTIVITY(
      "ViewingActivity.csv",
      List.of(
          "Profile Name",
          "Start Time",
          "Duration",
          "Attributes",
          "Title",
          "Supplemental Video Type",
          "Device Type",
          "Bookmark",
          "Latest Bookmark",
          "Country")),
  MY_LIST("MyList.csv", List.of("Profile Name", "Title Name", "Country", "Utc Title Add Date"));

  private final String fileName;
  private final List<String> header;

  ExportFormat(String fileName, List<String> header) {
    this.fileName = fileName;
    this.header = header;
  }

  public String fileName() {
    return fileName;
  }

  public List<String> header() {
    return header;
  }

  /** The format whose header is {@code columns} (trimmed, empty names ignored), or null. */
  public static ExportFormat ofHeader(List<String> columns) {
    List<String> trimmed = columns.stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
    for (ExportFormat f : values()) {
      if (f.header.equals(trimmed)) {
        return f;
      }
    }
    return null;
  }
}
