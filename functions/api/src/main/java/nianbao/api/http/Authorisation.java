package nianbao.api.http;

/**
 * Defence in depth behind API Gateway's JWT authorizer: when {@code required}, a protected route (a write, or any
 * route when {@code protectReads}) whose request carries no authorizer principal is refused with a 401, so a write
 * cannot slip through the open catch-all route under another spelling of its path.
 */
public record Authorisation(boolean required, boolean protectReads) {

  /** @throws Problem 401 with {@code WWW-Authenticate: Bearer} */
  public void check(Route route, Request request) {
    boolean needs = route.protectedRoute() || protectReads;
    if (required && needs && request.principal() == null) {
      throw new Problem(Problem.Type.UNAUTHORIZED, request.method() + " " + route.path()
          + " 需要登录：请求须带有效的 Authorization: Bearer 令牌").header("WWW-Authenticate", "Bearer");
    }
  }
}
