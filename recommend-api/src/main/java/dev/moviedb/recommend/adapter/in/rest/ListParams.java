package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.access.UserId;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters shared by every list of titles: who asks, which page, and the filters. Bounds and
 * formats are declared here (Bean Validation; the user id's is the access module's {@link UserId},
 * the one rule of every service): a value outside them is a 400 naming the parameter, and the
 * OpenAPI document carries the same bounds.
 */
public record ListParams(
    @Parameter(
            description =
                "user whose Netflix history sets the taste; needs a bearer token of that user (or"
                    + " the admin role)")
        @QueryParam("userId")
        @UserId
        String userId,
    @Parameter(description = "page size (default 10)") @QueryParam("limit") @Min(1) @Max(100)
        Integer limit,
    @Parameter(description = "titles to skip (paging)") @QueryParam("offset") @Min(0) @Max(1000)
        Integer offset,
    @Parameter(
            description =
                "streaming service, e.g. netflix (default netflix); repeat it for titles on any of"
                    + " the services")
        @QueryParam("service")
        @Size(max = 20)
        List<
                @Pattern(
                    regexp = "[A-Za-z0-9_-]{1,40}",
                    message = "must be a service name such as netflix")
                String>
            services,
    @Parameter(description = "ISO 3166 country code where the user watches (default NL)")
        @QueryParam("country")
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code such as NL")
        String country,
    @Parameter(
            description = "movie or series",
            schema = @Schema(enumeration = {"movie", "series", "film", "show", "tv"}))
        @QueryParam("type")
        @Pattern(regexp = "(?i)movie|film|series|show|tv", message = "must be movie or series")
        String type,
    @Parameter(description = "only titles with one of these genres (repeat the parameter)")
        @QueryParam("genre")
        List<@Size(min = 1, max = 80) String> genres,
    @Parameter(description = "no titles with any of these genres (repeat the parameter)")
        @QueryParam("excludeGenre")
        List<@Size(min = 1, max = 80) String> excludedGenres,
    @Parameter(description = "earliest release year") @QueryParam("minYear") @Min(1888) @Max(2100)
        Integer minYear,
    @Parameter(description = "latest release year") @QueryParam("maxYear") @Min(1888) @Max(2100)
        Integer maxYear,
    @Parameter(description = "maximum runtime in minutes (films)")
        @QueryParam("maxRuntime")
        @Min(1)
        @Max(1000)
        Integer maxRuntime,
    @Parameter(description = "ISO 639 original language, e.g. nl")
        @QueryParam("language")
        @Pattern(regexp = "[A-Za-z]{2,3}", message = "must be an ISO 639 code such as nl")
        String language,
    @Parameter(description = "weight of the words against the taste (default 0.6)")
        @QueryParam("alpha")
        @DecimalMin("0")
        @DecimalMax("1")
        Double alpha,
    @Parameter(description = "0 = pure relevance, 1 = most diverse (default 0.3)")
        @QueryParam("diversity")
        @DecimalMin("0")
        @DecimalMax("1")
        Double diversity,
    @Parameter(
            description =
                "share of co-watch (what people who watched your titles also watched) in what is"
                    + " known of you; the rest is your taste (default 0.5)")
        @QueryParam("collaborative")
        @DecimalMin("0")
        @DecimalMax("1")
        Double collaborative,
    @Parameter(description = "weight of what everyone watches, a prior on every list (default 0.2)")
        @QueryParam("popularity")
        @DecimalMin("0")
        @DecimalMax("1")
        Double popularity) {}
