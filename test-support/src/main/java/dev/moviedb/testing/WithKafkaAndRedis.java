package dev.moviedb.testing;

import io.quarkus.test.common.QuarkusTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @QuarkusTest} against a real Kafka broker (KRaft, in this JVM) and a real Redis
 * server (the machine's redis-server, 7 or later), both on free loopback ports and started once per
 * test JVM. MovieDB's topics exist with their production configs.
 */
@QuarkusTestResource(value = KafkaAndRedisResource.class, restrictToAnnotatedClass = true)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithKafkaAndRedis {

  /** Whether the application needs Redis as well as Kafka. */
  boolean redis() default true;
}
