package dev.hndeepest.job;

import java.util.ArrayList;
import java.util.List;

/** A {@link WorkQueue} that keeps what was sent, round-tripping each message through its JSON body. */
public final class RecordingWorkQueue implements WorkQueue {
  private final List<WorkMessage> sent = new ArrayList<>();
  private RuntimeException failure;

  @Override
  public synchronized void send(WorkMessage message) {
    if (failure != null) {
      throw failure;
    }
    sent.add(WorkMessageCodec.decode(WorkMessageCodec.encode(message)));
  }

  @Override
  public synchronized void sendAll(List<? extends WorkMessage> messages) {
    messages.forEach(this::send);
  }

  /** Every later send throws this. */
  public synchronized void failWith(RuntimeException failure) {
    this.failure = failure;
  }

  public synchronized List<WorkMessage> sent() {
    return List.copyOf(sent);
  }

  /** Takes everything sent so far, leaving the queue empty. */
  public synchronized List<WorkMessage> drain() {
    var drained = List.copyOf(sent);
    sent.clear();
    return drained;
  }
}
