package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.access.UserAccess;
import dev.moviedb.events.Availability;
import dev.moviedb.events.TitleType;
import dev.moviedb.problems.BadParameterException;
import dev.moviedb.problems.Problem;
import dev.moviedb.ranking.RankedTitle;
import dev.moviedb.ranking.Ranking;
import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.ScoreKind;
import dev.moviedb.recommend.application.RecommendTitles;
import dev.moviedb.understanding.RequestReader;
import dev.moviedb.understanding.Vocabulary;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.TitleFilter;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /v1/recommendations} and {@code /v1/titles/{id}/similar}: anyone may ask; a request with a
 * {@code userId} reads that user's taste and needs their bearer token (or the admin role).
 */
@Path("/v1")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
    responseCode = "400",
    description = "A parameter has a value the service cannot use; the problem names it",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "401",
    description = "A userId was given without a bearer token",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "403",
    description = "A userId was given with a token of another user (and no admin role)",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "429",
    description = "Too many requests from this client; retry after the Retry-After seconds",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
    responseCode = "503",
    description = "Redis or the vector store does not answer; retry after the Retry-After seconds",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RecommendationResource {

  /**
   * The longest request in words, in characters: the longest real "tip of my tongue" post we hold
   * is under 3,000 characters; the model pools texts longer than its 512 tokens part by part.
   */
  static final int MAX_QUERY_LENGTH = 4000;

  private final RecommendTitles recommend;
  private final SecurityIdentity identity;

  public RecommendationResource(RecommendTitles recommend, SecurityIdentity identity) {
    this.recommend = recommend;
    this.identity = identity;
  }

  /** The answer: the ranked items and how they were produced. */
  public record RecommendationsResponse(List<Recommendation> items, Meta meta) {}

  /** One recommended title and why it was chosen. */
  public record Recommendation(
      String titleId,
      String title,
      TitleType type,
      Integer year,
      List<String> genres,
      @Schema(description = "fused relevance: calibrated scores weighted by alpha") double score,
      @Schema(description = "cosine to the request's words, when there are words")
          Double queryScore,
      @Schema(description = "cosine to the user's taste, when there is a taste") Double tasteScore,
      @Schema(description = "co-watch with the user's liked titles, when known")
          Double collaborativeScore,
      @Schema(description = "log(1 + viewers) where the user watches, when known")
          Double popularityScore,
      @Schema(description = "where the title can be watched, with dates")
          List<Availability> availability,
      @Schema(description = "the liked titles nearest to this one") List<String> because,
      @Schema(description = "the metadata behind the match") List<String> matched) {}

  /**
   * Request metadata: model, weights used, candidates considered, time taken, and how the words
   * were read ({@code understood}: the constraints that became filters with the words they came
   * from, the title the request is like, what it should be less of, the remaining query; absent
   * without words).
   */
  public record Meta(
      String model,
      double alpha,
      double diversity,
      boolean usedQuery,
      boolean usedTaste,
      int candidates,
      int limit,
      int offset,
      @Schema(description = "how the words were read; explicit parameters win over them")
          Map<String, Object> understood,
      @Schema(description = "the catalogue title of \"like X\", left out of the answer")
          LikeTitle like,
      Map<String, Double> timingsMillis) {}

  /** The title a request is like. */
  public record LikeTitle(String titleId, String title) {}

  /** The body of {@code POST /v1/recommendations}: the words, for requests too long for a URL. */
  public record WordsBody(
      @Schema(description = "what to watch, in plain words, English or Dutch")
          @Size(max = MAX_QUERY_LENGTH)
          String q) {}

  @GET
  @Path("/recommendations")
  @Operation(summary = "Titles for a plain-words request, a user's taste, or both")
  @APIResponse(responseCode = "200", description = "The ranked titles")
  public RecommendationsResponse recommendations(
      @Parameter(description = "what to watch, in plain words, English or Dutch")
          @QueryParam("q")
          @Size(max = MAX_QUERY_LENGTH)
          String q,
      @Valid @BeanParam ListParams params) {
    return run(q == null || q.isBlank() ? null : q, null, params);
  }

  @POST
  @Path("/recommendations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The same, with the words in a JSON body (long requests); the rest as parameters")
  @APIResponse(responseCode = "200", description = "The ranked titles")
  public RecommendationsResponse recommendationsForWords(
      @Valid WordsBody body, @Valid @BeanParam ListParams params) {
    String q = body == null ? null : body.q();
    return run(q == null || q.isBlank() ? null : q, null, params);
  }

  @GET
  @Path("/trending")
  @Operation(
      summary =
          "What is watched most now where the user watches (service and country), within the"
              + " filters: the list a new user gets")
  @APIResponse(responseCode = "200", description = "The trending titles")
  public RecommendationsResponse trending(@Valid @BeanParam ListParams params) {
    if (!blank(params.userId())) {
      throw new BadParameterException(
          "userId", "does not apply to trending (ask /v1/recommendations for a user's list)");
    }
    return run(null, null, params);
  }

  @GET
  @Path("/titles/{titleId}/similar")
  @Operation(summary = "More like this title")
  @APIResponse(responseCode = "200", description = "Titles like this one")
  @APIResponse(
      responseCode = "404",
      description = "No title with this id",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public RecommendationsResponse similar(
      @PathParam("titleId") @Size(min = 1, max = 200) String titleId,
      @Valid @BeanParam ListParams p) {
    return run(null, titleId, p);
  }

  /** One title of a leaving or new listing, with the window that puts it there. */
  public record ListedTitle(
      String titleId,
      String title,
      TitleType type,
      Integer year,
      List<String> genres,
      @Schema(description = "first day on the service in the country, when known") LocalDate from,
      @Schema(description = "first day no longer on it (exclusive), when known") LocalDate until,
      @Schema(description = "everywhere the title can be watched, with dates")
          List<Availability> availability) {}

  /** A page of a listing: the service, country and window it covers, and the listing's size. */
  public record ListingMeta(
      List<String> services,
      String country,
      int days,
      @Schema(description = "the window's first day") LocalDate since,
      @Schema(description = "the window's last day") LocalDate by,
      int total,
      int limit,
      int offset) {}

  /** The answer of the leaving and new listings. */
  public record ListingResponse(List<ListedTitle> items, ListingMeta meta) {}

  /** The longest window of a listing, in days. */
  static final int MAX_WINDOW_DAYS = 365;

  @GET
  @Path("/titles/leaving")
  @Operation(
      summary =
          "Titles leaving the service in the country within the days (their availability ends),"
              + " soonest first; the same filters as a recommendation")
  @APIResponse(responseCode = "200", description = "The titles leaving soon")
  public ListingResponse leaving(
      @Parameter(description = "how many days ahead (default 14)")
          @QueryParam("days")
          @Min(1)
          @Max(MAX_WINDOW_DAYS)
          Integer days,
      @Valid @BeanParam ListParams p) {
    return listing(RecommendTitles.Window.LEAVING, days, p);
  }

  @GET
  @Path("/titles/new")
  @Operation(
      summary =
          "Titles new on the service in the country within the last days (their availability"
              + " began), newest first; the same filters as a recommendation")
  @APIResponse(responseCode = "200", description = "The titles new lately")
  public ListingResponse arrived(
      @Parameter(description = "how many days back (default 14)")
          @QueryParam("days")
          @Min(1)
          @Max(MAX_WINDOW_DAYS)
          Integer days,
      @Valid @BeanParam ListParams p) {
    return listing(RecommendTitles.Window.NEW, days, p);
  }

  private ListingResponse listing(RecommendTitles.Window window, Integer days, ListParams p) {
    if (!blank(p.userId())) {
      throw new BadParameterException(
          "userId", "does not apply to a listing (ask /v1/recommendations for a user's list)");
    }
    int d = days == null ? LISTING_DAYS : days;
    int limit = p.limit() == null ? DEFAULT_LIMIT : p.limit();
    int offset = p.offset() == null ? 0 : p.offset();
    TitleFilter.Builder b = explicitFilter(p);
    LocalDate today = LocalDate.now();
    LocalDate since = window == RecommendTitles.Window.LEAVING ? today : today.minusDays(d);
    LocalDate by = window == RecommendTitles.Window.LEAVING ? today.plusDays(d) : today;
    TitleFilter filter =
        window == RecommendTitles.Window.LEAVING
            ? b.leavingBy(by).build()
            : b.newSince(since).build();
    RecommendTitles.Listing found = recommend.listing(window, filter, limit, offset);
    return new ListingResponse(
        found.items().stream()
            .map(
                l ->
                    new ListedTitle(
                        l.title().titleId(),
                        l.title().title(),
                        l.title().type(),
                        l.title().year(),
                        l.title().genres(),
                        l.window().from(),
                        l.window().until(),
                        l.title().availability()))
            .toList(),
        new ListingMeta(
            filter.services(), filter.country(), d, since, by, found.total(), limit, offset));
  }

  /** The window of a listing without {@code days}: two weeks, as "leaving soon" in words. */
  static final int LISTING_DAYS = RequestReader.LEAVING_SOON_DAYS;

  private RecommendationsResponse run(String q, String similarTo, ListParams p) {
    if (!blank(p.userId())) {
      UserAccess.require(identity, p.userId().strip());
    }
    if (p.minYear() != null && p.maxYear() != null && p.minYear() > p.maxYear()) {
      throw new BadParameterException("minYear", "is after maxYear");
    }
    int limit = p.limit() == null ? DEFAULT_LIMIT : p.limit();
    int offset = p.offset() == null ? 0 : p.offset();
    TitleFilter filter = explicitFilter(p).build();
    RecommendTitles.Result r =
        recommend.recommend(
            new RecommendTitles.Request(
                q,
                blank(p.userId()) ? null : p.userId().strip(),
                similarTo,
                limit,
                offset,
                filter,
                new RankingRequest.Knobs(
                    p.alpha(), p.diversity(), p.collaborative(), p.popularity())));
    Ranking ranking = r.ranking();
    return new RecommendationsResponse(
        ranking.items().stream().map(RecommendationResource::item).toList(),
        new Meta(
            r.model(),
            ranking.alpha(),
            ranking.diversity(),
            ranking.usedQuery(),
            ranking.usedTaste(),
            ranking.candidates(),
            limit,
            offset,
            r.understood(),
            r.like() == null ? null : new LikeTitle(r.like().titleId(), r.like().title()),
            ranking.timingsMillis()));
  }

  /** The filters the parameters name: where (default Netflix in NL, today), type, genres, years. */
  private static TitleFilter.Builder explicitFilter(ListParams p) {
    TitleFilter.Builder explicit =
        TitleFilter.builder()
            .availableOn(
                p.services() == null || p.services().isEmpty()
                    ? List.of(DEFAULT_SERVICE)
                    : p.services(),
                blank(p.country()) ? DEFAULT_COUNTRY : p.country().strip().toUpperCase(Locale.ROOT),
                LocalDate.now())
            .type(type(p.type()))
            .genres(p.genres() == null ? Set.of() : Set.copyOf(p.genres()))
            .excludedGenres(p.excludedGenres() == null ? Set.of() : Set.copyOf(p.excludedGenres()))
            .years(p.minYear(), p.maxYear())
            .runtimeMinutes(null, p.maxRuntime());
    if (!blank(p.language())) {
      String code = p.language().strip().toLowerCase(Locale.ROOT);
      try {
        explicit.language(code, Vocabulary.standard().catalogueCountriesSpeaking(code));
      } catch (IllegalArgumentException e) {
        throw new BadParameterException(
            "language", "'" + code + "' is not a language MovieDB knows");
      }
    }
    return explicit;
  }

  static final int DEFAULT_LIMIT = 10;
  static final String DEFAULT_SERVICE = "netflix";
  static final String DEFAULT_COUNTRY = "NL";

  private static Recommendation item(RankedTitle r) {
    StoredTitle t = r.title();
    return new Recommendation(
        t.titleId(),
        t.title(),
        t.type(),
        t.year(),
        t.genres(),
        round(r.score()),
        round(r.score(ScoreKind.QUERY)),
        round(r.score(ScoreKind.TASTE)),
        round(r.score(ScoreKind.COLLABORATIVE)),
        round(r.score(ScoreKind.POPULARITY)),
        t.availability(),
        r.because(),
        r.matched());
  }

  private static TitleType type(String type) {
    if (blank(type)) {
      return null;
    }
    return switch (type.strip().toLowerCase(Locale.ROOT)) {
      case "movie", "film" -> TitleType.MOVIE;
      default -> TitleType.SERIES; // series, show, tv: the only other values @Pattern lets in
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 10_000.0) / 10_000.0;
  }
}
