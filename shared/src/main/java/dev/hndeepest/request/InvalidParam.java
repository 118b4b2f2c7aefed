package dev.hndeepest.request;

/** One rejected input, as listed in a problem's {@code invalidParams} (RFC 9457). */
public record InvalidParam(String name, String reason) {}
