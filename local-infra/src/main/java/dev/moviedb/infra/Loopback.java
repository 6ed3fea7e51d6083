package dev.moviedb.infra;

import java.util.Set;

/**
 * MovieDB's local processes listen on the loopback address unless told otherwise; clients on the
 * same machine reach a wildcard listener through loopback too.
 */
public final class Loopback {

  public static final String ADDRESS = "127.0.0.1";

  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "*");

  private Loopback() {}

  /** Whether a listener bound to this address accepts connections on every interface. */
  public static boolean isWildcard(String bindHost) {
    return bindHost == null || bindHost.isBlank() || WILDCARDS.contains(bindHost.strip());
  }

  /** The address a client on this machine connects to, for a listener bound to {@code bindHost}. */
  public static String connectHost(String bindHost) {
    return isWildcard(bindHost) ? ADDRESS : bindHost.strip();
  }
}
