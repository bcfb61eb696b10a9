package nianbao.local.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of an HTTP API, matched as API Gateway matches them: a route names a method ({@code ANY} for all)
 * and a path whose segments are literal, {@code {name}} or a final greedy {@code {name+}}; the most specific
 * match wins (more literal segments, then no greedy segment, then a named method over ANY), and
 * {@code $default} takes whatever no route matched.
 */
final class HttpApiRoutes {
  /**
   * A matched route: its key as API Gateway reports it, its target, the path parameters, and its authorization
   * type ({@code NONE}, {@code JWT}…).
   */
  record Match(String routeKey, LocalFunction target, Map<String, String> pathParameters, String authorization) {}

  private record Route(String key, String method, List<String> segments, LocalFunction target,
      String authorization) {}

  private final List<Route> routes = new ArrayList<>();
  private Route fallback;

  void add(FunctionSpec.Route route, LocalFunction target) {
    if (route.key().equals("$default")) {
      fallback = new Route("$default", "ANY", List.of(), target, route.authorization());
      return;
    }
    String[] parts = route.key().split(" ", 2);
    routes.add(new Route(route.key(), parts[0], segments(parts[1]), target, route.authorization()));
  }

  boolean isEmpty() {
    return routes.isEmpty() && fallback == null;
  }

  List<String> keys() {
    List<String> keys = new ArrayList<>(routes.stream().map(Route::key).toList());
    if (fallback != null) {
      keys.add("$default");
    }
    return keys;
  }

  /** The route for a request, or null: API Gateway answers 404 then. */
  Match match(String method, String path) {
    List<String> segments = segments(path);
    Match best = null;
    int bestScore = -1;
    for (Route route : routes) {
      if (!route.method().equals("ANY") && !route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      int literals = bind(route.segments(), segments, params);
      if (literals < 0) {
        continue;
      }
      boolean greedy = !route.segments().isEmpty() && route.segments().get(route.segments().size() - 1).endsWith("+}");
      int score = literals * 4 + (greedy ? 0 : 2) + (route.method().equals("ANY") ? 0 : 1);
      if (score > bestScore) {
        bestScore = score;
        best = new Match(route.key(), route.target(), params, route.authorization());
      }
    }
    if (best == null && fallback != null) {
      return new Match("$default", fallback.target(), Map.of(), fallback.authorization());
    }
    return best;
  }

  /** Number of literal segments matched, or -1 when the route does not match. */
  private static int bind(List<String> pattern, List<String> path, Map<String, String> params) {
    int literals = 0;
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (p.startsWith("{") && p.endsWith("+}")) {
        if (i >= path.size()) {
          return -1;
        }
        params.put(p.substring(1, p.length() - 2), String.join("/", path.subList(i, path.size())));
        return literals;
      }
      if (i >= path.size()) {
        return -1;
      }
      if (p.startsWith("{") && p.endsWith("}")) {
        params.put(p.substring(1, p.length() - 1), path.get(i));
      } else if (p.equals(path.get(i))) {
        literals++;
      } else {
        return -1;
      }
    }
    return pattern.size() == path.size() ? literals : -1;
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    return segments;
  }
}
