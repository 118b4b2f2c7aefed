package dev.hndeepest.cli;

import dev.hndeepest.config.AppConfig;
import java.net.URI;
import java.util.HashMap;

/** The functions' configuration for a local stack: the environment's, with the chosen HN API. */
final class StackConfig {
  private StackConfig() {}

  static AppConfig withHnApi(URI hnApi) {
    var env = new HashMap<>(System.getenv());
    env.put("HN_API_BASE_URL", hnApi.toString());
    return AppConfig.from(env);
  }
}
