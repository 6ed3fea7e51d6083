package dev.moviedb.worker.adapter.in.rest;

import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v1/index}: how many titles are searchable, and with which model. */
@Path("/v1/index")
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {

  private final VectorStore store;
  private final TextEmbedder embedder;

  public IndexResource(VectorStore store, TextEmbedder embedder) {
    this.store = store;
    this.embedder = embedder;
  }

  /** The state of the vector index. */
  public record IndexStatus(String model, int dimension, long titles) {}

  @GET
  public IndexStatus status() {
    return new IndexStatus(embedder.modelId(), embedder.dimension(), store.count());
  }
}
