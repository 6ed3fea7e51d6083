package dev.moviedb.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.catalog.application.port.CataloguePublisher;
import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.ImportMode;
import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalog.domain.SnapshotPolicy;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalogfiles.CatalogTitle;
import dev.moviedb.catalogfiles.ParsedRow;
import dev.moviedb.events.TitleType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What an import does when the broker stops acknowledging: only acknowledged titles count, the
 * report says so, and importing the same file again publishes exactly what is missing.
 */
class ImportCatalogueTest {

  /** A publisher whose broker goes away after a number of acknowledged titles. */
  private static final class FlakyBroker implements CataloguePublisher {
    final List<String> acknowledged = new ArrayList<>();
    int capacity;

    FlakyBroker(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public void publish(List<WorkMember> titles) {
      if (acknowledged.size() + titles.size() > capacity) {
        throw new PublishFailedException("Kafka did not acknowledge a batch (broker down).", null);
      }
      titles.forEach(t -> acknowledged.add(t.titleId()));
    }

    @Override
    public void remove(List<String> titleIds) {
      acknowledged.addAll(titleIds);
    }

    @Override
    public void publishWorks(List<CatalogWork> works) {}

    @Override
    public void removeWorks(List<String> workIds) {}
  }

  private static List<ParsedRow> rows(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            i ->
                ParsedRow.valid(
                    i + 1,
                    new CatalogTitle(
                        "f:" + i,
                        TitleType.MOVIE,
                        "Title " + i,
                        null,
                        2000,
                        90,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
        .toList();
  }

  private static ImportCatalogue.Request request() {
    return new ImportCatalogue.Request("file.jsonl", "jsonl", "f", ImportMode.UPSERT, List.of());
  }

  private static ImportCatalogue importer(CataloguePublisher broker, CatalogState state) {
    return new ImportCatalogue(new WorkCatalogue(broker, state), state, new SnapshotPolicy(1.0));
  }

  @Test
  void givenBrokerDownMidImport_reportFails_andARetryPublishesExactlyTheRest() {
    CatalogState state = new CatalogState();
    int total = ImportCatalogue.BATCH_SIZE * 2 + 10;
    FlakyBroker broker = new FlakyBroker(ImportCatalogue.BATCH_SIZE);

    ImportReport failed = importer(broker, state).run(request(), rows(total).iterator());

    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.published()).isEqualTo(ImportCatalogue.BATCH_SIZE);
    assertThat(failed.error())
        .contains("Kafka did not acknowledge")
        .contains("import the file again");
    assertThat(state.size()).isEqualTo(ImportCatalogue.BATCH_SIZE);

    broker.capacity = Integer.MAX_VALUE;
    ImportReport retried = importer(broker, state).run(request(), rows(total).iterator());

    assertThat(retried.status()).isEqualTo("COMPLETED");
    assertThat(retried.published()).isEqualTo(total - ImportCatalogue.BATCH_SIZE);
    assertThat(retried.unchanged()).isEqualTo(ImportCatalogue.BATCH_SIZE);
    assertThat(broker.acknowledged).doesNotHaveDuplicates().hasSize(total);
  }
}
