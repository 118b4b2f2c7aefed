package dev.hndeepest.localstack;

import dev.hndeepest.config.AppConfig;
import dev.hndeepest.job.JobApplication;
import dev.hndeepest.status.JobStatusHandler;
import dev.hndeepest.submit.SubmitJobHandler;
import dev.hndeepest.worker.WorkerHandler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plugs the three real Lambda handlers into a local stack. Handler instances built for the same
 * config share one {@link JobApplication}, as the handlers of one container share their clients.
 */
public final class RealHandlers {
  private final Clock clock;
  private final Map<AppConfig, JobApplication> applications = new ConcurrentHashMap<>();

  /** @param clock "now" for the jobs: the system clock, or a shifted one to replay a snapshot */
  public RealHandlers(Clock clock) {
    this.clock = clock;
  }

  public LocalStackOptions.Builder install(LocalStackOptions.Builder builder) {
    return builder
        .submitHandler(config -> new SubmitJobHandler(application(config).jobsApi()))
        .statusHandler(config -> new JobStatusHandler(application(config).jobsApi()))
        .workerHandler(config -> new WorkerHandler(application(config).workProcessor()));
  }

  private JobApplication application(AppConfig config) {
    return applications.computeIfAbsent(config, key -> JobApplication.fromConfig(key, clock));
  }
}
