package dev.moviedb.recommend.application.port;

import dev.moviedb.ranking.Collective;

/** Port: what everyone watches, read from the collective signals, for one service and country. */
public interface CollectiveSignals {

  /** The signals of one scope (a request's service and country; both null: everyone's). */
  Collective in(String service, String country);
}
