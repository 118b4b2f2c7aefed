package dev.hndeepest.replica;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plausible-looking HN text (titles, comments, urls, user names), HTML-escaped the way the API
 * returns it. Each item draws from its own random stream, so text never shifts the structure.
 */
final class SyntheticText {

  private static final String[] FUNCTION_WORDS = {
    "the",
    "a",
    "to",
    "of",
    "and",
    "is",
    "that",
    "it",
    "in",
    "for",
    "I",
    "this",
    "you",
    "but",
    "not",
    "with",
    "on",
    "are",
    "be",
    "have",
    "they",
    "was",
    "if",
    "or",
    "just",
    "so",
    "more",
    "than",
    "what",
    "when",
    "about",
    "there",
    "can",
    "would",
    "don&#x27;t",
    "it&#x27;s",
    "I&#x27;m",
    "doesn&#x27;t",
    "most",
    "some",
    "every",
    "much",
    "even",
    "still",
    "only"
  };
  private static final String[] CONTENT_WORDS = {
    "compiler",
    "database",
    "latency",
    "startup",
    "browser",
    "kernel",
    "license",
    "team",
    "product",
    "users",
    "memory",
    "cache",
    "query",
    "index",
    "model",
    "training",
    "benchmark",
    "rust",
    "java",
    "python",
    "go",
    "postgres",
    "sqlite",
    "linux",
    "android",
    "iphone",
    "market",
    "pricing",
    "salary",
    "manager",
    "interview",
    "remote",
    "office",
    "regulation",
    "privacy",
    "encryption",
    "password",
    "server",
    "cloud",
    "bill",
    "vendor",
    "contract",
    "open",
    "source",
    "fork",
    "maintainers",
    "patch",
    "release",
    "bug",
    "crash",
    "test",
    "deploy",
    "rollback",
    "outage",
    "incident",
    "paper",
    "research",
    "experiment",
    "results",
    "data",
    "metric",
    "dashboard",
    "customer",
    "support",
    "hiring",
    "layoffs",
    "funding",
    "founder",
    "investor",
    "valuation",
    "acquisition",
    "battery",
    "solar",
    "grid",
    "car",
    "train",
    "city",
    "housing",
    "rent",
    "school",
    "book",
    "article",
    "author",
    "argument",
    "point",
    "example",
    "reason",
    "problem",
    "solution",
    "tradeoff",
    "complexity",
    "abstraction",
    "framework",
    "library",
    "dependency",
    "package",
    "version",
    "upgrade",
    "migration",
    "schema",
    "protocol",
    "network",
    "packet",
    "router",
    "terminal",
    "editor",
    "vim",
    "emacs",
    "keyboard",
    "monitor",
    "laptop",
    "chip",
    "gpu",
    "inference",
    "prompt",
    "agent",
    "context",
    "token",
    "thread",
    "lock",
    "scheduler",
    "garbage",
    "collector",
    "allocation",
    "pointer",
    "type",
    "generic",
    "macro",
    "works",
    "fails",
    "scales",
    "breaks",
    "costs",
    "matters",
    "ships",
    "runs",
    "changed",
    "fast",
    "slow",
    "cheap",
    "expensive",
    "simple",
    "hard",
    "wrong",
    "right",
    "better",
    "worse",
    "actually",
    "probably",
    "basically",
    "really",
    "honestly",
    "clearly",
    "usually",
    "never"
  };
  private static final String[] NAME_SYLLABLES = {
    "ka", "to", "ri", "ne", "mo", "pa", "lu", "ze", "dan", "mar", "tek", "jon", "bit", "sam", "ax",
    "el", "vi", "qu", "or", "an", "ti", "ro", "bex", "cod", "ex", "ly", "fi", "gr", "hal"
  };
  private static final String[] DOMAINS = {
    "github.com",
    "arxiv.org",
    "nytimes.com",
    "theverge.com",
    "arstechnica.com",
    "bbc.com",
    "lwn.net",
    "blog.rust-lang.org",
    "medium.com",
    "substack.com",
    "wikipedia.org",
    "theguardian.com",
    "reuters.com",
    "bloomberg.com",
    "nature.com",
    "quantamagazine.org",
    "youtube.com",
    "economist.com",
    "wired.com",
    "spectrum.ieee.org",
    "acm.org",
    "gitlab.com"
  };
  private static final String[] TITLE_NOUNS = {
    "Database",
    "Compiler",
    "Startup",
    "Kernel",
    "Browser",
    "Language",
    "Editor",
    "Protocol",
    "Scheduler",
    "Garbage Collector",
    "Search Engine",
    "File System",
    "Terminal",
    "Keyboard",
    "Battery",
    "Rocket",
    "Telescope",
    "City",
    "Economy",
    "Model",
    "Agent",
    "Chip",
    "Network"
  };
  private static final String[] TITLE_PHRASES = {
    "is faster than you think",
    "in 500 lines",
    "from scratch",
    "for the rest of us",
    "considered harmful",
    "that nobody asked for",
    "we built in a weekend",
    "and why it matters",
    "at scale",
    "without the hype",
    "explained",
    "is dead, long live it",
    "that runs in the browser",
    "written in Rust",
    "for small teams",
    "from first principles"
  };

