package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /reports} with the combinations that were a 400 before issue 15 (a province's reports with errors,
 * rule with status, agency anywhere in the name with status), server-side orders and cursors, through the real
 * handler on DynamoDB Local and s3proxy, the seeds uploaded and ingested.
 */
class ListRoutesTest {
  static ApiStack stack;

  @BeforeAll
  static void ingestTheSeeds() {
    stack = new ApiStack().withSeeds();
  }

  static List<JsonNode> all(String query) {
    return all(stack, query);
  }

  /** Every row of {@code /reports?<query>}, paged two at a time to the end. */
  static List<JsonNode> all(ApiStack stack, String query) {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      ApiStack.Call c = stack.get("/reports?limit=2" + query + (cursor == null ? "" : "&cursor=" + ApiStack.enc(cursor)));
      assertEquals(200, c.status(), c.body());
      c.json().path("items").forEach(rows::add);
      cursor = c.json().path("cursor").isNull() ? null : c.json().path("cursor").asText();
    } while (cursor != null);
    return rows;
  }

  static List<String> ids(List<JsonNode> rows) {
    return rows.stream().map(r -> r.path("id").asText()).toList();
  }

  @Test
  void aProvincesReportsOfAStatusAreTheStatusListWithinTheProvince() {
    for (String status : List.of("VALID", "HAS_ERRORS")) {
      List<String> expected = ids(all("&status=" + status).stream()
          .filter(r -> "河南省".equals(r.path("province").asText())).toList());
      assertEquals(expected, ids(all("&province=" + ApiStack.enc("河南省") + "&status=" + status)), status);
    }
    assertTrue(all("&province=" + ApiStack.enc("河南省")).size() > 0);
  }

  @Test
  void agencyMatchesAnywhereInTheNameWithAnyOtherFilter() {
    List<JsonNode> rows = all("&agency=" + ApiStack.enc("人民政府") + "&province=" + ApiStack.enc("河南省"));
    assertTrue(rows.size() > 0);
    rows.forEach(r -> assertTrue(r.path("agency").asText().contains("人民政府"), r.toString()));
    List<String> everyYear = ids(all("&agency=" + ApiStack.enc("人民政府")));
    assertEquals(ids(all("").stream().filter(r -> r.path("agency").asText().contains("人民政府")).toList()),
        everyYear);
  }

  @Test
  void sortedByErrorsMostFirstAndByAgencyByName() {
    List<JsonNode> byErrors = all("&sort=errors");
    assertEquals(all("").size(), byErrors.size());
    for (int i = 1; i < byErrors.size(); i++) {
      assertTrue(byErrors.get(i - 1).path("errors").asInt() >= byErrors.get(i).path("errors").asInt());
    }
    ApiStack.Call first = stack.get("/reports?sort=agency&limit=1");
    assertEquals("agency", first.json().path("filter").path("sort").asText());
    // a cursor of one order is refused by another
    String cursor = first.json().path("cursor").asText();
    assertEquals(400, stack.get("/reports?sort=errors&limit=1&cursor=" + ApiStack.enc(cursor)).status());
  }

  @Test
  void eachRowNamesTheRulesItHasFindingsOf() {
    for (String query : List.of("", "&rule=S2", "&sort=errors")) {
      for (JsonNode row : all(query)) {
        List<String> rules = new ArrayList<>();
        row.path("rules").forEach(r -> rules.add(r.asText()));
        List<String> expected = new ArrayList<>();
        stack.get("/reports/" + row.path("id").asText()).json().path("findingsByRule").fieldNames()
            .forEachRemaining(expected::add);
        expected.sort(null);
        assertEquals(expected, rules, query + " " + row);
      }
    }
  }

  @Test
  void ruleWithStatusAndLevelAnswer() {
    List<JsonNode> withRule = all("&rule=S2");
    List<JsonNode> withRuleAndErrors = all("&rule=S2&status=HAS_ERRORS");
    assertEquals(ids(withRule.stream().filter(r -> "HAS_ERRORS".equals(r.path("status").asText())).toList()),
        ids(withRuleAndErrors));
    List<JsonNode> counties = all("&level=COUNTY&sort=errors");
    counties.forEach(r -> assertTrue(!r.path("county").isNull() && !r.path("county").asText().isEmpty(), r.toString()));
  }
}
