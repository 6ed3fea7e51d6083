package dev.moviedb.recommend.application.port;

import dev.moviedb.events.FeedbackGiven;
import java.util.List;

/** Port: publishes feedback on {@code user.feedback}, returning once the broker has it. */
public interface FeedbackPublisher {

  void publish(List<FeedbackGiven> feedback);
}
