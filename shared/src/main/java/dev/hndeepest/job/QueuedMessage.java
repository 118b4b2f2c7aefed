package dev.hndeepest.job;

/**
 * A message as the queue delivered it.
 *
 * @param receiveCount how many times it has been delivered, this time included
 */
public record QueuedMessage(String messageId, String body, int receiveCount) {}
