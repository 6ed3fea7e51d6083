package dev.moviedb.identity;

import java.util.regex.Pattern;

/**
 * The one rule for a user id, wherever one arrives (a path, a query parameter, a token's subject, a
 * command-line argument): 1 to 64 letters, digits or the characters {@code _ . @ -}. Keycloak's
 * subjects (UUIDs) and e-mail-like names fit; nothing that needs escaping in a URL path, a Redis
 * key or a Kafka key does.
 */
public final class UserIds {

  /** The format as a regular expression (Bean Validation's {@code @Pattern} takes it as is). */
  public static final String PATTERN = "[A-Za-z0-9_.@-]{1,64}";

  /** What a violation says, after the name of the parameter. */
  public static final String MESSAGE = "must be 1 to 64 letters, digits or the characters _ . @ -";

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private UserIds() {}

  public static boolean isValid(String userId) {
    return userId != null && COMPILED.matcher(userId).matches();
  }

  /** The user id itself, or an {@link IllegalArgumentException} naming the rule. */
  public static String require(String userId) {
    if (!isValid(userId)) {
      throw new IllegalArgumentException(
          "user id '" + (userId == null ? "" : userId) + "' " + MESSAGE);
    }
    return userId;
  }
}
