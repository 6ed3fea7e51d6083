package dev.moviedb.problems;

/**
 * Something the service needs (the broker, Redis, the vector store, the model server) does not
 * answer: a 503, worth retrying, and never a client's fault.
 */
public class DependencyUnavailableException extends RuntimeException {

  private final String dependency;

  public DependencyUnavailableException(String dependency, String message, Throwable cause) {
    super(message, cause);
    this.dependency = dependency;
  }

  public String dependency() {
    return dependency;
  }
}
