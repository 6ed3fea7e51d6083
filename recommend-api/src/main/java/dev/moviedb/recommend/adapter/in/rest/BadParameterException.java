package dev.moviedb.recommend.adapter.in.rest;

/** A request parameter has a value the API cannot use. */
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
