package dev.hndeepest.localstack;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.hndeepest.localstack.template.FunctionDefinition;
import dev.hndeepest.localstack.template.UnsupportedTemplateException;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.Map;

/**
 * Builds a function's handler the way Lambda's Java runtime does, in this JVM: the class the
 * template's {@code Handler} names, constructed once per execution environment. Lambda calls the
 * no-argument constructor, which reads {@code System.getenv()}; a JVM cannot be given another
 * environment, so the local stack calls the handler's {@code (Map<String, String>, Clock)}
 * constructor, which the no-argument one delegates to with the process environment and the system
 * clock.
 */
public final class FunctionHandlers {
  private FunctionHandlers() {}

  /** The handler of {@code function} built with {@code environment}; its own failure if it cannot start. */
  public static RequestHandler<?, ?> instantiate(FunctionDefinition function, Map<String, String> environment,
      Clock clock) {
    if (!function.handlerMethod().equals("handleRequest")) {
      throw new UnsupportedTemplateException(function.logicalId() + ": the local stack runs RequestHandler "
          + "classes (Handler: class::handleRequest), not " + function.handler());
    }
    Class<?> type;
    try {
      type = Class.forName(function.handlerClass());
    } catch (ClassNotFoundException e) {
      throw new FunctionInitException(function.logicalId(), "no class " + function.handlerClass() + " (its Handler)", e);
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new UnsupportedTemplateException(function.handlerClass() + " is not a RequestHandler");
    }
    try {
      return (RequestHandler<?, ?>) type.getConstructor(Map.class, Clock.class).newInstance(environment, clock);
    } catch (NoSuchMethodException e) {
      throw new UnsupportedTemplateException(function.handlerClass() + " has no (Map<String, String>, Clock) "
          + "constructor, which the local stack calls where Lambda calls the no-argument one");
    } catch (InvocationTargetException e) {
      throw new FunctionInitException(function.logicalId(), e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new FunctionInitException(function.logicalId(), e.toString(), e);
    }
  }

  /** A function that failed to start, as Lambda reports an init error: its name and why. */
  public static final class FunctionInitException extends IllegalStateException {
    FunctionInitException(String function, String reason, Throwable cause) {
      super(function + " failed to initialise: " + reason, cause);
    }
  }
}
