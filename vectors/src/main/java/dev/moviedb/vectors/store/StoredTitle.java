package dev.moviedb.vectors.store;

import dev.moviedb.events.Availability;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A catalogue title as the vector store keeps it: its unit-length vector and the payload needed to
 * filter, diversify and explain recommendations without another lookup.
 *
 * @param countries production countries as the catalogue names them (e.g. {@code South Korea})
 * @param maturityRating the catalogue's US rating (e.g. {@code TV-14}); see {@link Maturity}
 * @param memberIds the source records of this work (its {@code catalog.works} record): each of
 *     their ids names this entry too; empty for a title indexed on its own
 * @param contentHash hash of the document text the vector was made from; equal hash, same vector
 */
public record StoredTitle(
    String titleId,
    String title,
    TitleType type,
    Integer year,
    Integer runtimeMinutes,
    Integer seasons,
    List<String> genres,
    List<String> cast,
    List<String> directors,
    List<String> languages,
    List<String> countries,
    String maturityRating,
    List<String> alternateTitles,
    String franchise,
    List<Availability> availability,
    List<String> memberIds,
    String contentHash,
    float[] vector) {

  public StoredTitle {
    if (titleId == null || titleId.isBlank()) {
      throw new IllegalArgumentException("titleId is required");
    }
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("vector is required for " + titleId);
    }
    genres = copy(genres);
    cast = copy(cast);
    directors = copy(directors);
    languages = copy(languages);
    countries = copy(countries);
    alternateTitles = copy(alternateTitles);
    availability = copy(availability);
    memberIds = copy(memberIds);
  }

  /**
   * A catalogue entry as stored: its payload from the catalogue record (a {@code catalog.works}
   * record: one entry per work), with the vector made from its document text and that text's hash.
   * The one mapping from the event.
   */
  public static StoredTitle from(TitlePublished t, String contentHash, float[] vector) {
    return new StoredTitle(
        t.titleId(),
        t.title(),
        t.type(),
        t.year(),
        t.runtimeMinutes(),
        t.seasons(),
        t.genres(),
        t.cast(),
        t.directors(),
        t.languages(),
        t.countries(),
        t.maturityRating(),
        t.alternateTitles(),
        t.franchise(),
        t.availability(),
        t.memberIds(),
        contentHash,
        vector);
  }

  /** The minimum viewer age of the title's rating, or null when it has none or it is unknown. */
  public Integer maturityAge() {
    return Maturity.minimumAge(maturityRating);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Whether the title can be watched on that service, in that country, on that day. */
  public boolean availableOn(String service, String country, LocalDate day) {
    for (Availability a : availability) { // a loop, not a stream: called for every title per search
      if (a.covers(service, country, day)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the title is available on that service in that country on that day and that
   * availability ends ({@code until}, exclusive) by {@code lastDay}.
   */
  public boolean leavingBy(String service, String country, LocalDate day, LocalDate lastDay) {
    for (Availability a : availability) {
      if (a.covers(service, country, day) && a.until() != null && !a.until().isAfter(lastDay)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the title is available on that service in that country on that day and that
   * availability began ({@code from}) on {@code firstDay} or later.
   */
  public boolean arrivedSince(String service, String country, LocalDate day, LocalDate firstDay) {
    for (Availability a : availability) {
      if (a.covers(service, country, day) && a.from() != null && !a.from().isBefore(firstDay)) {
        return true;
      }
    }
    return false;
  }

  /** The availability that covers that service and country on that day, if any. */
  public Optional<Availability> availabilityOn(String service, String country, LocalDate day) {
    for (Availability a : availability) {
      if (a.covers(service, country, day)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The same title available elsewhere or at other dates. */
  public StoredTitle withAvailability(List<Availability> other) {
    return new StoredTitle(
        titleId,
        title,
        type,
        year,
        runtimeMinutes,
        seasons,
        genres,
        cast,
        directors,
        languages,
        countries,
        maturityRating,
        alternateTitles,
        franchise,
        other,
        memberIds,
        contentHash,
        vector);
  }

  /** The same title with another payload but this vector and hash. */
  public StoredTitle withVector(float[] otherVector, String otherHash) {
    return new StoredTitle(
        titleId,
        title,
        type,
        year,
        runtimeMinutes,
        seasons,
        genres,
        cast,
        directors,
        languages,
        countries,
        maturityRating,
        alternateTitles,
        franchise,
        availability,
        memberIds,
        otherHash,
        otherVector);
  }
}
