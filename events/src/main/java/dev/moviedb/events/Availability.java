package dev.moviedb.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * Where a title can be watched: a streaming service (e.g. {@code netflix}) in a country (ISO 3166
 * alpha-2, e.g. {@code NL}), optionally within a date window (inclusive from, exclusive until).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Availability(String service, String country, LocalDate from, LocalDate until) {

  public static Availability of(String service, String country) {
    return new Availability(service, country, null, null);
  }

  /** Whether this availability covers the given service and country on the given day. */
  public boolean covers(String service, String country, LocalDate day) {
    return this.service.equalsIgnoreCase(service)
        && this.country.equalsIgnoreCase(country)
        && (from == null || !day.isBefore(from))
        && (until == null || day.isBefore(until));
  }
}
