package dev.moviedb.cli;

/**
 * A failure the user can act on, told in one line (no stack trace): bad input, a stack that is not
 * running, a server that refused the request.
 */
public class CliException extends RuntimeException {

  private final int exitCode;

  public CliException(String message) {
    this(message, 1);
  }

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