  private final SplittableRandom random;

  private SyntheticText(SplittableRandom random) {
    this.random = random;
  }

  /** The text source for one item of one generation. */
  static SyntheticText forItem(long seed, long slot) {
    return new SyntheticText(new SplittableRandom(seed ^ (slot * 0xD1B54A32D192ED03L)));
  }

  /** A stable user name for an author index. */
  static String userName(int author) {
    var random = new SplittableRandom(0x5EEDL + author * 0x9E3779B97F4A7C15L);
    var name = new StringBuilder();
    int syllables = 2 + random.nextInt(2);
    for (int i = 0; i < syllables; i++) {
      name.append(NAME_SYLLABLES[random.nextInt(NAME_SYLLABLES.length)]);
    }
    if (random.nextInt(4) == 0) {
      name.append(random.nextInt(100));
    }
    // The index keeps names unique without a registry.
    return name.append(random.nextInt(3) == 0 ? "_" : "")
        .append(Integer.toString(author, 36))
        .toString();
  }

  String storyTitle() {
    return plain(storyTitleHtml());
  }

  private String storyTitleHtml() {
    return switch (random.nextInt(6)) {
      case 0 -> "Show HN: " + productName() + " – " + pick(TITLE_PHRASES);
      case 1 -> "The " + pick(TITLE_NOUNS) + " " + pick(TITLE_PHRASES);
      case 2 -> productName() + ": " + capitalise(words(3 + random.nextInt(4)));
      case 3 -> "Why " + words(2 + random.nextInt(3)) + " " + pick(TITLE_PHRASES);
      case 4 -> capitalise(words(4 + random.nextInt(5))) + " (" + (1970 + random.nextInt(56)) + ")";
      default ->
          "A "
              + pick(TITLE_NOUNS).toLowerCase(Locale.ROOT)
              + " "
              + pick(TITLE_PHRASES)
              + (random.nextInt(5) == 0 ? " [pdf]" : "");
    };
  }

  String askTitle() {
    return plain("Ask HN: " + capitalise(words(4 + random.nextInt(6))) + "?");
  }

  String pollTitle() {
    return plain("Poll: " + capitalise(words(3 + random.nextInt(5))) + "?");
  }

  String jobTitle() {
    return plain(
        productName()
            + " (YC "
            + (random.nextBoolean() ? "S" : "W")
            + (10 + random.nextInt(16))
            + ") is hiring "
            + words(2 + random.nextInt(2)));
  }

  String url(String title) {
    String slug =
        plain(title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return "https://" + pick(DOMAINS) + "/" + slug.substring(0, Math.min(slug.length(), 60));
  }

  /** One to four short paragraphs, joined with {@code <p>} as the API does. */
  String comment() {
    var text = new StringBuilder();
    int paragraphs = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        text.append("<p>");
      }
      int sentences = 1 + random.nextInt(2);
      for (int s = 0; s < sentences; s++) {
        text.append(s == 0 ? "" : " ").append(sentence());
      }
      if (random.nextInt(25) == 0) {
        String link = url(words(3));
        text.append(" <a href=\"")
            .append(link)
            .append("\" rel=\"nofollow\">")
            .append(link)
            .append("</a>");
      }
    }
    return text.toString();
  }

  String pollOption() {
    return capitalise(words(1 + random.nextInt(4)));
  }

  private String sentence() {
    String body = capitalise(words(4 + random.nextInt(10)));
    return body + (random.nextInt(8) == 0 ? "?" : ".");
  }

  private String words(int count) {
    var words = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String word = random.nextInt(100) < 42 ? pick(FUNCTION_WORDS) : pick(CONTENT_WORDS);
      words.append(i == 0 ? "" : " ").append(word);
    }
    return words.toString();
  }

  private String productName() {
    String name = pick(NAME_SYLLABLES) + pick(NAME_SYLLABLES) + pick(NAME_SYLLABLES);
    return capitalise(name);
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** Titles are plain text in the API; comment text is HTML. */
  private static String plain(String html) {
    return html.replace("&#x27;", "'");
  }

  private static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
