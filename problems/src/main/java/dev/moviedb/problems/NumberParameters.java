package dev.moviedb.problems;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Numbers in query and path parameters: a value that is not a number is a 400 naming the parameter
 * (JAX-RS alone answers 404 for a query parameter it cannot convert). Ranges are Bean Validation's
 * job ({@code @Min}, {@code @Max}, {@code @DecimalMin}...).
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = name(annotations);
    if (rawType == Integer.class) {
      return (ParamConverter<T>) converter(name, "a whole number", Integer::valueOf);
    }
    if (rawType == Long.class) {
      return (ParamConverter<T>) converter(name, "a whole number", Long::valueOf);
    }
    if (rawType == Double.class) {
      return (ParamConverter<T>)
          converter(
              name,
              "a number",
              s -> {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                  throw new NumberFormatException("not finite");
                }
                return d;
              });
    }
    return null;
  }

  private static <N> ParamConverter<N> converter(
      String name, String expected, Function<String, N> parse) {
    return new ParamConverter<>() {
      @Override
      public N fromString(String value) {
        if (value == null || value.isBlank()) {
          return null;
        }
        try {
          return parse.apply(value.strip());
        } catch (NumberFormatException e) {
          throw new BadParameterException(name, "'" + value + "' is not " + expected);
        }
      }

      @Override
      public String toString(N value) {
        return value == null ? null : value.toString();
      }
    };
  }

  private static String name(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
      if (a instanceof PathParam p) {
        return p.value();
      }
    }
    return "parameter";
  }
}
