package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Merging and splitting agencies through the API (issue 15), on DynamoDB Local and s3proxy: administrators only, a
 * year both agencies have refused with the years named, the merged agency's reports under the canonical one with
 * their ids, reviews and history (one entry each), its uploads landing there too, and a split undoing it all.
 */
class MergeApiTest {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final Map<String, String> ADMIN = DeletionApiTest.ADMIN;
  private static final Map<String, String> REVIEWER = DeletionApiTest.REVIEWER;

  /** Seed 003 (新乡县人民政府 2022) as another agency's report of another year. */
  private static byte[] as(String agency, int year) {
    return ApiStack.seedText(ApiStack.XINXIANG_2022).replaceFirst("新乡县人民政府2022年政府信息公开",
        agency + year + "年政府信息公开").getBytes(StandardCharsets.UTF_8);
  }

  private static String agencyKey(ApiStack stack, String name) {
    for (JsonNode row : stack.get("/reports?agency=" + ApiStack.enc(name)).json().path("items")) {
      if (row.path("agency").asText().equals(name)) {
        return row.path("agencyKey").asText();
      }
    }
    throw new AssertionError("no report of " + name);
  }

  private static String merge(String from, String into, String reason) {
    return "{\"from\":\"" + from + "\",\"into\":\"" + into + "\",\"reason\":\"" + reason + "\"}";
  }

  private static List<String> years(ApiStack stack, String key) {
    List<String> out = new ArrayList<>();
    stack.get("/agencies/" + key + "/reports").json().path("years").forEach(y -> out.add(y.path("year").asText()
        + " " + y.path("id").asText()));
    return out;
  }

