package dev.moviedb.recommend.adapter.in.rest;

import dev.moviedb.identity.Roles;
import dev.moviedb.recommend.application.ReportAcceptance;
import dev.moviedb.recommend.domain.Acceptance;
import dev.moviedb.recommend.domain.Variant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /v1/metrics/acceptance}: the variants of an experiment side by side, each with its
 * settings, counts and rates. Counts only: no user appears in them. An operator's report: admin
 * only, like the other operational endpoints (Prometheus has the same counts at {@code
 * /q/metrics}).
 */
@Path("/v1/metrics/acceptance")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AcceptanceResource {

  /** The experiment and its variants. */
  public record AcceptanceReport(
      String experiment,
      @Schema(description = "whether this is the experiment running now") boolean running,
      List<VariantAcceptance> variants) {}

  /** One variant: what it sets, its share of the users, and what people did with its lists. */
  public record VariantAcceptance(
      String variant,
      @Schema(
              description =
                  "share of signed-in users assigned to it; absent for anonymous,"
                      + " explicit and earlier variants")
          Double share,
      @Schema(description = "the knobs it sets (absent: the default)") Knobs knobs,
      long impressions,
      long clicks,
      long likes,
      long dislikes,
      @Schema(description = "clicks per impression, with its 95 % Wilson interval")
          Acceptance.Rate clickThroughRate,
      @Schema(description = "likes per impression, with its 95 % Wilson interval")
          Acceptance.Rate likeRate,
      @Schema(description = "dislikes per impression, with its 95 % Wilson interval")
          Acceptance.Rate dislikeRate) {}

  /** A variant's knobs. */
  public record Knobs(Double alpha, Double diversity, Double collaborative, Double popularity) {}

  private final ReportAcceptance report;

  public AcceptanceResource(ReportAcceptance report) {
    this.report = report;
  }

  @GET
  @Operation(
      summary =
          "Acceptance per ranking variant (click-through, like and dislike rates), side by side")
  public AcceptanceReport acceptance(
      @Parameter(description = "an earlier experiment (default: the running one)")
          @QueryParam("experiment")
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
              message = "is not an experiment name")
          String experiment) {
    ReportAcceptance.Report r = report.report(experiment);
    long totalWeight =
        r.variants().stream()
            .filter(l -> l.settings() != null)
            .mapToLong(l -> l.settings().weight())
            .sum();
    return new AcceptanceReport(
        r.experiment(),
        r.running(),
        r.variants().stream()
            .map(
                l -> {
                  Variant v = l.settings();
                  Acceptance a = l.acceptance();
                  return new VariantAcceptance(
                      l.variant(),
                      v == null || totalWeight == 0
                          ? null
                          : Math.round(v.weight() * 10_000.0 / totalWeight) / 10_000.0,
                      v == null
                          ? null
                          : new Knobs(v.alpha(), v.diversity(), v.collaborative(), v.popularity()),
                      a.impressions(),
                      a.clicks(),
                      a.likes(),
                      a.dislikes(),
                      a.clickThrough(),
                      a.likeRate(),
                      a.dislikeRate());
                })
            .toList());
  }
}
