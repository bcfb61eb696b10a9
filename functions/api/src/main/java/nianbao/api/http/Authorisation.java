package nianbao.api.http;

import nianbao.api.access.Access;

/**
 * Who may call a route. Defence in depth behind API Gateway's JWT authorizer: when {@code required}, a protected
 * route (a write, or any route when {@code protectReads}) whose request carries no authorizer principal is refused
 * with a 401, so a write cannot slip through the open catch-all route under another spelling of its path. Then the
 * caller must hold the route's role (Cognito group or scope: {@link Access#mayAct}), and a caller limited to a
 * region may write only on places inside it ({@link Access#mayActOn}; reads are not limited): 403 with the reason
 * otherwise.
 *
 * @param places the place a request acts on (a report's, a roster's), read only for callers limited to a region
 */
public record Authorisation(boolean required, boolean protectReads, Places places) {

  /** The place a protected request acts on, or null when it acts on none a region could limit (an upload). */
  @FunctionalInterface
  public interface Places {
    Access.Place of(Route route, Request request);

    Places NONE = (route, request) -> null;
  }

  public Authorisation(boolean required, boolean protectReads) {
    this(required, protectReads, Places.NONE);
  }

  /** @throws Problem 401 with {@code WWW-Authenticate: Bearer}, or 403 saying why */
  public void check(Route route, Request request) {
    boolean needs = route.protectedRoute() || protectReads;
    if (required && needs && request.principal() == null) {
      throw new Problem(Problem.Type.UNAUTHORIZED, request.method() + " " + route.path()
          + " 需要登录：请求须带有效的 Authorization: Bearer 令牌").header("WWW-Authenticate", "Bearer");
    }
    Access.Role role = route.role() != null ? route.role() : protectReads ? Access.Role.READER : null;
    if (role == null) {
      return;
    }
    refuse(Access.mayAct(request.caller(), role));
    if (role != Access.Role.READER && request.caller().area() != null) {
      Access.Place place = places.of(route, request);
      if (place != null) {
        refuse(Access.mayActOn(request.caller(), place));
      }
    }
  }

  private static void refuse(Access.Decision d) {
    if (!d.allowed()) {
      throw new Problem(Problem.Type.FORBIDDEN, d.reason());
    }
  }
}
