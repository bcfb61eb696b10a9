package nianbao.api.access;

import java.util.Set;
import nianbao.core.region.Area;

/**
 * Who sent a request, as the API Gateway JWT authorizer established it.
 *
 * <ul>
 *   <li>{@link Kind#LOCAL}: no authorizer ran (the local stack without sign-in, tests, a handler run by hand): the
 *       one local user, who may do everything.</li>
 *   <li>{@link Kind#PERSON}: a person's Cognito token (it names a user: {@code username}, {@code cognito:username}, or
 *       carries {@code cognito:groups}). What a person may do is given by the pool's groups only, never by the
 *       token's scopes (the page's app client grants the same scopes to every person); {@code area} is the
 *       person's {@code custom:region}, null when the person is not limited to a region.</li>
 *   <li>{@link Kind#CLIENT}: another system's token (client-credentials grant: no user, no groups): what it may do
 *       is given by its custom scopes ({@code nianbao/read}, {@code nianbao/review}, {@code nianbao/admin}).</li>
 * </ul>
 */
public record Caller(Kind kind, String principal, Set<String> groups, Set<String> scopes, Area area) {

  public enum Kind { LOCAL, PERSON, CLIENT }

  public static final Caller LOCAL = new Caller(Kind.LOCAL, null, Set.of(), Set.of(), null);

  public Caller {
    groups = Set.copyOf(groups);
    scopes = Set.copyOf(scopes);
  }

  /**
   * The caller a token's claims describe.
   *
   * @param claims the authorizer's claims (null when no authorizer ran)
   * @param scopes the token's scopes as the authorizer passed them (payload 2.0 {@code jwt.scopes}), else read from
   *               the {@code scope} claim
   */
  public static Caller of(java.util.Map<String, String> claims, java.util.List<String> scopes) {
    if (claims == null || claims.isEmpty()) {
      return LOCAL;
    }
    Set<String> groups = words(claims.get("cognito:groups"));
    Set<String> granted = new java.util.TreeSet<>(words(claims.get("scope")));
    if (scopes != null) {
      granted.addAll(scopes);
    }
    boolean person = claims.containsKey("username") || claims.containsKey("cognito:username") || !groups.isEmpty();
    String principal = claims.getOrDefault("sub", "jwt");
    return person
        ? new Caller(Kind.PERSON, principal, groups, granted, Area.parse(claims.get(Area.CLAIM)))
        : new Caller(Kind.CLIENT, principal, Set.of(), granted, null);
  }

  /**
   * The words of a claim as API Gateway's HTTP API passes it: an array flattened to text ({@code [admin reviewer]}),
   * a JSON array's text, or space-separated words ({@code scope}).
   */
  static Set<String> words(String claim) {
    if (claim == null || claim.isBlank()) {
      return Set.of();
    }
    Set<String> out = new java.util.TreeSet<>();
    for (String w : claim.replaceAll("[\\[\\]\"]", " ").split("[\\s,]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** For the 403's detail: who was refused, in words. */
  String described() {
    return switch (kind) {
      case LOCAL -> "本地用户";
      case PERSON -> "用户 " + principal + (groups.isEmpty() ? "（不属于任何用户组）" : "（用户组 " + String.join("、", groups) + "）");
      case CLIENT -> "应用 " + principal + (scopes.isEmpty() ? "（令牌没有 scope）" : "（scope " + String.join(" ", scopes) + "）");
    };
  }
}
