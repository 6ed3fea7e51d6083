package dev.moviedb.taste.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One record a topic holds under a user's key, as a person reads it in their export.
 *
 * @param value the record's value: the event as JSON, the unreadable bytes as text, or null for an
 *     erasure tombstone
 */
public record KeptRecord(
    String topic,
    int partition,
    long offset,
    Instant timestamp,
    Map<String, String> headers,
    Object value) {}
