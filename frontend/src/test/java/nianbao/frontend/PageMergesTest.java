package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import nianbao.fixtures.SeedReports;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The agency page's merges (issue 15), in real Chromium on a local stack of its own (the local user is an
 * administrator): another agency found by part of its name is merged into the one shown after a confirmation — its
 * report joins the years, its page says where it went; a merge the API refuses (a year both have) says why; the
 * merged agency is listed and split again. Each step is checked against the API, so a control that does nothing
 * fails.
 */
class PageMergesTest extends PageSession {

  private String key(String agency) throws Exception {
    for (var row : api("/reports?agency=" + enc(agency)).path("items")) {
      if (row.path("agency").asText().equals(agency)) {
        return row.path("agencyKey").asText();
      }
    }
    throw new AssertionError("no report of " + agency);
  }

  private static byte[] as(String agency, int year) {
    return SeedReports.text(PageFiles.SEED_003).replaceFirst("新乡县人民政府2022年政府信息公开", agency + year
        + "年政府信息公开").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void find(String term) {
    var input = browser.waitFor("#merge-search");
    input.clear();
    input.sendKeys(term);
    browser.waitFor("#merge-find").click();
  }

  @Test
  void anAdministratorMergesAnotherAgencyIntoThisOneAndSplitsItAgain() throws Exception {
    Map<String, byte[]> uploads = Map.of("gov2022.txt", SeedReports.bytes(PageFiles.SEED_003),
        "office2021.txt", as("新乡县人民政府办公室", 2021), "edu2022.txt", as("新乡县教育局", 2022));
    try (var s3 = stack.s3Client()) {
      uploads.forEach((name, bytes) -> s3.putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/" + name),
          RequestBody.fromBytes(bytes)));
    }
    stack.awaitEvents(Duration.ofSeconds(120));
    String gov = key("新乡县人民政府");
    String office = key("新乡县人民政府办公室");
    String edu = key("新乡县教育局");

    go("#/agencies/" + gov);
    assertTrue(text("#merged-agencies").contains("没有合并到本机关的机关"), text("#merged-agencies"));
    assertEquals(1, browser.all("#years tr[data-year]").size());

    // a year both agencies have: the API refuses, the page says why
    find("教育局");
    browser.waitFor("#merge-candidates li[data-agency='" + edu + "'] .pick-agency").click();
    browser.waitFor("#confirm-merge").click();
    browser.until(d -> !now("#merge-message").isEmpty() ? true : null);
    assertTrue(now("#merge-message").contains("2022"), now("#merge-message"));
    assertTrue(api("/agencies/" + gov + "/merges").path("merged").isEmpty());

    // the office, found by part of its name, confirmed with a reason
    find("办公室");
    browser.waitFor("#merge-candidates li[data-agency='" + office + "'] .pick-agency").click();
    browser.waitFor("#merge-reason").sendKeys("同一机关，名称不同");
    axe("the merge's confirmation");
    browser.waitFor("#confirm-merge").click();
    browser.until(d -> browser.all("#merged-agencies li[data-from='" + office + "']").size() == 1 ? true : null);
    browser.settled();
    assertEquals(2, browser.all("#years tr[data-year]").size(), "the office's 2021 joins the years");
    assertTrue(now("#merged-agencies").contains("同一机关，名称不同"), now("#merged-agencies"));
    assertEquals(office, api("/agencies/" + gov + "/merges").path("merged").get(0).path("from").asText());
    String officeReport = api("/agencies/" + gov + "/reports").path("years").get(0).path("id").asText();
    assertEquals("agency.merged", api("/reports/" + officeReport + "/history").path("items").get(0).path("action")
        .asText());
    browser.screenshot("agency-merged-1280");
    axe("an agency with another merged into it");

    // the merged agency's own page says where it went; the report's history says it in words
    go("#/agencies/" + office);
    assertTrue(text("#merged-away").contains("已合并"), text("#merged-away"));
    go("#/reports/" + officeReport);
    browser.until(d -> now("#history").contains("所属机关合并") ? true : null);

    // the split, confirmed
    go("#/agencies/" + gov);
    browser.waitFor("#merged-agencies li[data-from='" + office + "'] .split-agency").click();
    browser.waitFor("#confirm-split").click();
    browser.until(d -> now("#merged-agencies").contains("没有合并到本机关的机关") ? true : null);
    browser.settled();
    assertEquals(1, browser.all("#years tr[data-year]").size());
    assertEquals(1, api("/agencies/" + office + "/reports").path("years").size());
    assertTrue(api("/agencies/" + gov + "/merges").path("merged").isEmpty());
    noCspViolations();
  }
}
