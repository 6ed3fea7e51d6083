package dev.moviedb.problems;

/** A request parameter has a value the service cannot use: a 400 naming it. */
public class BadParameterException extends IllegalArgumentException {

  private final String parameter;

  public BadParameterException(String parameter, String problem) {
    super(parameter + " " + problem);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
