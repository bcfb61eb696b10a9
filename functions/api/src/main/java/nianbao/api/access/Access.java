package nianbao.api.access;

import java.util.Optional;
import nianbao.core.region.Area;

/**
 * Who may do what: the decision on one request, plain Java (the handler feeds it what the authorizer passed).
 * A role includes the ones below it: an administrator also reviews and reads, a reviewer also reads.
 */
public final class Access {
  private Access() {}

  /** What a route needs: a Cognito group of that name for a person, that custom scope for another system. */
  public enum Role {
    READER("reader", "nianbao/read", "读取"),
    REVIEWER("reviewer", "nianbao/review", "审核"),
    ADMIN("admin", "nianbao/admin", "管理员");

    public final String group;
    public final String scope;
    final String words;

    Role(String group, String scope, String words) {
      this.group = group;
      this.scope = scope;
      this.words = words;
    }
  }

  /** Allowed, or refused with the reason in words (the 403's detail). */
  public record Decision(boolean allowed, String reason) {
    static final Decision ALLOWED = new Decision(true, null);

    static Decision refused(String reason) {
      return new Decision(false, reason);
    }
  }

  /** The place a write acts on: a report's province, city and county (null when its region was not read). */
  public record Place(String what, String province, String city, String county) {}

  /**
   * The scopes API Gateway requires of a route needing {@code role} (any one of them; template.yaml's
   * {@code AuthorizationScopes}): {@code openid}, which a person's token from the hosted sign-in carries (the groups
   * then decide, here), or a system's scope for that role or a higher one.
   */
  public static java.util.List<String> gatewayScopes(Role role) {
    java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("openid"));
    for (Role r : Role.values()) {
      if (r.compareTo(role) >= 0) {
        out.add(r.scope);
      }
    }
    return java.util.List.copyOf(out);
  }

  /** The highest role the caller holds, if any. */
  public static Optional<Role> role(Caller caller) {
    Role best = null;
    for (Role r : Role.values()) {
      boolean holds = switch (caller.kind()) {
        case LOCAL -> true;
        case PERSON -> caller.groups().contains(r.group);
        case CLIENT -> caller.scopes().contains(r.scope);
      };
      if (holds) {
        best = r;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether the caller holds {@code needed} (or a role above it). */
  public static Decision mayAct(Caller caller, Role needed) {
    Optional<Role> held = role(caller);
    if (held.isPresent() && held.get().compareTo(needed) >= 0) {
      return Decision.ALLOWED;
    }
    String how = caller.kind() == Caller.Kind.CLIENT
        ? "应用的令牌须带 scope " + needed.scope + (needed == Role.ADMIN ? "" : " 或更高")
        : "须属于 Cognito 用户组 " + needed.group + (needed == Role.ADMIN ? "" : "（或更高的组）");
    return Decision.refused("此操作需要" + needed.words + "权限：" + how + "；" + caller.described()
        + held.map(r -> "只有" + r.words + "权限").orElse("没有任何权限"));
  }

  /**
   * Whether a caller limited to a region may act on {@code place}; callers not limited (the local user, other
   * systems, persons without {@code custom:region}) may act anywhere.
   */
  public static Decision mayActOn(Caller caller, Place place) {
    Area area = caller.area();
    if (area == null) {
      return Decision.ALLOWED;
    }
    if (place.province() == null) {
      return Decision.refused(caller.described() + "限于" + area + "，" + place.what()
          + "的地区未能识别，不能确认在其范围内；请由不限地区的用户处理");
    }
    if (area.contains(place.province(), place.city(), place.county())) {
      return Decision.ALLOWED;
    }
    String there = place.province() + (place.city() == null ? "" : place.city())
        + (place.county() == null ? "" : place.county());
    return Decision.refused(caller.described() + "限于" + area + "，" + place.what() + "属于" + there + "，不在其范围内");
  }
}
