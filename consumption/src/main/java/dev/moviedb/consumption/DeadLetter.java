package dev.moviedb.consumption;

import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA;
import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_DLQ;
import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON;
import static io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler.DESERIALIZATION_FAILURE_VALUE_DATA;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME;
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
 * A record a consumer cannot use, as written to a dead-letter topic by a consumer that handles its
 * failures itself (a batch consumer: the worker's catalogue, taste's watch events and feedback).
 * Key, value and headers are those SmallRye's {@code dead-letter-queue} failure strategy writes for
 * a single record, so every dead-letter topic reads alike: {@code dead-letter-reason}, {@code
 * dead-letter-exception-class-name}, {@code dead-letter-cause}, the record's {@code
 * dead-letter-topic}, {@code -partition} and {@code -offset}, then the record's own headers.
 */
public final class DeadLetter {

  private DeadLetter() {}

  /**
   * The record's value could not be read (the channel has {@code
   * fail-on-deserialization-failure=false}, so it arrived as null with {@code
   * deserialization-failure-*} headers); empty when the record is readable.
   */
  public static Optional<Message<byte[]>> ifUnreadable(ConsumerRecord<String, ?> record) {
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
            new String(reason.value(), StandardCharsets.UTF_8),
            null));
  }

  /** The record was read, but could not be used, for the given reason. */
  public static Message<byte[]> rejected(
      ConsumerRecord<String, ?> record, byte[] value, Throwable why) {
    return message(record, value, why.getClass().getName(), messageOf(why), why.getCause());
  }

  private static Message<byte[]> message(
      ConsumerRecord<String, ?> record,
      byte[] value,
      String exceptionClass,
      String reason,
      Throwable cause) {
    Headers headers = new RecordHeaders();
    add(headers, DEAD_LETTER_EXCEPTION_CLASS_NAME, exceptionClass);
    add(headers, DEAD_LETTER_REASON, reason);
    if (cause != null) {
      add(headers, DEAD_LETTER_CAUSE_CLASS_NAME, cause.getClass().getName());
      add(headers, DEAD_LETTER_CAUSE, messageOf(cause));
    }
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

  private static String messageOf(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
