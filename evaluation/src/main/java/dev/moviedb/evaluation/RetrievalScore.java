package dev.moviedb.evaluation;

/** Mean metrics of one method over one query set. */
public record RetrievalScore(
    String querySet, String method, int queries, double hit1, double hit10, double mrr) {}
