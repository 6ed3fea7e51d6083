package dev.moviedb.catalog.application;

import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalog.domain.WorkReport;
import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.events.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Use cases on single titles, on works, and on the availability of many titles: each publishes only
 * real changes, of the titles and of the works they belong to.
 */
@ApplicationScoped
public class ManageTitles {

  private final WorkCatalogue works;
  private final CatalogState state;

  public ManageTitles(WorkCatalogue works, CatalogState state) {
    this.works = works;
    this.state = state;
  }

  public Optional<WorkMember> get(String titleId) {
    return state.member(titleId);
  }

  /** A work's merged record as last published, with its members' records. */
  public record WorkView(CatalogWork work, List<WorkMember> members) {}

  public Optional<WorkView> work(String workId) {
    return state.publishedWork(workId).map(w -> new WorkView(w, state.membersOf(workId)));
  }

  /** What storing one title did. */
  public record PutResult(String titleId, boolean published, String workId, WorkReport works) {}

  /** Stores a title; publishes it (and its work) only when something changed. */
  public PutResult put(CatalogTitle title) {
    return state.write(
        () -> {
          Optional<WorkMember> current = state.member(title.titleId());
          if (current.filter(m -> m.title().equals(title)).isPresent()) {
            return new PutResult(
                title.titleId(), false, current.get().workId(), WorkReport.empty());
          }
          WorkReport.Builder report = new WorkReport.Builder();
          WorkMember published = works.publishTitles(List.of(title), report).get(0);
          return new PutResult(title.titleId(), true, published.workId(), report.build());
        });
  }

  /** Removes a title (and republishes its work from the other members); false if unknown. */
  public boolean delete(String titleId) {
    return state.write(
        () -> {
          if (state.get(titleId).isEmpty()) {
            return false;
          }
          works.removeTitles(List.of(titleId), new WorkReport.Builder());
          return true;
        });
  }

  /** What an availability snapshot changed. */
  public record AvailabilityResult(
      int titlesListed,
      int republished,
      int unchanged,
      List<String> unknownTitleIds,
      long worksRepublished) {}

  /**
   * Replaces the availability of every title on one service in one country: titles in {@code
   * available} are available there (within their window), all others are not. The works of the
   * changed titles are republished with their merged availability.
   */
  public AvailabilityResult setAvailability(
      String service, String country, Map<String, Availability> available) {
    return state.write(
        () -> {
          List<String> unknown =
              available.keySet().stream().filter(id -> state.get(id).isEmpty()).sorted().toList();
          List<CatalogTitle> changed = new ArrayList<>();
          int unchanged = 0;
          for (CatalogTitle title : state.all()) {
            List<Availability> next = new ArrayList<>();
            for (Availability a : title.availability()) {
              if (!(a.service().equalsIgnoreCase(service)
                  && a.country().equalsIgnoreCase(country))) {
                next.add(a);
              }
            }
            Availability here = available.get(title.titleId());
            if (here != null) {
              next.add(here);
            }
            if (Objects.equals(Set.copyOf(next), Set.copyOf(title.availability()))) {
              unchanged++;
            } else {
              changed.add(title.withAvailability(next));
            }
          }
          WorkReport.Builder report = new WorkReport.Builder();
          for (int i = 0; i < changed.size(); i += WorkCatalogue.BATCH_SIZE) {
            works.publishTitles(
                changed.subList(i, Math.min(changed.size(), i + WorkCatalogue.BATCH_SIZE)), report);
          }
          works.publishChangedWorks(report);
          return new AvailabilityResult(
              available.size(),
              changed.size(),
              unchanged,
              unknown,
              report.build().worksPublished());
        });
  }
}
