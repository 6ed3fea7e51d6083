package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.events.TitleType;
import dev.moviedb.recommend.application.RecommendTitles;
import dev.moviedb.recommend.config.RecommendConfig;
import dev.moviedb.recommend.domain.Recommendation;
import dev.moviedb.vectors.store.TitleFilter;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code /v1/recommendations} and {@code /v1/titles/{id}/similar}. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

  private final RecommendTitles recommend;
  private final RecommendConfig config;

  public RecommendationResource(RecommendTitles recommend, RecommendConfig config) {
    this.recommend = recommend;
    this.config = config;
  }

  /** The answer: the ranked items and how they were produced. */
  public record RecommendationsResponse(List<Recommendation> items, Meta meta) {}

  /** Request metadata: model, weights used, candidates considered, time taken. */
  public record Meta(
      String model,
      double alpha,
      double diversity,
      boolean usedQuery,
      boolean usedTaste,
      int candidates,
      int limit,
      int offset,
      Map<String, Double> timingsMillis) {}

  @GET
  @Path("/recommendations")
  @Operation(summary = "Titles for a plain-words request, a user's taste, or both")
  public RecommendationsResponse recommendations(
      @Parameter(description = "what to watch, in plain words") @QueryParam("q") String q,
      @BeanParam ListParams params) {
    if (q != null && q.length() > config.maxQueryLength()) {
      throw new BadParameterException(
          "q", "is " + q.length() + " characters long; the maximum is " + config.maxQueryLength());
    }
    return run(q == null || q.isBlank() ? null : q, null, params);
  }

  @GET
  @Path("/titles/{titleId}/similar")
  @Operation(summary = "More like this title")
  public RecommendationsResponse similar(
      @PathParam("titleId") String titleId, @BeanParam ListParams params) {
    return run(null, titleId, params);
  }

  private RecommendationsResponse run(String q, String similarTo, ListParams p) {
    String userId = blankToNull(p.userId());
    Integer limit = integer("limit", p.limit());
    Integer offset = integer("offset", p.offset());
    String service = p.service();
    String country = p.country();
    String type = p.type();
    List<String> genres = p.genres();
    List<String> excludedGenres = p.excludedGenres();
    Integer minYear = integer("minYear", p.minYear());
    Integer maxYear = integer("maxYear", p.maxYear());
    Integer maxRuntime = integer("maxRuntime", p.maxRuntime());
    String language = p.language();
    Double alpha = decimal("alpha", p.alpha());
    Double diversity = decimal("diversity", p.diversity());
    int lim = limit == null ? config.defaultLimit() : limit;
    if (lim < 1 || lim > config.maxLimit()) {
      throw new BadParameterException("limit", "must be between 1 and " + config.maxLimit());
    }
    int off = offset == null ? 0 : offset;
    if (off < 0 || off > config.maxOffset()) {
      throw new BadParameterException("offset", "must be between 0 and " + config.maxOffset());
    }
    String svc = service == null || service.isBlank() ? config.defaultService() : service.strip();
    String ctry = country == null || country.isBlank() ? config.defaultCountry() : country.strip();
    if (!svc.matches("[A-Za-z0-9_-]{1,40}")) {
      throw new BadParameterException("service", "'" + svc + "' is not a service name");
    }
    if (!ctry.matches("[A-Za-z]{2}")) {
      throw new BadParameterException("country", "'" + ctry + "' is not a two-letter country code");
    }
    TitleType titleType = null;
    if (type != null && !type.isBlank()) {
      titleType =
          switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "movie", "film" -> TitleType.MOVIE;
            case "series", "show", "tv" -> TitleType.SERIES;
            default ->
                throw new BadParameterException(
                    "type", "'" + type + "' is unknown (expected movie or series)");
          };
    }
    checkRange("minYear", minYear, 1888, 2100);
    checkRange("maxYear", maxYear, 1888, 2100);
    if (minYear != null && maxYear != null && minYear > maxYear) {
      throw new BadParameterException("minYear", "is after maxYear");
    }
    checkRange("maxRuntime", maxRuntime, 1, 1000);
    checkUnit("alpha", alpha);
    checkUnit("diversity", diversity);
    if (language != null && !language.isBlank() && !language.strip().matches("[A-Za-z]{2,3}")) {
      throw new BadParameterException("language", "'" + language + "' is not an ISO 639 code");
    }
    TitleFilter filter =
        new TitleFilter(
            svc,
            ctry,
            LocalDate.now(),
            titleType,
            genres == null ? Set.of() : Set.copyOf(genres),
            excludedGenres == null ? Set.of() : Set.copyOf(excludedGenres),
            minYear,
            maxYear,
            maxRuntime,
            language == null || language.isBlank() ? null : language.strip());
    RecommendTitles.Result r =
        recommend.recommend(
            new RecommendTitles.Request(q, userId, similarTo, lim, off, filter, alpha, diversity));
    return new RecommendationsResponse(
        r.items(),
        new Meta(
            r.model(),
            r.alpha(),
            r.diversity(),
            r.usedQuery(),
            r.usedTaste(),
            r.candidates(),
            lim,
            off,
            r.timingsMillis()));
  }

  private static void checkRange(String name, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new BadParameterException(name, "must be between " + min + " and " + max);
    }
  }

  private static void checkUnit(String name, Double value) {
    if (value != null && (value.isNaN() || value < 0 || value > 1)) {
      throw new BadParameterException(name, "must be between 0 and 1");
    }
  }

  private static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "'" + value + "' is not a whole number");
    }
  }

  private static Double decimal(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "'" + value + "' is not a number");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
