package dev.hndeepest.localstack;

import dev.hndeepest.localstack.template.RestApiDefinition.GatewayResponse;
import java.time.Duration;
import java.util.Map;

/**
 * How the local API Gateway listens and which of API Gateway's REST API quotas it enforces.
 *
 * @param port 0 picks a free port
 * @param maxBodyBytes request payloads above this get 413 (API Gateway REST: 10 MB)
 * @param maxUrlLength URLs (path and query) longer than this get 414 (edge-optimized API: 8192)
 * @param integrationTimeout a handler still running after this gets 504 (API Gateway: 29 s), unless
 *     its function's own timeout comes first (a function error: 502)
 * @param gatewayResponses API Gateway's own answers by type, as the template defines them (unknown
 *     route or method, request too large, integration failure or timeout); a type the template
 *     leaves out gets API Gateway's default
 */
public record BridgeSettings(
    String host, int port, String stage, long maxBodyBytes, int maxUrlLength, Duration integrationTimeout,
    Map<String, GatewayResponse> gatewayResponses) {
  public static final int DEFAULT_PORT = 3000;
  public static final long API_GATEWAY_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int API_GATEWAY_MAX_URL_LENGTH = 8192;
  public static final Duration API_GATEWAY_INTEGRATION_TIMEOUT = Duration.ofSeconds(29);

  public BridgeSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    if (stage == null || !stage.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("stage must be letters, digits, '-' or '_', got " + stage);
    }
    if (maxBodyBytes < 0 || maxUrlLength < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (integrationTimeout.isNegative() || integrationTimeout.isZero()) {
      throw new IllegalArgumentException("integration timeout must be positive");
    }
    gatewayResponses = Map.copyOf(gatewayResponses);
  }

  /** 127.0.0.1:3000, stage {@code local} and API Gateway's default responses until the template says otherwise. */
  public static BridgeSettings defaults() {
    return new BridgeSettings("127.0.0.1", DEFAULT_PORT, "local",
        API_GATEWAY_MAX_BODY_BYTES, API_GATEWAY_MAX_URL_LENGTH, API_GATEWAY_INTEGRATION_TIMEOUT, Map.of());
  }

  public BridgeSettings withPort(int newPort) {
    return new BridgeSettings(host, newPort, stage, maxBodyBytes, maxUrlLength, integrationTimeout, gatewayResponses);
  }

  /** The stage the events name (the template's {@code StageName}); it is not part of the local URLs. */
  public BridgeSettings withStage(String newStage) {
    return new BridgeSettings(host, port, newStage, maxBodyBytes, maxUrlLength, integrationTimeout, gatewayResponses);
  }

  public BridgeSettings withGatewayResponses(Map<String, GatewayResponse> responses) {
    return new BridgeSettings(host, port, stage, maxBodyBytes, maxUrlLength, integrationTimeout, responses);
  }

  public BridgeSettings withMaxBodyBytes(long newMaxBodyBytes) {
    return new BridgeSettings(host, port, stage, newMaxBodyBytes, maxUrlLength, integrationTimeout, gatewayResponses);
  }

  public BridgeSettings withIntegrationTimeout(Duration newTimeout) {
    return new BridgeSettings(host, port, stage, maxBodyBytes, maxUrlLength, newTimeout, gatewayResponses);
  }
}
