package dev.moviedb.worker.adapter.in.rest;

import dev.moviedb.vectors.config.VectorsConfig;
import dev.moviedb.vectors.embedding.TextEmbedder;
import dev.moviedb.vectors.store.VectorStore;
import dev.moviedb.worker.adapter.out.kafka.CatalogueBacklog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * {@code GET /v1/index}: how many titles are searchable, with which model, whether this index is
 * the live one and how far the worker is behind the catalogue. {@code POST /v1/index/promote}: a
 * staging worker (a re-embed) makes its index the live one once it has caught up.
 */
@Path("/v1/index")
@Produces(MediaType.APPLICATION_JSON)
public class IndexResource {

  private static final Logger LOG = Logger.getLogger(IndexResource.class);

  private final VectorStore store;
  private final TextEmbedder embedder;
  private final CatalogueBacklog backlog;
  private final boolean staging;

  public IndexResource(
      VectorStore store,
      TextEmbedder embedder,
      CatalogueBacklog backlog,
      VectorsConfig.Store config) {
    this.store = store;
    this.embedder = embedder;
    this.backlog = backlog;
    this.staging = config.staging();
  }

  /**
   * The state of this worker's index.
   *
   * @param live whether this index is the one recommend-api serves
   * @param liveModel the model of the live index (another one while a re-embed is staged)
   * @param pendingRecords catalogue records not yet indexed (-1 when Kafka does not answer)
   */
  public record IndexStatus(
      String model,
      int dimension,
      long titles,
      boolean live,
      String liveModel,
      boolean staging,
      String consumerGroup,
      long pendingRecords) {}

  @GET
  public IndexStatus status() {
    return status(backlog.pendingRecords());
  }

  private IndexStatus status(long pendingRecords) {
    String liveModel = store.liveModel().orElse(null);
    return new IndexStatus(
        embedder.modelId(),
        embedder.dimension(),
        store.count(),
        embedder.modelId().equals(liveModel),
        liveModel,
        staging,
        backlog.groupId(),
        pendingRecords);
  }

  /**
   * Makes this worker's index the live one. Refused (409) while catalogue records are still
   * pending, unless {@code force=true}: promoting a half-built index would hide titles.
   */
  @POST
  @Path("/promote")
  public IndexStatus promote(@QueryParam("force") boolean force) {
    long pending = backlog.pendingRecords();
    if (pending != 0 && !force) {
      throw new WebApplicationException(
          Response.status(Response.Status.CONFLICT)
              .type(MediaType.APPLICATION_JSON)
              .entity(
                  new Refusal(
                      409,
                      pending < 0
                          ? "Kafka does not answer, so the index cannot be shown to be complete;"
                              + " retry, or promote with force=true"
                          : pending
                              + " catalogue records are not indexed yet; wait until"
                              + " pendingRecords is 0, or promote with force=true"))
              .build());
    }
    String before = store.liveModel().orElse("none");
    store.promote();
    LOG.infof("index of %s promoted to live (was %s)", embedder.modelId(), before);
    return status(pending);
  }

  /** Why a promotion was refused. */
  public record Refusal(int status, String error) {}
}
