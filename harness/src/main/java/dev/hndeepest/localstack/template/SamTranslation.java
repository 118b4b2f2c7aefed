package dev.hndeepest.localstack.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hndeepest.json.Json;
import dev.hndeepest.localstack.ProjectVenv;
import dev.hndeepest.localstack.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code template.yaml} after the SAM transform, as {@code sam deploy} hands it to CloudFormation:
 * {@value #SCRIPT} runs aws-sam-translator from the project venv, offline. One translation per
 * template content and parameter set per JVM (about a second each).
 */
final class SamTranslation {
  static final String SCRIPT = "translate_template.py";
  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final Map<String, JsonNode> TRANSLATED = new ConcurrentHashMap<>();
  private static Path scriptCopy;

  private SamTranslation() {}

  /** {"template": translated CloudFormation, "codeUris": {function: CodeUri}}. */
  static JsonNode translate(RepositoryRoot root, Path templateFile, Map<String, String> parameters) {
    String source;
    try {
      source = Files.readString(templateFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + templateFile, e);
    }
    var sortedParameters = new TreeMap<>(parameters);
    var key = sha256(source) + " " + sortedParameters;
    return TRANSLATED.computeIfAbsent(key, ignored -> run(root, templateFile, sortedParameters));
  }

  private static JsonNode run(RepositoryRoot root, Path templateFile, Map<String, String> parameters) {
    var python = new ProjectVenv(root).tool("python");
    Path parametersFile = null;
    Path output = null;
    Path errors = null;
    try {
      parametersFile = Files.createTempFile("hn-deepest-parameters-", ".json");
      Files.writeString(parametersFile, Json.write(parameters));
      output = Files.createTempFile("hn-deepest-translated-", ".json");
      errors = Files.createTempFile("hn-deepest-translate-", ".log");
      var process = new ProcessBuilder(python.toString(), script().toString(), templateFile.toString(),
              parametersFile.toString())
          .redirectOutput(output.toFile())
          .redirectError(errors.toFile())
          .start();
      if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("translating " + templateFile + " took longer than " + DEADLINE);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("aws-sam-translator refused " + templateFile + ":\n"
            + Files.readString(errors, StandardCharsets.UTF_8).strip());
      }
      return Json.read(Files.readString(output, StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot translate " + templateFile, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while translating " + templateFile, e);
    } finally {
      for (var file : new Path[] {parametersFile, output, errors}) {
        deleteQuietly(file);
      }
    }
  }

  /** The script, copied out of the jar once per JVM so Python can run it. */
  private static synchronized Path script() throws IOException {
    if (scriptCopy == null || !Files.isReadable(scriptCopy)) {
      try (var in = SamTranslation.class.getResourceAsStream("/sam/" + SCRIPT)) {
        if (in == null) {
          throw new IOException("/sam/" + SCRIPT + " is missing from the classpath");
        }
        var copy = Files.createTempFile("hn-deepest-", "-" + SCRIPT);
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
        scriptCopy = copy;
      }
    }
    return scriptCopy;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A leftover temp file is harmless.
      }
    }
  }
}
