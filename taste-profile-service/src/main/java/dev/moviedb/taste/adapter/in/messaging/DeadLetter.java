package dev.moviedb.taste.adapter.in.messaging;

import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA;
import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_DLQ;
import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON;
import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_VALUE_DATA;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A watch event this service cannot apply, as written to {@code user.watch-events.dlq} by its batch
 * consumer: the headers SmallRye's {@code dead-letter-queue} strategy writes for one record ({@code
 * dead-letter-reason}, {@code -exception-class-name}, {@code -topic}, {@code -partition}, {@code
 * -offset}), so that every dead-letter topic of MovieDB reads alike, then the record's own headers.
 */
final class DeadLetter {

  private DeadLetter() {}

  /** The record's value could not be read; empty when it was. */
  static Optional<Message<byte[]>> ifUnreadable(ConsumerRecord<String, ?> record) {
    Header reason = record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON);
    if (reason == null) {
      return Optional.empty();
    }
    Header data = record.headers().lastHeader(DESERIALIZATION_FAILURE_VALUE_DATA);
    if (data == null) {
      data = record.headers().lastHeader(DESERIALIZATION_FAILURE_DATA);
    }
    return Optional.of(
        message(
            record,
            data == null ? null : data.value(),
            RecordDeserializationException.class.getName(),
            new String(reason.value(), StandardCharsets.UTF_8)));
  }

  /** The record was read but cannot be applied, for this reason. */
  static Message<byte[]> rejected(ConsumerRecord<String, ?> record, byte[] value, Throwable why) {
    return message(
        record,
        value,
        why.getClass().getName(),
        why.getMessage() != null ? why.getMessage() : why.toString());
  }

  private static Message<byte[]> message(
      ConsumerRecord<String, ?> record, byte[] value, String exceptionClass, String reason) {
    Headers headers = new RecordHeaders();
    add(headers, DEAD_LETTER_EXCEPTION_CLASS_NAME, exceptionClass);
    add(headers, DEAD_LETTER_REASON, reason);
    add(headers, DEAD_LETTER_TOPIC, record.topic());
    add(headers, DEAD_LETTER_PARTITION, Integer.toString(record.partition()));
    add(headers, DEAD_LETTER_OFFSET, Long.toString(record.offset()));
    for (Header h : record.headers()) {
      if (!DESERIALIZATION_FAILURE_DLQ.equals(h.key())) {
        headers.add(h);
      }
    }
    return Message.of(value)
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(headers)
                .build());
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