  /** The state of the office's entry in a roster of {@code year} naming it alone. */
  private static String officeEntry(ApiStack stack, int year) {
    String scope = "?year=" + year + "&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市");
    ApiStack.Call put = stack.call("PUT", "/rosters" + scope, Map.of("Content-Type", "text/csv"),
        "机关名称\n新乡县人民政府办公室\n", ADMIN);
    assertEquals(200, put.status(), put.body());
    return stack.get("/rosters" + scope).json().path("entries").get(0).path("state").asText();
  }

  @Test
  void anAdministratorMergesTwoAgenciesAndSplitsThemAgain() {
    ApiStack stack = new ApiStack(c -> c.withAuth(true, false));
    stack.upload("uploads/gov2022.txt", ApiStack.seed(ApiStack.XINXIANG_2022));
    stack.upload("uploads/office2021.txt", as("新乡县人民政府办公室", 2021));
    stack.upload("uploads/edu2022.txt", as("新乡县教育局", 2022));
    String gov = agencyKey(stack, "新乡县人民政府");
    String office = agencyKey(stack, "新乡县人民政府办公室");
    String edu = agencyKey(stack, "新乡县教育局");
    List<String> govBefore = years(stack, gov);
    List<String> officeBefore = years(stack, office);
    String officeId = officeBefore.get(0).split(" ")[1];
    assertEquals("未报送", officeEntry(stack, 2022), "before the merge: the office has no 2022 report");

    // who may: no token 401, a reviewer 403, an administrator
    assertEquals(401, stack.call("POST", "/agencies/merges", JSON, merge(office, gov, "x")).status());
    ApiStack.Call refused = stack.call("POST", "/agencies/merges", JSON, merge(office, gov, "x"), REVIEWER);
    assertEquals(403, refused.status(), refused.body());
    assertTrue(refused.headers().get("Content-Type").startsWith("application/problem+json"));
    ApiStack.Call elsewhere = stack.call("POST", "/agencies/merges", JSON, merge(office, gov, "x"),
        Map.of("sub", "henan-admin", "cognito:groups", "[admin]", "custom:region", "河南省/郑州市"));
    assertEquals(403, elsewhere.status(), elsewhere.body());
    assertTrue(elsewhere.json().path("detail").asText().contains("不在其范围内"), elsewhere.body());

    // both have a 2022 report: refused, the years named, nothing merged
    ApiStack.Call conflict = stack.call("POST", "/agencies/merges", JSON, merge(edu, gov, "x"), ADMIN);
    assertEquals(409, conflict.status(), conflict.body());
    assertEquals("YEARS_CONFLICT", conflict.json().path("reason").asText());
    assertEquals("[2022]", conflict.json().path("years").toString());
    assertTrue(conflict.json().path("detail").asText().contains("2022"), conflict.body());
    assertEquals(400, stack.call("POST", "/agencies/merges", JSON, merge(gov, gov, "x"), ADMIN).status());
    assertEquals(400, stack.call("POST", "/agencies/merges", JSON, "{\"from\":\"nope\",\"into\":\"" + gov + "\"}",
        ADMIN).status());
    assertEquals(404, stack.call("POST", "/agencies/merges", JSON, merge("0123456789abcdef", gov, "x"), ADMIN)
        .status());

    // a review on the office's report, then the merge
    JsonNode before = stack.get("/reports/" + officeId).json();
    ApiStack.Call merged = stack.call("POST", "/agencies/merges", JSON, merge(office, gov, "办公室与政府同一机关"), ADMIN);
    assertEquals(200, merged.status(), merged.body());
    assertEquals("MERGED", merged.json().path("state").asText());
    assertEquals("[\"" + officeId + "\"]", merged.json().path("reports").toString());
    assertEquals(List.of("2021 " + officeId, govBefore.get(0)), years(stack, gov));
    assertEquals(404, stack.get("/agencies/" + office + "/reports").status());
    JsonNode after = stack.get("/reports/" + officeId).json();
    assertEquals(gov, after.path("agencyKey").asText());
    assertEquals(before.path("report").path("tables"), after.path("report").path("tables"));
    JsonNode entry = stack.get("/reports/" + officeId + "/history").json().path("items").get(0);
    assertEquals("agency.merged", entry.path("action").asText());
    assertEquals("admin-sub", entry.path("by").asText());
    assertTrue(entry.path("after").toString().contains("办公室与政府同一机关"), entry.toString());
    assertTrue(stack.get("/reports?agency=" + ApiStack.enc("办公室")).json().path("items").get(0).path("agencyKey")
        .asText().equals(gov), "list rows carry the canonical agency");
    JsonNode list = stack.get("/agencies/" + gov + "/merges").json();
    assertEquals(office, list.path("merged").get(0).path("from").asText());
    assertEquals(gov, stack.get("/agencies/" + office + "/merges").json().path("mergedInto").path("into").asText());
    assertEquals(200, stack.call("POST", "/agencies/merges", JSON, merge(office, gov, "again"), ADMIN).status(),
        "asked again: as it is");
    // the roster follows: the government's entry is the office's 2021 report now
    ApiStack.Call roster = stack.call("PUT", "/rosters?year=2021&province=" + ApiStack.enc("河南省") + "&city="
        + ApiStack.enc("新乡市"), Map.of("Content-Type", "text/csv"), "机关名称\n新乡县人民政府\n", ADMIN);
    assertEquals(200, roster.status(), roster.body());
    JsonNode matched = stack.get("/rosters?year=2021&province=" + ApiStack.enc("河南省") + "&city="
        + ApiStack.enc("新乡市")).json();
    assertEquals("已报送", matched.path("entries").get(0).path("state").asText(), matched.toString());
    // and the other way: the office's entry is the government's 2022 report (it prints the government's name)
    assertEquals("已报送", officeEntry(stack, 2022), "the office is merged into the government");
    ApiStack.Call intoMerged = stack.call("POST", "/agencies/merges", JSON, merge(edu, office, "x"), ADMIN);
    assertEquals(409, intoMerged.status());
    assertEquals("INTO_MERGED", intoMerged.json().path("reason").asText());

    // the office's next report lands under the canonical agency
    stack.upload("uploads/office2023.txt", as("新乡县人民政府办公室", 2023));
    assertEquals(3, years(stack, gov).size());

    // the split: the office's reports back (the merged one and the one uploaded since)
    assertEquals(403, stack.call("DELETE", "/agencies/merges/" + office, Map.of(), null, REVIEWER).status());
    ApiStack.Call split = stack.call("DELETE", "/agencies/merges/" + office, Map.of(), null, ADMIN);
    assertEquals(200, split.status(), split.body());
    assertEquals("SPLIT", split.json().path("state").asText());
    assertEquals(govBefore, years(stack, gov));
    assertEquals(2, years(stack, office).size());
    assertEquals(officeBefore.get(0), years(stack, office).get(0));
    assertEquals("agency.split", stack.get("/reports/" + officeId + "/history").json().path("items").get(0)
        .path("action").asText());
    assertEquals(404, stack.call("DELETE", "/agencies/merges/" + office, Map.of(), null, ADMIN).status());
    assertTrue(stack.get("/agencies/" + gov + "/merges").json().path("merged").isEmpty());
    assertEquals("未报送", officeEntry(stack, 2022), "split: the office is an agency of its own again");
  }
}
