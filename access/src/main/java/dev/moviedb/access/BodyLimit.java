package dev.moviedb.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint takes, in bytes. Without it an endpoint takes {@code
 * moviedb.access.max-body-bytes} (64 KiB: a JSON request); a file upload that reads its body within
 * a limit of its own declares {@link #READ_BY_THE_RESOURCE}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

  /** The endpoint streams the body and enforces its own, configured limit while reading it. */
  long READ_BY_THE_RESOURCE = -1;

  long value();
}
