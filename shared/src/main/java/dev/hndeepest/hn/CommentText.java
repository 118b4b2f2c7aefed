package dev.hndeepest.hn;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * A comment's HTML as HN's API sends it ({@code <p>}, {@code <a>}, {@code <i>}, {@code <pre><code>},
 * entities) turned into a plain-text excerpt: paragraphs separated by a blank line, a link as its
 * text (its full address where HN shortened the text with "..."), entities decoded, at most
 * {@value #MAX_CHARS} characters cut on a word boundary with an ellipsis.
 */
public final class CommentText {
  /** The longest excerpt, ellipsis included (PRODUCT.md §2). */
  public static final int MAX_CHARS = 280;
  /** The ellipsis that ends a cut excerpt. */
  static final String ELLIPSIS = "…";
  /** Raw HTML converted first; only when that gives too little text is the whole comment parsed. */
  private static final int RAW_PREFIX = 2_048;

  private CommentText() {}

  /** The excerpt of {@code html}; null for null or blank input. */
  public static String excerpt(String html) {
    if (html == null || html.isBlank()) {
      return null;
    }
    String text = null;
    if (html.length() > RAW_PREFIX) {
      // A long comment's first 2 KB nearly always hold 280 characters of text; the tail is not parsed.
      var prefix = plainText(html.substring(0, RAW_PREFIX));
      if (holdsExcerpt(prefix)) {
        text = prefix;
      }
    }
    if (text == null) {
      text = plainText(html);
    }
    return text.isEmpty() ? null : cut(text, MAX_CHARS);
  }

  /**
   * What a client keeps of a comment's HTML: all of it up to {@value #RAW_PREFIX} characters, else
   * the prefix that {@link #excerpt} reads when that prefix holds the excerpt. Either way
   * {@code excerpt(bounded(html))} equals {@code excerpt(html)}, so a comment is parsed only if an
   * answer shows it, and a cache of many comments holds at most 2 KB of each (a few, all of it).
   */
  public static String bounded(String html) {
    if (html == null || html.length() <= RAW_PREFIX) {
      return html;
    }
    var prefix = html.substring(0, RAW_PREFIX);
    return holdsExcerpt(plainText(prefix)) ? prefix : html;
  }

  /** Whether a prefix's text reaches far enough past the excerpt's end that the rest cannot change it. */
  private static boolean holdsExcerpt(String prefixText) {
    return prefixText.length() > MAX_CHARS + 40;
  }

  /** {@code text} if it fits in {@code limit} characters, else cut at the last word boundary that leaves room for the ellipsis. */
  public static String cut(String text, int limit) {
    if (limit < ELLIPSIS.length() + 1) {
      return null;
    }
    if (text == null || text.length() <= limit) {
      return text;
    }
    int end = limit - ELLIPSIS.length();
    int space = end;
    while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
      space--;
    }
    // One word longer than the limit is cut inside, never inside a surrogate pair.
    int cutAt = space > 0 ? space : (Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end);
    return text.substring(0, cutAt).stripTrailing() + ELLIPSIS;
  }

  /** The whole text of {@code html}, paragraphs joined by blank lines, whitespace collapsed outside {@code <pre>}. */
  static String plainText(String html) {
    var body = Jsoup.parseBodyFragment(html).body();
    var text = new TextBuilder();
    body.traverse(text);
    return text.result();
  }

  /** Walks the fragment's nodes and writes their text. */
  private static final class TextBuilder implements NodeVisitor {
    private final StringBuilder out = new StringBuilder();
    private boolean paragraphDue;
    private boolean spaceDue;
    private int inPre;
    private int skipDepth;

    @Override
    public void head(Node node, int depth) {
      if (skipDepth > 0) {
        return;
      }
      switch (node) {
        case TextNode text -> write(text.getWholeText());
        case Element element -> {
          switch (element.normalName()) {
            case "p" -> paragraphDue = true;
            case "pre" -> {
              paragraphDue = true;
              inPre++;
            }
            case "br" -> write("\n");
            case "a" -> {
              write(linkText(element));
              skipDepth = 1;
            }
            default -> {}
          }
        }
        default -> {}
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        if (skipDepth > 0 && element.normalName().equals("a")) {
          skipDepth = 0;
        } else if (skipDepth == 0 && element.normalName().equals("pre")) {
          inPre--;
          paragraphDue = true;
        }
      }
    }

    /** HN shortens a long address in a link's text and ends it with "..."; the href holds all of it. */
    private static String linkText(Element link) {
      var text = link.text();
      var href = link.attr("href");
      if (text.endsWith("...") && href.startsWith(text.substring(0, text.length() - 3))) {
        return href;
      }
      return text.isEmpty() ? href : text;
    }

    private void write(String raw) {
      if (inPre > 0) {
        if (!raw.isBlank()) {
          separate();
          out.append(out.isEmpty() ? raw.stripLeading() : raw);
        }
        return;
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (Character.isWhitespace(c) || c == '\u00a0') {
          spaceDue = !out.isEmpty() || spaceDue;
        } else {
          separate();
          out.append(c);
        }
      }
    }

    private void separate() {
      if (out.isEmpty()) {
        paragraphDue = false;
        spaceDue = false;
        return;
      }
      if (paragraphDue) {
        trimEnd();
        out.append("\n\n");
      } else if (spaceDue && !Character.isWhitespace(out.charAt(out.length() - 1))) {
        out.append(' ');
      }
      paragraphDue = false;
      spaceDue = false;
    }

    private void trimEnd() {
      int end = out.length();
      while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
        end--;
      }
      out.setLength(end);
    }

    String result() {
      trimEnd();
      return out.toString();
    }
  }
}
