package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link LambdaLogger} for in-process functions: each line goes to the SLF4J logger {@code lambda.<function>}. */
final class LocalLambdaLogger implements LambdaLogger {
  private final Logger logger;

  LocalLambdaLogger(String functionName) {
    this.logger = LoggerFactory.getLogger("lambda." + functionName);
  }

  @Override
  public void log(String message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
  }

  @Override
  public void log(String message, LogLevel level) {
    var line = message == null ? "null" : message.stripTrailing();
    switch (level == null ? LogLevel.UNDEFINED : level) {
      case TRACE -> logger.trace(line);
      case DEBUG -> logger.debug(line);
      case WARN -> logger.warn(line);
      case ERROR, FATAL -> logger.error(line);
      case INFO, UNDEFINED -> logger.info(line);
    }
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    log(new String(message, StandardCharsets.UTF_8), level);
  }
}
