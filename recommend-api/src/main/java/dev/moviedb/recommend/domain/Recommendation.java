package dev.moviedb.recommend.domain;

import dev.moviedb.events.TitleType;
import java.util.List;

/** One recommended title and why it was chosen. */
public record Recommendation(
    String titleId,
    String title,
    TitleType type,
    Integer year,
    List<String> genres,
    double score,
    Double queryScore,
    Double tasteScore,
    List<String> because,
    List<String> matched) {}
