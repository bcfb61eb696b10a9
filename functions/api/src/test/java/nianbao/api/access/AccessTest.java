package nianbao.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nianbao.api.access.Access.Place;
import nianbao.api.access.Access.Role;
import nianbao.core.region.Area;
import org.junit.jupiter.api.Test;

/** The decision alone: groups, scopes and region → allowed, or refused saying why. */
class AccessTest {
  static final Place XINXIANG_COUNTY = new Place("报告 x", "河南省", "新乡市", "新乡县");

  static Caller person(String groups, String region) {
    Map<String, String> claims = new java.util.HashMap<>(Map.of("sub", "p-1", "username", "p@example.org",
        "cognito:groups", groups, "scope", "openid email"));
    if (region != null) {
      claims.put("custom:region", region);
    }
    return Caller.of(claims, List.of("openid", "email"));
  }

  static Caller client(String scope) {
    return Caller.of(Map.of("sub", "client-1", "client_id", "client-1", "token_use", "access", "scope", scope),
        List.of(scope.split(" ")));
  }

  @Test
  void theRolesOfAPersonAreItsGroupsAndEachIncludesTheOnesBelow() {
    assertTrue(Access.mayAct(person("[reader]", null), Role.READER).allowed());
    assertFalse(Access.mayAct(person("[reader]", null), Role.REVIEWER).allowed());
    assertTrue(Access.mayAct(person("[reviewer]", null), Role.REVIEWER).allowed());
    assertTrue(Access.mayAct(person("[reviewer]", null), Role.READER).allowed());
    assertFalse(Access.mayAct(person("[reviewer]", null), Role.ADMIN).allowed());
    assertTrue(Access.mayAct(person("[admin]", null), Role.REVIEWER).allowed());
    assertTrue(Access.mayAct(person("[reader admin]", null), Role.ADMIN).allowed());
    Access.Decision none = Access.mayAct(person("[]", null), Role.READER);
    assertFalse(none.allowed());
    assertTrue(none.reason().contains("reader") && none.reason().contains("没有任何权限"), none.reason());
    Access.Decision reader = Access.mayAct(person("[reader]", null), Role.REVIEWER);
    assertTrue(reader.reason().contains("reviewer") && reader.reason().contains("只有读取权限"), reader.reason());
  }

  @Test
  void aPersonsScopesGrantNothingSinceThePageGrantsThemToEveryone() {
    Caller c = Caller.of(Map.of("sub", "p", "username", "p", "scope", "openid nianbao/admin"),
        List.of("openid", "nianbao/admin"));
    assertEquals(Caller.Kind.PERSON, c.kind());
    assertFalse(Access.mayAct(c, Role.READER).allowed());
  }

  @Test
  void aSystemsRightsAreItsScopesWhetherPassedAsScopesOrOnlyAsTheClaim() {
    assertEquals(Caller.Kind.CLIENT, client("nianbao/review").kind());
    assertTrue(Access.mayAct(client("nianbao/review"), Role.REVIEWER).allowed());
    assertTrue(Access.mayAct(client("nianbao/admin"), Role.REVIEWER).allowed());
    Access.Decision read = Access.mayAct(client("nianbao/read"), Role.REVIEWER);
    assertFalse(read.allowed());
    assertTrue(read.reason().contains("scope nianbao/review"), read.reason());
    assertFalse(Access.mayAct(client("nianbao/review"), Role.ADMIN).allowed());
    Caller claimOnly = Caller.of(Map.of("sub", "c", "client_id", "c", "scope", "nianbao/review"), null);
    assertTrue(Access.mayAct(claimOnly, Role.REVIEWER).allowed());
    // a client's token has no groups: a cognito:groups-looking scope grants nothing
    assertFalse(Access.mayAct(client("reviewer"), Role.REVIEWER).allowed());
  }

  @Test
  void withoutAnAuthorizerTheOneLocalUserMayDoEverythingAnywhere() {
    Caller local = Caller.of(null, null);
    assertEquals(Caller.LOCAL, local);
    assertTrue(Access.mayAct(local, Role.ADMIN).allowed());
    assertTrue(Access.mayActOn(local, new Place("报告 y", null, null, null)).allowed());
  }

  @Test
  void aPersonLimitedToACityWritesOnThatCitysReportsOnly() {
    Caller city = person("[reviewer]", "河南省/新乡市");
    assertEquals(new Area("河南省", "新乡市", null), city.area());
    assertTrue(Access.mayActOn(city, XINXIANG_COUNTY).allowed());
    assertTrue(Access.mayActOn(city, new Place("报告 z", "河南省", "新乡市", null)).allowed());
    Access.Decision other = Access.mayActOn(city, new Place("报告 w", "河南省", "郑州市", "中牟县"));
    assertFalse(other.allowed());
    assertTrue(other.reason().contains("限于河南省/新乡市") && other.reason().contains("属于河南省郑州市中牟县"),
        other.reason());
    Access.Decision province = Access.mayActOn(city, new Place("河南省的名单", "河南省", null, null));
    assertFalse(province.allowed(), "a city's reviewer puts no roster of the whole province");
    Access.Decision unknown = Access.mayActOn(city, new Place("报告 u", null, null, null));
    assertFalse(unknown.allowed());
    assertTrue(unknown.reason().contains("未能识别"), unknown.reason());
  }

  @Test
  void aProvincesPersonWritesAnywhereInItAndCountiesNarrowFurther() {
    assertTrue(Access.mayActOn(person("[reviewer]", "河南省"), XINXIANG_COUNTY).allowed());
    assertFalse(Access.mayActOn(person("[reviewer]", "江苏省"), XINXIANG_COUNTY).allowed());
    assertTrue(Access.mayActOn(person("[reviewer]", " 河南省 / 新乡市 / 新乡县 "), XINXIANG_COUNTY).allowed());
    assertFalse(Access.mayActOn(person("[reviewer]", "河南省/新乡市/卫滨区"), XINXIANG_COUNTY).allowed());
    assertNull(person("[reviewer]", " ").area(), "a blank attribute limits nothing");
    assertFalse(Access.mayActOn(person("[reviewer]", "/新乡市"), XINXIANG_COUNTY).allowed(),
        "a region without its province matches nothing rather than everything");
  }

  @Test
  void gatewayScopesLetPeopleThroughByOpenidAndSystemsByTheirRoleOrAbove() {
    assertEquals(List.of("openid", "nianbao/review", "nianbao/admin"), Access.gatewayScopes(Role.REVIEWER));
    assertEquals(List.of("openid", "nianbao/admin"), Access.gatewayScopes(Role.ADMIN));
    assertEquals(List.of("openid", "nianbao/read", "nianbao/review", "nianbao/admin"),
        Access.gatewayScopes(Role.READER));
  }
}
