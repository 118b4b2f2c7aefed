package dev.hndeepest.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static ApiRoute route(String method, String resource, String function) {
    return HandMadeRoutes.route(method, resource, function, () -> (event, context) -> new APIGatewayProxyResponseEvent());
  }

  private final RouteTable table = new RouteTable(List.of(
      route("POST", "/jobs", "submit"),
      route("GET", "/jobs/{id}", "status"),
      route("DELETE", "/jobs/{id}", "cancel"),
      route("GET", "/jobs/stats", "stats"),
      route("ANY", "/anything", "catch-all")));

  @Test
  void match_shouldFindRouteWithPathParameters_whenPathFitsTemplate() {
    // WHEN
    var match = table.match("GET", List.of("jobs", "abc"));

    // THEN
    assertThat(match).isInstanceOfSatisfying(RouteTable.RouteMatch.Found.class, found -> {
      assertThat(found.route().functionName()).isEqualTo("status");
      assertThat(found.pathParameters()).isEqualTo(Map.of("id", "abc"));
    });
  }

  @Test
  void match_shouldPreferLiteralSegment_whenVariableAlsoFits() {
    // WHEN
    var match = table.match("GET", List.of("jobs", "stats"));

    // THEN
    assertThat(match).isInstanceOfSatisfying(RouteTable.RouteMatch.Found.class,
        found -> assertThat(found.route().functionName()).isEqualTo("stats"));
  }

  @Test
  void match_shouldListAllowedMethods_whenMethodIsWrong() {
    // WHEN
    var match = table.match("PUT", List.of("jobs", "abc"));

    // THEN
    assertThat(match).isEqualTo(new RouteTable.RouteMatch.MethodNotAllowed(
        new java.util.TreeSet<>(List.of("DELETE", "GET"))));
  }

  @Test
  void match_shouldReportNotFound_whenNoTemplateFits() {
    // WHEN / THEN
    assertThat(table.match("GET", List.of("nope"))).isInstanceOf(RouteTable.RouteMatch.NotFound.class);
    assertThat(table.match("GET", List.of("jobs", "a", "b"))).isInstanceOf(RouteTable.RouteMatch.NotFound.class);
    assertThat(table.match("GET", List.of("jobs", ""))).isInstanceOf(RouteTable.RouteMatch.NotFound.class);
  }

  @Test
  void match_shouldAcceptEveryMethod_whenRouteIsAny() {
    // WHEN / THEN
    assertThat(table.match("PATCH", List.of("anything"))).isInstanceOf(RouteTable.RouteMatch.Found.class);
  }

  @Test
  void constructor_shouldRefuse_whenTwoRoutesShareMethodAndResource() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> new RouteTable(List.of(route("GET", "/a", "x"), route("GET", "/a", "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GET /a");
  }

  @Test
  void parse_shouldRefuseGreedyVariable_whenTemplateUsesOne() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> ResourceTemplate.parse("/{proxy+}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{proxy+}");
  }
}
