package dev.hndeepest.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hndeepest.hn.HnItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnDataGeneratorTest {

  private static final GeneratorSpec DAY =
      GeneratorSpec.endingAt(7, Instant.parse("2025-03-04T00:00:00Z"), 24);

  private static List<HnItem> day;
  private static ThreadShapes shapes;
  private static Map<Long, HnItem> byId;

  @BeforeAll
  static void generateOneDay() {
    day = HnDataGenerator.generate(DAY);
    shapes = new ThreadShapes(day);
    byId = shapes.byId();
  }

  @Test
  void generate_shouldGiveIdenticalBytes_whenRunTwiceWithTheSameSpec() {
    // GIVEN the same spec WHEN generated again THEN the JSON lines are byte-identical
    byte[] again = ItemJsonLines.toBytes(HnDataGenerator.generate(DAY));
    assertThat(again).isEqualTo(ItemJsonLines.toBytes(day));
  }

  @Test
  void generate_shouldGiveOtherData_whenTheSeedDiffers() {
    // GIVEN another seed WHEN generated THEN the data differs
    var other = HnDataGenerator.generate(GeneratorSpec.endingAt(8, DAY.end(), DAY.hours()));
    assertThat(ItemJsonLines.toBytes(other)).isNotEqualTo(ItemJsonLines.toBytes(day));
  }

  @Test
  void generate_shouldMatchHnRates_whenTheSpanIsADay() {
    // GIVEN a day at 55 posts and 520 comments an hour
    long posts = day.stream().filter(item -> isPostOrJob(item)).count();
    long comments = day.stream().filter(item -> "comment".equals(item.type())).count();

    // THEN both are within 15% of the configured rates
    assertThat(posts / 24.0).isBetween(55 * 0.85, 55 * 1.15);
    assertThat(comments / 24.0).isBetween(520 * 0.85, 520 * 1.15);
  }

  @Test
  void generate_shouldFollowOtherRates_whenConfigured() {
    // GIVEN a quiet day: 20 posts and 100 comments an hour
    var quiet = HnDataGenerator.generate(DAY.withSeed(3).withRates(20, 100));

    // THEN the counts follow
    long posts = quiet.stream().filter(item -> isPostOrJob(item)).count();
    long comments = quiet.stream().filter(item -> "comment".equals(item.type())).count();
    assertThat(posts / 24.0).isBetween(20 * 0.85, 20 * 1.15);
    assertThat(comments / 24.0).isBetween(100 * 0.85, 100 * 1.15);
  }

  @Test
  void generate_shouldSortByIdFromFirstIdInsideTheSpan_whenDone() {
    // THEN ids are unique and ascending, from firstId, with times inside the span (give or take
    // the clock jitter at its start)
    for (int i = 1; i < day.size(); i++) {
      assertThat(day.get(i).id()).isGreaterThan(day.get(i - 1).id());
    }
    assertThat(day.getFirst().id()).isBetween(DAY.firstId(), DAY.firstId() + 5);
    long start = DAY.start().getEpochSecond();
    long end = DAY.end().getEpochSecond();
    assertThat(day).allSatisfy(item -> assertThat(item.time()).isBetween(start - 10, end));
  }

  @Test
  void generate_shouldPlaceEveryChildAfterItsParent_whenBothExist() {
    int checked = 0;
    for (HnItem item : day) {
      HnItem parent = item.parent() == null ? null : byId.get(item.parent());
      if (parent != null) {
        assertThat(item.id()).isGreaterThan(parent.id());
        assertThat(item.time()).isGreaterThanOrEqualTo(parent.time());
        assertThat(parent.kidIds()).contains(item.id());
        checked++;
      }
      for (long kid : item.kidIds()) {
        assertThat(kid).isGreaterThan(item.id());
        HnItem child = byId.get(kid);
        if (child != null) {
          assertThat(child.parent()).isEqualTo(item.id());
        }
      }
    }
    assertThat(checked).isGreaterThan(5_000);
  }

  @Test
  void generate_shouldInterleaveCommentsOnOlderPosts_whenTheSpanStarts() {
    // THEN comments whose parents predate the span fill the id axis from its very first hour
    long firstHour = DAY.start().getEpochSecond() + 3600;
    long olderParents =
        day.stream().filter(item -> item.parent() != null && item.parent() < DAY.firstId()).count();
    long commentsInFirstHour =
        day.stream().filter(i -> "comment".equals(i.type()) && i.time() < firstHour).count();
    assertThat(olderParents).isGreaterThan(500);
    assertThat(commentsInFirstHour / 520.0).isBetween(0.4, 2.0);
  }

  @Test
  void generate_shouldMakeThreadSizesHeavyTailed_whenADayIsGenerated() {
    // GIVEN the visible comment counts of the day's visible posts
    var sizes =
        day.stream()
            .filter(item -> item.isPost() && item.isVisible())
            .mapToInt(post -> shapes.of(post).visibleComments())
            .sorted()
            .toArray();
    var nonEmpty = java.util.Arrays.stream(sizes).filter(size -> size > 0).toArray();

    // THEN many posts have no comments, and the largest dwarfs the typical one
    assertThat(sizes.length - nonEmpty.length).isGreaterThan(sizes.length / 3);
    int median = nonEmpty[nonEmpty.length / 2];
    int max = nonEmpty[nonEmpty.length - 1];
    assertThat(max).isGreaterThanOrEqualTo(10 * median).isGreaterThanOrEqualTo(150);
  }

  @Test
  void generate_shouldGrowSomeDeepReplyChains_whenADayIsGenerated() {
    // GIVEN the depth of every visible post's thread
    var depths =
        day.stream()
            .filter(item -> item.isPost() && item.isVisible())
            .map(post -> shapes.of(post).depth())
            .toList();

    // THEN most are shallow and a few reach 15 to 40 levels
    int deepest = depths.stream().mapToInt(Integer::intValue).max().orElseThrow();
    long deep = depths.stream().filter(depth -> depth >= 15).count();
    long shallow = depths.stream().filter(depth -> depth <= 3).count();
    assertThat(deepest).isBetween(15, 40);
    assertThat(deep).isBetween(1L, 30L);
    assertThat(shallow).isGreaterThan(depths.size() / 2);
  }

  @Test
  void generate_shouldSpreadCommentsOverHoursWithFadingRate_whenPostsAreOld() {
    // GIVEN the delays of comments after their post, for posts of the first half day
    long halfDay = DAY.start().getEpochSecond() + 12 * 3600;
    var delays = new ArrayList<Long>();
    for (HnItem item : day) {
      if ("comment".equals(item.type())) {
        HnItem post = shapes.rootOf(item);
        if (post != null && post.time() < halfDay) {
          delays.add(item.time() - post.time());
        }
      }
    }
    delays.sort(Comparator.naturalOrder());

    // THEN most come within hours, fewer later, some much later
    long median = delays.get(delays.size() / 2);
    assertThat(median).isBetween(3600L / 2, 6 * 3600L);
    assertThat(delays.stream().filter(delay -> delay < 6 * 3600).count())
        .isGreaterThan(delays.stream().filter(delay -> delay >= 6 * 3600).count());
    assertThat(delays.getLast()).isGreaterThan(10 * 3600L);
  }

  @Test
  void generate_shouldIncludeDeadAndDeletedItems_inTheApiShapes() {
    var deleted = day.stream().filter(HnItem::isDeleted).toList();
    var dead = day.stream().filter(HnItem::isDead).toList();

    // THEN deleted items are stubs that keep their kids, dead ones keep their content
    assertThat(deleted).hasSizeGreaterThan(100);
    assertThat(deleted).anyMatch(item -> item.isPost());
    assertThat(deleted).anyMatch(item -> !item.kidIds().isEmpty());
    assertThat(deleted)
        .allSatisfy(
            item -> {
              assertThat(item.by()).isNull();
              assertThat(item.text()).isNull();
              assertThat(item.title()).isNull();
              assertThat(item.score()).isNull();
              assertThat(item.type()).isIn("story", "poll", "comment");
              assertThat(item.parent() != null).isEqualTo("comment".equals(item.type()));
            });
    assertThat(dead).hasSizeGreaterThan(100);
    assertThat(dead)
        .anyMatch(item -> item.isPost() && Integer.valueOf(-1).equals(item.descendants()));
    assertThat(dead).anyMatch(item -> item.isPost() && !item.kidIds().isEmpty());
    assertThat(dead).allSatisfy(item -> assertThat(item.by()).isNotNull());
    assertThat(dead)
        .filteredOn(item -> "comment".equals(item.type()))
        .allSatisfy(item -> assertThat(item.text()).isNotBlank());
  }

  @Test
  void generate_shouldIncludePollsWithOptionsAndJobs_whenADayIsGenerated() {
    var polls =
        day.stream().filter(item -> "poll".equals(item.type()) && !item.isDeleted()).toList();
    var jobs = day.stream().filter(item -> "job".equals(item.type())).toList();

    // THEN polls list their options, which point back; jobs take no comments
    assertThat(polls).isNotEmpty();
    for (HnItem poll : polls) {
      assertThat(poll.parts()).hasSizeBetween(2, 6);
      for (long part : poll.parts()) {
        HnItem option = byId.get(part);
        assertThat(option.type()).isEqualTo("pollopt");
        assertThat(option.poll()).isEqualTo(poll.id());
        assertThat(option.id()).isGreaterThan(poll.id());
        assertThat(option.text()).isNotBlank();
      }
    }
    assertThat(jobs).isNotEmpty();
    assertThat(jobs)
        .allSatisfy(
            job -> {
              assertThat(job.kids()).isNull();
              assertThat(job.descendants()).isNull();
              assertThat(job.title()).isNotBlank();
            });
  }

  @Test
  void generate_shouldLeaveIdsThatAnswerNull_whenADayIsGenerated() {
    // THEN some ids inside the range are missing, and some listed kids answer null
    long span = day.getLast().id() - day.getFirst().id() + 1;
    long kidsThatAnswerNull =
        day.stream()
            .flatMap(item -> item.kidIds().stream())
            .filter(kid -> !byId.containsKey(kid))
            .count();
    assertThat(span - day.size()).isBetween(5L, span / 50);
    assertThat(kidsThatAnswerNull).isPositive();
  }

  @Test
  void generate_shouldJitterClocksBetweenNeighbouringIds_byAFewSeconds() {
    // THEN some later ids carry earlier times, never by more than a few seconds
    int outOfOrder = 0;
    long worst = 0;
    for (int i = 1; i < day.size(); i++) {
      long backwards = day.get(i - 1).time() - day.get(i).time();
      if (backwards > 0) {
        outOfOrder++;
        worst = Math.max(worst, backwards);
      }
    }
    assertThat(outOfOrder).isGreaterThan(100);
    assertThat(worst).isLessThanOrEqualTo(10);
  }

  @Test
  void generate_shouldRankKidsOtherThanById_whenItemsHaveSeveralKids() {
    var withSeveralKids = day.stream().filter(item -> item.kidIds().size() > 2).toList();
    long notSorted =
        withSeveralKids.stream()
            .filter(item -> !item.kidIds().equals(item.kidIds().stream().sorted().toList()))
            .count();
    assertThat(withSeveralKids).hasSizeGreaterThan(100);
    assertThat(notSorted).isGreaterThan(withSeveralKids.size() / 3);
  }

  @Test
  void generate_shouldFillDescendantsAndScore_plausibly() {
    // THEN descendants count at least the reachable visible comments, and scores follow them
    var visiblePosts = day.stream().filter(item -> item.isPost() && item.isVisible()).toList();
    long totalDescendants = 0;
    long totalReachable = 0;
    for (HnItem post : visiblePosts) {
      int reachable = shapes.of(post).visibleComments();
      assertThat(post.descendants()).isGreaterThanOrEqualTo(reachable);
      assertThat(post.score()).isPositive();
      totalDescendants += post.descendants();
      totalReachable += reachable;
    }
    assertThat((double) totalDescendants / totalReachable).isBetween(1.0, 1.05);
    var busiest =
        visiblePosts.stream().max(Comparator.comparingInt(HnItem::descendants)).orElseThrow();
    assertThat(busiest.score()).isGreaterThan(50);
  }

  @Test
  void generate_shouldFillTheFieldsEachTypeCarries_whenRendered() {
    // THEN stories carry title and url or text, comments carry author and text
    assertThat(day)
        .filteredOn(item -> "story".equals(item.type()) && !item.isDeleted())
        .allSatisfy(
            story -> {
              assertThat(story.title()).isNotBlank();
              assertThat(story.url() != null || story.text() != null).isTrue();
            });
    assertThat(day)
        .filteredOn(item -> "comment".equals(item.type()) && !item.isDeleted())
        .allSatisfy(comment -> assertThat(comment.by()).isNotBlank());
    Map<String, Long> itemsByAuthor =
        day.stream()
            .map(HnItem::by)
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(author -> author, Collectors.counting()));
    assertThat(itemsByAuthor.size()).isGreaterThan(1_000);
    assertThat(itemsByAuthor.values().stream().mapToLong(Long::longValue).max().orElseThrow())
        .isGreaterThanOrEqualTo(20);
  }

  @Test
  void writeTo_shouldWriteWhatGenerateReturns_whenTheFileIsGzip(@TempDir Path dir)
      throws Exception {
    // GIVEN a short span
    var spec = GeneratorSpec.endingAt(5, Instant.parse("2025-01-01T00:00:00Z"), 2);
    Path file = dir.resolve("items.jsonl.gz");

    // WHEN written to a .gz file and read back
    var written = new HnDataGenerator(spec).writeTo(file);

    // THEN the file holds exactly the generated items
    assertThat(ItemJsonLines.read(file))
        .isEqualTo(written)
        .isEqualTo(HnDataGenerator.generate(spec));
  }

  @Test
  void generate_shouldKeepIdsPositive_whenFirstIdIsOne() {
    // GIVEN a span whose first id is 1 (no room for older items)
    var spec = GeneratorSpec.endingAt(5, Instant.parse("2025-01-01T00:00:00Z"), 6).withFirstId(1);

    // WHEN generated
    var items = HnDataGenerator.generate(spec);

    // THEN no id or parent falls below 1 and the first post still gets its comments
    assertThat(items.getFirst().id()).isBetween(1L, 20L);
    assertThat(items).allSatisfy(item -> assertThat(item.id()).isPositive());
    assertThat(items)
        .filteredOn(item -> item.parent() != null)
        .allSatisfy(item -> assertThat(item.parent()).isPositive());
    assertThat(items.stream().filter(item -> "comment".equals(item.type())).count())
        .isGreaterThan(1_000);
  }

  @Test
  void spec_shouldRejectNonsense_whenBuilt() {
    Instant end = Instant.parse("2025-01-01T00:00:00Z");
    assertThatThrownBy(() -> GeneratorSpec.endingAt(1, end, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hours");
    assertThatThrownBy(() -> GeneratorSpec.endingAt(1, end, 1).withRates(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postsPerHour");
    assertThatThrownBy(() -> GeneratorSpec.endingAt(1, end, 1).withRates(10, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("commentsPerHour");
    assertThatThrownBy(() -> GeneratorSpec.endingAt(1, end, 1).withFirstId(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstId");
    assertThatThrownBy(() -> GeneratorSpec.endingAt(1, end.plusMillis(5), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole second");
  }

  private static boolean isPostOrJob(HnItem item) {
    return item.isPost() || "job".equals(item.type());
  }
}
