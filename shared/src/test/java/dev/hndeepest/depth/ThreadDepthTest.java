package dev.hndeepest.depth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.hn.CommentText;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ThreadDepthTest {

  private static List<ThreadComment> chain(int depth, String text) {
    return LongStream.rangeClosed(1, depth).mapToObj(id -> new ThreadComment(id, "u", id, text, false, false)).toList();
  }

  @Test
  void thread_shouldKeepWholeExcerpts_whenShallow() {
    var text = "w ".repeat(139) + "end";

    var thread = new ThreadDepth(3, 3, chain(3, text));

    assertThat(thread.deepestThread()).extracting(ThreadComment::text).containsOnly(text);
    assertThat(thread.deepestPath()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void thread_shouldShareTheTextBudget_whenSoDeepThatFullExcerptsWouldNotFit() {
    // GIVEN a chain of 1,000 comments, each with a full-length excerpt
    var text = "word ".repeat(60).strip();
    int depth = 1_000;

    // WHEN
    var thread = new ThreadDepth(depth, depth, chain(depth, text));

    // THEN every comment keeps a word-cut excerpt, and all of them fit the budget
    int total = thread.deepestThread().stream().mapToInt(c -> c.text().length()).sum();
    assertThat(total).isLessThanOrEqualTo(ThreadDepth.TEXT_BUDGET);
    assertThat(thread.deepestThread()).allSatisfy(c -> assertThat(c.text()).startsWith("word").endsWith("…")
        .hasSizeLessThanOrEqualTo(ThreadDepth.TEXT_BUDGET / depth));
    assertThat(CommentText.MAX_CHARS * depth).isGreaterThan(ThreadDepth.TEXT_BUDGET);
  }

  @Test
  void thread_shouldRefuseAChainOfAnotherLength_thanItsDepth() {
    assertThatThrownBy(() -> new ThreadDepth(2, 2, chain(1, "x"))).isInstanceOf(IllegalArgumentException.class);
  }
}
