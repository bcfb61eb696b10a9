package nianbao.api.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a method and path against the route table: literal segments and {@code {name}} segments (one
 * percent-decoded segment each). A path no route has is 404; a path some route has, with another method, is 405
 * with {@code Allow}. HEAD is served by the GET route. No trailing-slash or case folding: a path is what it is,
 * so a protected route cannot be reached under another spelling through the catch-all.
 */
public final class Router {
  /** The route that matched and the request with its path parameters. */
  public record Match(Route route, Request request) {}

  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
    Set<String> seen = new java.util.HashSet<>();
    for (Route r : routes) {
      if (!seen.add(r.method() + " " + r.path())) {
        throw new IllegalArgumentException("route declared twice: " + r.method() + " " + r.path());
      }
    }
  }

  public List<Route> routes() {
    return routes;
  }

  /** @throws Problem 404 or 405 */
  public Match match(Request request) {
    String method = request.method().equals("HEAD") ? "GET" : request.method();
    List<String> segments = Route.split(request.path());
    Set<String> allowed = new LinkedHashSet<>();
    Match best = null;
    int bestLiterals = -1;
    for (Route route : routes) {
      Map<String, String> params = bind(route.segments(), segments);
      if (params == null) {
        continue;
      }
      allowed.add(route.method());
      if (route.method().equals(method)) {
        // a literal segment beats a parameter (/uploads/status over /uploads/{x}, were there one)
        int literals = (int) route.segments().stream().filter(s -> !s.startsWith("{")).count();
        if (literals > bestLiterals) {
          best = new Match(route, request.withPathParams(params));
          bestLiterals = literals;
        }
      }
    }
    if (best != null) {
      return best;
    }
    if (allowed.isEmpty()) {
      throw Problem.notFound("没有这个地址：" + request.path());
    }
    throw Problem.methodNotAllowed(request.method(), request.path(), allowedWithImplicit(allowed));
  }

  /** The methods a path answers (with HEAD for GET, and OPTIONS), or empty when no route has the path. */
  public List<String> allowedMethods(String path) {
    List<String> segments = Route.split(path);
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      if (bind(route.segments(), segments) != null) {
        allowed.add(route.method());
      }
    }
    return allowed.isEmpty() ? List.of() : allowedWithImplicit(allowed);
  }

  private static List<String> allowedWithImplicit(Set<String> methods) {
    List<String> out = new ArrayList<>(methods);
    if (methods.contains("GET")) {
      out.add(out.indexOf("GET") + 1, "HEAD");
    }
    out.add("OPTIONS");
    return out;
  }

  private static Map<String, String> bind(List<String> pattern, List<String> path) {
    if (pattern.size() != path.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      String s = path.get(i);
      if (p.startsWith("{") && p.endsWith("}")) {
        String value;
        try {
          value = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
        if (value.isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), value);
      } else if (!p.equals(s)) {
        return null;
      }
    }
    return params;
  }
}
