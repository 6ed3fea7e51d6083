package dev.moviedb.recommend.adapter.in.rest;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters shared by every list of titles: who asks, which page, and the filters. Numbers
 * arrive as text so that a malformed one gets a 400 naming it (JAX-RS would answer 404).
 */
public record ListParams(
    @Parameter(description = "user whose Netflix history sets the taste") @QueryParam("userId")
        String userId,
    @Parameter(description = "page size, 1..100 (default 10)") @QueryParam("limit") String limit,
    @QueryParam("offset") String offset,
    @Parameter(description = "streaming service (default netflix)") @QueryParam("service")
        String service,
    @Parameter(description = "ISO country code (default NL)") @QueryParam("country") String country,
    @Parameter(description = "movie or series") @QueryParam("type") String type,
    @QueryParam("genre") List<String> genres,
    @QueryParam("excludeGenre") List<String> excludedGenres,
    @QueryParam("minYear") String minYear,
    @QueryParam("maxYear") String maxYear,
    @Parameter(description = "maximum runtime in minutes") @QueryParam("maxRuntime")
        String maxRuntime,
    @Parameter(description = "ISO 639 original language") @QueryParam("language") String language,
    @Parameter(description = "weight of the query against the taste, 0..1") @QueryParam("alpha")
        String alpha,
    @Parameter(description = "0 = pure relevance, 1 = most diverse") @QueryParam("diversity")
        String diversity) {}
