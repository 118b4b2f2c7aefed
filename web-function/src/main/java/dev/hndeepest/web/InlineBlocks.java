package dev.hndeepest.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** The page's inline {@code <script>} and {@code <style>} blocks, allowed by their hashes (CSP Level 2). */
final class InlineBlocks {
  private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  private InlineBlocks() {}

  /** Only this origin's API, the page's own blocks, an inline icon; no plugins, frames or base changes. */
  static String contentSecurityPolicy(String html) {
    return "default-src 'none'; connect-src 'self'; img-src 'self' data:; script-src " + hashes(SCRIPT, html)
        + "; style-src " + hashes(STYLE, html) + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  static String hashes(Pattern block, String html) {
    var sources = new ArrayList<String>();
    var matcher = block.matcher(html);
    while (matcher.find()) {
      sources.add("'sha256-" + sha256(matcher.group(1)) + "'");
    }
    return sources.isEmpty() ? "'none'" : String.join(" ", List.copyOf(sources));
  }

  private static String sha256(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
