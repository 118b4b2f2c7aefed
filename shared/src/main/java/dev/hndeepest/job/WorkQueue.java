package dev.hndeepest.job;

import java.util.List;

/** The port to the work queue. */
public interface WorkQueue {
  void send(WorkMessage message);

  /** Sends all, in batches; throws if any message could not be sent after retries. */
  void sendAll(List<? extends WorkMessage> messages);
}
