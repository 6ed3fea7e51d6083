package dev.moviedb.tastestate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.events.WatchRecorded;

/**
 * How an unresolved event is kept in the {@code pending} hash: the event itself, as JSON in the
 * form it has on {@code user.watch-events}.
 */
public final class PendingEvents {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PendingEvents() {}

  public static String encode(WatchRecorded event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode event " + event.eventId(), e);
    }
  }

  public static WatchRecorded decode(String json) {
    try {
      return JSON.readValue(json, WatchRecorded.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a pending event in Redis is not readable: " + e, e);
    }
  }
}
