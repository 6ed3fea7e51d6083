package dev.moviedb.signals.adapter.in.messaging;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A record collective-signals can never use, as written to {@code user.watch-events.dlq}: the
 * headers SmallRye's dead-letter-queue strategy writes ({@code dead-letter-reason}, {@code
 * -exception-class-name}, {@code -topic}, {@code -partition}, {@code -offset}), plus {@code
 * dead-letter-consumer-group}, since other services dead-letter the same topic there too.
 */
final class DeadLetter {

  static final String CONSUMER_GROUP = "dead-letter-consumer-group";

  private DeadLetter() {}

  /** Whether the record's value could not be read (it then arrives as null with headers). */
  static boolean unreadable(ConsumerRecord<String, ?> record) {
    return record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON) != null;
  }

  static Message<byte[]> unreadable(ConsumerRecord<String, ?> record, String group) {
    Header data = record.headers().lastHeader(DESERIALIZATION_FAILURE_VALUE_DATA);
    if (data == null) {
      data = record.headers().lastHeader(DESERIALIZATION_FAILURE_DATA);
    }
    String reason =
        new String(
            record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON).value(),
            StandardCharsets.UTF_8);
    return message(
        record,
        data == null ? null : data.value(),
        RecordDeserializationException.class.getName(),
        reason,
        group);
  }

  static Message<byte[]> rejected(
      ConsumerRecord<String, ?> record, byte[] value, IllegalArgumentException why, String group) {
    return message(record, value, why.getClass().getName(), why.getMessage(), group);
  }

  private static Message<byte[]> message(
      ConsumerRecord<String, ?> record,
      byte[] value,
      String exceptionClass,
      String reason,
      String group) {
    Headers headers = new RecordHeaders();
    add(headers, DEAD_LETTER_EXCEPTION_CLASS_NAME, exceptionClass);
    add(headers, DEAD_LETTER_REASON, reason == null ? exceptionClass : reason);
    add(headers, DEAD_LETTER_TOPIC, record.topic());
    add(headers, DEAD_LETTER_PARTITION, Integer.toString(record.partition()));
    add(headers, DEAD_LETTER_OFFSET, Long.toString(record.offset()));
    add(headers, CONSUMER_GROUP, group);
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
