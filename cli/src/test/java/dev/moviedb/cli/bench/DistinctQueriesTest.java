package dev.moviedb.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.understanding.RequestReader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistinctQueriesTest {

  private final DistinctQueries queries = DistinctQueries.load(new ObjectMapper());

  @Test
  void theWordsEmbeddedForEachRequest_differFromEveryOtherRequests() {
    RequestReader reader = RequestReader.standard(2021);
    Set<String> embedded = new HashSet<>();
    Set<String> texts = new HashSet<>();
    for (long i = 0; i < queries.size(); i++) {
      texts.add(queries.get(i));
      embedded.add(DistinctQueries.embeddedWords(reader, queries.get(i)));
    }

    assertThat(queries.size()).isEqualTo(DistinctQueries.SIZE);
    assertThat(texts).hasSize(DistinctQueries.SIZE);
    assertThat(embedded).hasSize(DistinctQueries.SIZE);
  }

  @Test
  void theSequence_isTheSameInEveryRun_andStartsWithTheRequestsAsWritten() {
    DistinctQueries again = DistinctQueries.load(new ObjectMapper());

    assertThat(queries.get(0)).isEqualTo(again.get(0)).isNotBlank().doesNotStartWith(" ");
    assertThat(queries.get(12_345)).isEqualTo(again.get(12_345));
    assertThat(queries.get(queries.size())).isEqualTo(queries.get(0));
  }
}
