package dev.hndeepest.benchmark;

import static dev.hndeepest.benchmark.TargetCheck.format;
import static dev.hndeepest.benchmark.TargetCheck.megabytes;
import static dev.hndeepest.benchmark.TargetCheck.seconds;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders one benchmark's results as BENCHMARKS.md: machine, command, date, table, targets, method. */
final class BenchmarkReport {
  private BenchmarkReport() {}

  static String markdown(BenchmarkResults results, List<TargetCheck.Outcome> targets) {
    var settings = results.settings();
    var data = results.data();
    var md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append("<!-- Written by ./hn-deepest benchmark; rerun the command below to refresh it. -->\n\n");
    md.append("One run of\n\n```bash\n").append(settings.commandLine()).append("\n```\n\n");
    md.append("started ").append(results.started().truncatedTo(ChronoUnit.SECONDS))
        .append(", finished ").append(results.finished().truncatedTo(ChronoUnit.SECONDS)).append(".\n\n");

    var machine = results.machine();
    md.append("## Machine\n\n| | |\n|---|---|\n");
    md.append("| cores | ").append(machine.cores()).append(" (").append(machine.cpuModel()).append(") |\n");
    md.append("| memory | ").append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryBytes() / (1024.0 * 1024 * 1024)))
        .append(" |\n");
    md.append("| JDK | ").append(machine.jdk()).append(" |\n");
    md.append("| OS | ").append(machine.os()).append(" |\n");
    md.append("| load | one-minute load average at the start of each run in the table's last column; "
        + "other work on the machine shares its cores |\n\n");

    md.append("## Setup\n\n");
    md.append("- **Data**: `HnDataGenerator`, seed ").append(data.seed()).append(", ")
        .append(Duration.between(data.start(), data.end()).toHours()).append(" hours ending ").append(data.end())
        .append(": ").append(data.items()).append(" items, ids ").append(data.firstId()).append("..")
        .append(data.maxId()).append(". Every window ends at ").append(data.end())
        .append(", and \"now\" is that instant, so a window that `/newstories` covers is found through it.\n");
    md.append("- **Replica**: `HnReplicaServer` in the benchmark's JVM on its own platform threads, ")
        .append(settings.replicaLatency().describe())
        .append(" before every answer (drawn per request, `--latency-ms` and `--latency-sigma`), no faults.\n");
    md.append("- **baseline (serial)**: the original approach re-implemented (`SerialBaseline`): one request at a "
        + "time, no cache. `/maxitem`, an exponential search down from it (max-1, max-2, max-4, ...) and a "
        + "binary search on `time` for the first id after the window's start minus the 600 s jitter slack, "
        + "then a scan id by id to the last item, then for each post a recursive descent through `kids` that "
        + "fetches every comment again. A window it cannot finish within ")
        .append(settings.baselineCap().toSeconds())
        .append(" s (predicted from its time per request so far, or cut off) is *scaled*: the time of the largest "
            + "window it finished, times the ratio of requests it makes for the two windows, counted by replaying "
            + "it over the data in memory.\n");
    md.append("- **command (cold process)**: `./hn-deepest --hours H --as-of T --hn-api URL --json --quiet` run "
            + "through the launcher script as a child process at concurrency ").append(settings.concurrency())
        .append(", with the launcher's JVM flags (C1 only, serial GC, the AppCDS archive the launcher records once per "
            + "build) and the default HTTP client (HttpURLConnection on platform-thread lanes). Its \"now\" is the real "
            + "clock, so it finds every window by id range (its must-read is that route's), never by `/newstories`.\n");
    md.append("- **command (warm, in-process)**: `DeepestThreadFinder` with a fresh `FirebaseHnClient` per run at concurrency ")
        .append(settings.concurrency()).append(", in the benchmark's warm JVM, \"now\" being the window's end. The default, 64 "
            + "requests in flight, at 20 ms per request reads about 3,200 items a second: a day of HN in seconds. "
            + "More would mostly measure this machine's cores, and ask more of a free public API than the question "
            + "needs.\n");
    md.append("- **Go peer**: `benchmark/peer-go` (k-ary search, concurrent scan, one global crawl pool, every item "
            + "once), built with `go build` and run as a child process at the same concurrency and window as the cold "
            + "command. At h=" + TargetCheck.PEER_HOURS.stream().map(String::valueOf).collect(Collectors.joining(" and h="))
            + ", after the reported rows, the two run " + Benchmark.DUEL_PAIRS + " more times each, alternating, and "
            + "the target compares their medians: a single run of either varies by more than the gap between them.")
        .append(results.goPeerMissing().map(why -> " Not measured in this run: " + why + ".").orElse(""))
        .append("\n");
    md.append("- **job stack**: `LocalStack` as template.yaml deploys it (moto with IAM enforced, the real "
            + "submit, worker and status handlers, the event source's batch size and window), ")
        .append(settings.workers()).append(" queue workers (WorkerMaxConcurrency), HN concurrency ")
        .append(settings.stackConcurrency()).append(" (HnConcurrency) per worker invocation (its messages share one client); each job is submitted with `POST /jobs` and polled "
            + "with `GET /jobs/{id}` every ").append(JobStackRunner.POLL_EVERY.toMillis())
        .append(" ms until `SUCCEEDED`. The stack is started once, before the runs.\n");
    md.append("- **Warm-up**: one unreported h=1 run of every approach comes first, so the benchmark's JIT has "
        + "compiled the hot paths, as in a long-lived worker, and the launcher has recorded its class archive; windows "
        + "then run in ascending order.\n");
    md.append("- Every answer (post, depth, comments, deepest path, posts considered) was checked against the "
        + "baseline's answer for the same window; the benchmark fails instead of writing this file when any "
        + "differs.\n\n");

    md.append("## Results\n\n");
    md.append(table(results));
    results.stackMemory().ifPresent(memory -> md.append("\nMemory pass: the job stack answered h=")
        .append(memory.hours()).append(" once more, untimed, with a full GC every ")
        .append(LiveHeapProbe.EVERY.toMillis()).append(" ms: all ").append(settings.workers())
        .append(" workers (and the API) held at most ").append(megabytes(memory.liveBytes()))
        .append(" MB of live heap together, above the idle heap.\n"));
    if (!results.unfinishedBaselines().isEmpty()) {
      md.append("\nThe baseline did not finish within the cap for h=").append(results.unfinishedBaselines())
          .append(", and no smaller window finished to scale from.\n");
    }
    variants(md, results);
    cost(md, results);
    md.append("\n## Targets\n\n| target | verdict | measured |\n|---|---|---|\n");
    for (var target : targets) {
      md.append("| ").append(target.target()).append(" | ").append(target.verdict()).append(" | ")
          .append(target.measured()).append(" |\n");
    }
    md.append("\n## How it is measured\n\n");
    md.append("- **wall s**: from the first request to the answer; for the job stack from `POST /jobs` to the poll "
        + "that saw `SUCCEEDED`.\n");
    md.append("- **HN requests**, **distinct items**: counted by the replica (`ReplicaStats`), reset before each "
        + "run; every endpoint counts as a request, `/item` ids as items. A scaled baseline row shows the counts "
        + "of its in-memory replay.\n");
    md.append("- **must-read** (`RequestBound`, computed from the data set, not from a run): the window's posts "
        + "and their comment trees as of asOf (every id listed in `kids`, a null one too, but not the replies of "
        + "a comment later than asOf), plus the discovery's unavoidable probes: the API has no index by time, "
        + "so every id from the window's first item to its last must be read (any could be a post), unless the "
        + "window ends now and `/newstories` reaches back past its start, which then replaces the range; plus "
        + "`/maxitem` or the list. Left out: the search for the range's ends (about 15 round-trips), so the "
        + "limit is slightly optimistic.\n");
    md.append("- **limit s** (the request-bound limit): must-read × mean latency ÷ concurrency, the concurrency in "
        + "brackets: 1 for the baseline, the configured bound for the command and the Go peer, and for the job stack "
        + "the concurrency it really had: the most requests the replica saw in flight at once (at most workers × "
        + "HnConcurrency). No run can beat it on average: each request waits its latency, and never more than that "
        + "many wait at once. **× limit** = wall ÷ limit.\n");
    md.append("- **CPU s**, **CPU ms/req**: user + system CPU time of the run, and that over the HN requests the replica "
        + "counted. Cold command and Go peer: the whole child process, from `/proc/PID/stat` (the `cutime` + `cstime` "
        + "of a `sh` that waited for it; the launcher script's own work included). Warm command and job stack: this "
        + "JVM's process CPU time less the replica's threads' (`ThreadMXBean`), so it holds the job stack's API, "
        + "pollers, handlers and SDK clients, and the JIT and GC of the whole JVM (an upper bound); moto runs in its "
        + "own process and is not counted. The baseline's is not measured.\n");
    md.append("- **heap MB used / live**: peaks of the whole JVM above its idle heap, measured after a "
        + "`System.gc()` just before the run (the idle heap holds the data set and the replica). *used*: "
        + "`MemoryMXBean` heap used, sampled every ").append(HeapSampler.EVERY.toMillis())
        .append(" ms on a background thread, garbage included; *after GC*: heap used right after each GC during "
            + "the run, from the collectors' notifications (— when no GC ran); after a young GC that still "
            + "counts old garbage, so both are upper bounds. The **memory pass** measures live heap exactly "
            + "(`LiveHeapProbe`: a full GC every ").append(LiveHeapProbe.EVERY.toMillis())
        .append(" ms, heap used right after it) in a separate run of the largest window, since the pauses would "
            + "distort the timed one. The job stack's workers share this JVM, so its figure bounds the sum of "
            + "all workers' heaps, and so each one's.\n");
    md.append("- **SQS sent / delivered**: SendMessage calls plus SendMessageBatch entries (counted by the SDK "
        + "interceptor `AwsCallCounter`), and messages the pollers handed to workers. **DynamoDB reads / writes**: "
        + "GetItem, Query, Scan, BatchGetItem calls / PutItem, UpdateItem, DeleteItem, BatchWriteItem, "
        + "TransactWriteItems calls; the reads include one GetItem per status poll (polls in brackets).\n");
    return md.toString();
  }

  /** The results table, also printed on the console. */
  static String table(BenchmarkResults results) {
    var latency = results.settings().latency();
    var md = new StringBuilder();
    md.append("| h | approach | wall s | × limit | limit s (concurrency) | CPU s | CPU ms/req | HN requests | "
        + "distinct items | req/item | must-read | heap MB used / after GC | SQS sent / delivered | "
        + "DynamoDB reads / writes (polls) | load |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var row : results.rows()) {
      md.append("| ").append(row.hours())
          .append(" | ").append(row.approach().label())
          .append(" | ").append(row.scaled()
              ? "≈ " + seconds(row.seconds()) + " (scaled from h=" + row.scaledFromHours().getAsInt() + ")"
              : seconds(row.seconds()))
          .append(" | ").append(format(row.timesLimit(latency)))
          .append(" | ").append(seconds(row.limit(latency))).append(" (").append(row.concurrency()).append(")")
          .append(" | ").append(row.cpuNanos().isPresent() ? seconds(row.cpuNanos().getAsLong() / 1e9) : "—")
          .append(" | ").append(row.cpuMillisPerRequest().isPresent()
              ? String.format(Locale.ROOT, "%.3f", row.cpuMillisPerRequest().getAsDouble()) : "—")
          .append(" | ").append(row.requests())
          .append(" | ").append(row.distinctItems())
          .append(" | ").append(String.format(Locale.ROOT, "%.3f", row.requestsPerItem()))
          .append(" | ").append(row.bound().mustRead())
          .append(" | ").append(row.heap()
              .map(peak -> megabytes(peak.usedBytes()) + " / " + (peak.liveBytes() < 0 ? "—" : megabytes(peak.liveBytes())))
              .orElse("—"))
          .append(" | ").append(row.stackCost().map(cost -> cost.sqsSent() + " / " + cost.sqsDelivered()).orElse("—"))
          .append(" | ").append(row.stackCost()
              .map(cost -> cost.dynamoReads() + " / " + cost.dynamoWrites() + " (" + cost.statusPolls() + ")")
              .orElse("—"))
          .append(" | ").append(row.loadAverage() < 0 ? "—" : String.format(Locale.ROOT, "%.1f", row.loadAverage()))
          .append(" |\n");
    }
    return md.toString();
  }

  /** The cold command at h=24 with other JVM flags and the other HTTP client, in the same run. */
  private static void variants(StringBuilder md, BenchmarkResults results) {
    if (results.variants().isEmpty()) {
      return;
    }
    var latency = results.settings().latency();
    md.append("\n### The cold command at h=").append(Benchmark.VARIANT_HOURS)
        .append(": JVM flags and HTTP client\n\n");
    md.append("The same cold `./hn-deepest` run as the h=").append(Benchmark.VARIANT_HOURS)
        .append(" row, right after it, with other JVM flags (`HN_DEEPEST_JVM_FLAGS` replaces the launcher's) or the "
            + "other HTTP client (`-Dhn.httpClient=java-net-http`) or virtual threads for the HN lanes "
            + "(`-Dhn.ioThreads=virtual`); answers agreed in every run. ")
        .append(launcherVerdict(results.variants())).append("\n\n");
    md.append("| variant | wall s | × limit | CPU s | CPU ms/req | HN requests |\n|---|---:|---:|---:|---:|---:|\n");
    for (var variant : results.variants()) {
      var row = variant.row();
      md.append("| ").append(variant.variant().label())
          .append(" | ").append(seconds(row.seconds()))
          .append(" | ").append(format(row.timesLimit(latency)))
          .append(" | ").append(seconds(row.cpuNanos().orElse(0) / 1e9))
          .append(" | ").append(String.format(Locale.ROOT, "%.3f", row.cpuMillisPerRequest().orElse(0)))
          .append(" | ").append(row.requests()).append(" |\n");
    }
  }

  /** Whether the launcher's own choice (the variant with no environment) used the least CPU per request of them all. */
  static String launcherVerdict(List<BenchmarkResults.VariantRow> variants) {
    var cheapest = variants.stream()
        .filter(v -> v.row().cpuMillisPerRequest().isPresent())
        .min(java.util.Comparator.comparingDouble(v -> v.row().cpuMillisPerRequest().getAsDouble()));
    if (cheapest.isEmpty()) {
      return "No variant's CPU was measured.";
    }
    return cheapest.get().variant().environment().isEmpty()
        ? "The launcher's choice used the least CPU per request."
        : "In this run \"" + cheapest.get().variant().label() + "\" used less CPU per request than the launcher's choice.";
  }

  /** Dollars per job from the job stack's counted calls and measured time, for h=24 and h=720. */
  private static void cost(StringBuilder md, BenchmarkResults results) {
    var worker = results.worker();
    double memoryGb = worker.memoryMb() / 1024.0;
    double vcpus = worker.memoryMb() / Prices.MB_PER_VCPU;
    var rows = java.util.stream.Stream.of(24, 720)
        .flatMap(h -> results.row(Approach.JOB_STACK, h).stream())
        .toList();
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n### Cost per job\n\n");
    md.append("From the job stack rows: the worker at its template memory, ").append(worker.memoryMb())
        .append(" MB (").append(String.format(Locale.ROOT, "%.2f", vcpus)).append(" vCPU on Lambda, which gives one "
            + "vCPU per 1,769 MB), `JAVA_TOOL_OPTIONS` `").append(worker.javaToolOptions()).append("`. Prices: ")
        .append(Prices.AS_OF).append(": Lambda $").append(price(Prices.LAMBDA_X86_PER_GB_SECOND)).append(" per GB-s on x86_64, $")
        .append(price(Prices.LAMBDA_ARM64_PER_GB_SECOND)).append(" on arm64, $").append(price(Prices.LAMBDA_PER_MILLION_REQUESTS))
        .append(" per million invocations; SQS standard $").append(price(Prices.SQS_STANDARD_PER_MILLION_REQUESTS))
        .append(" per million requests; DynamoDB on-demand $").append(price(Prices.DYNAMODB_PER_MILLION_WRITE_UNITS))
        .append(" per million write units, $").append(price(Prices.DYNAMODB_PER_MILLION_READ_UNITS))
        .append(" per million read units.\n\n");
    md.append("- **worker duration**: the time the workers spent in their handler, added up (what Lambda bills), or the "
        + "measured CPU time ÷ the vCPUs of that memory if larger (on Lambda the CPU would stretch the run). "
        + "**GB-s** = that × the memory in GB.\n");
    md.append("- **SQS requests**: one send, one receive and one delete per message (an upper bound: the sends, "
        + "receives and deletes are batched by up to 10).\n");
    md.append("- **DynamoDB**: each read counted as one read unit (items under 4 KB, strongly consistent), each write "
        + "as two write units (the batch writes are transactions, which cost two per item under 1 KB); the reads "
        + "include the benchmark's status polls every ").append(JobStackRunner.POLL_EVERY.toMillis())
        .append(" ms (a client polling every few seconds reads less). API Gateway and the submit and status "
            + "functions are per request, not per job size, and left out.\n\n");
    md.append("| h | worker invocations | handler s | CPU s | billed s | GB-s | Lambda x86_64 $ | Lambda arm64 $ | "
        + "SQS requests | SQS $ | DynamoDB reads / writes | DynamoDB $ | total x86_64 $ | total arm64 $ |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var row : rows) {
      var cost = row.stackCost().orElseThrow();
      double handlerSeconds = cost.workerHandlerNanos() / 1e9;
      double cpuSeconds = row.cpuNanos().orElse(0) / 1e9;
      double billed = Math.max(handlerSeconds, cpuSeconds / vcpus);
      double gbSeconds = billed * memoryGb;
      double invocations = cost.workerInvocations() * Prices.LAMBDA_PER_MILLION_REQUESTS / 1e6;
      double x86 = gbSeconds * Prices.LAMBDA_X86_PER_GB_SECOND + invocations;
      double arm = gbSeconds * Prices.LAMBDA_ARM64_PER_GB_SECOND + invocations;
      long sqsRequests = cost.sqsSent() + 2 * cost.sqsDelivered();
      double sqs = sqsRequests * Prices.SQS_STANDARD_PER_MILLION_REQUESTS / 1e6;
      double dynamo = cost.dynamoReads() * Prices.DYNAMODB_PER_MILLION_READ_UNITS / 1e6
          + 2.0 * cost.dynamoWrites() * Prices.DYNAMODB_PER_MILLION_WRITE_UNITS / 1e6;
      md.append("| ").append(row.hours())
          .append(" | ").append(cost.workerInvocations())
          .append(" | ").append(seconds(handlerSeconds))
          .append(" | ").append(seconds(cpuSeconds))
          .append(" | ").append(seconds(billed))
          .append(" | ").append(seconds(gbSeconds))
          .append(" | ").append(dollars(x86))
          .append(" | ").append(dollars(arm))
          .append(" | ").append(sqsRequests)
          .append(" | ").append(dollars(sqs))
          .append(" | ").append(cost.dynamoReads()).append(" / ").append(cost.dynamoWrites())
          .append(" | ").append(dollars(dynamo))
          .append(" | ").append(dollars(x86 + sqs + dynamo))
          .append(" | ").append(dollars(arm + sqs + dynamo)).append(" |\n");
    }
  }

  private static String price(double dollars) {
    return java.math.BigDecimal.valueOf(dollars).stripTrailingZeros().toPlainString();
  }

  private static String dollars(double amount) {
    return String.format(Locale.ROOT, "%.6f", amount);
  }
}
