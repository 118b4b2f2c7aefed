package dev.hndeepest.hn;

/**
 * What an {@link HnApi} has done so far.
 *
 * @param requests HTTP requests sent, retries included
 * @param retries requests that were repeats of a failed attempt
 * @param itemsFetched distinct item ids answered (null answers included)
 */
public record HnClientStats(long requests, long retries, long itemsFetched) {}
