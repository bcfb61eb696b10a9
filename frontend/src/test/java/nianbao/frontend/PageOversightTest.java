package nianbao.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What an office supervising many agencies reads (issue 15), on a stack of its own holding {@link PageTest}'s
 * reports: a report's indicators with their definitions.
 */
class PageOversightTest extends PageSession {
  private Map<String, String> reportIds;

  @BeforeAll
  void storeTheReports(@TempDir Path files) throws Exception {
    reportIds = storeThroughTheBucket(new PageFiles(files));
    // 新乡县 2024 as seed 003 with five applications received: shares over fewer than ten cases
    String seed = nianbao.fixtures.SeedReports.text(PageFiles.SEED_003);
    String row = "一、本年新收政府信息公开申请数量\t13\t0\t0\t0\t0\t0\t13";
    assertTrue(seed.contains(row));
    Path few = java.nio.file.Files.writeString(files.resolve(FEW), seed.replace(row,
        "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5").replaceFirst("新乡县人民政府2022年", "新乡县人民政府2024年"));
    // 洪泽区's 2020 and 2021 (seed 003 moved there), its name printed two ways: one agency
    Path hongze2020 = java.nio.file.Files.writeString(files.resolve(HONGZE_2020), hongze(seed, "洪泽区人民政府", 2020));
    Path hongze2021 = java.nio.file.Files.writeString(files.resolve(HONGZE_2021),
        hongze(seed, "淮安市洪泽区人民政府", 2021));
    try (var s3 = stack.s3Client()) {
      for (Path p : List.of(few, hongze2020, hongze2021)) {
        s3.putObject(r -> r.bucket(stack.reportsBucket()).key("uploads/" + p.getFileName()),
            software.amazon.awssdk.core.sync.RequestBody.fromFile(p));
      }
    }
    stack.awaitEvents(java.time.Duration.ofSeconds(120));
    for (String name : List.of(FEW, HONGZE_2020, HONGZE_2021)) {
      reportIds.put(name, api("/uploads/status?key=" + enc("uploads/" + name)).path("reportId").asText());
    }
  }

  private static final String HONGZE_2020 = "洪泽区人民政府2020.txt";
  private static final String HONGZE_2021 = "淮安市洪泽区人民政府2021.txt";

  private static String hongze(String seed, String agency, int year) {
    return seed.replaceFirst("新乡县人民政府", agency).replace("新乡县", "洪泽区").replace("新乡市", "淮安市")
        .replace("河南省", "江苏省").replaceFirst("2022年政府信息公开", year + "年政府信息公开");
  }

  private static final String FEW = "新乡县人民政府2024（五件申请）.txt";

  @Test
  void aReportShowsItsIndicatorsWithTheirDefinitionsAndMarksSmallBases() throws Exception {
    String id = reportIds.get(FEW);
    JsonNode served = api("/reports/" + id).path("indicators");
    go("#/reports/" + id);
    browser.waitFor("#indicators tbody tr");
    List<WebElement> rows = browser.all("#indicators tbody tr");
    assertEquals(8, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode indicator = served.get(i);
      WebElement row = rows.get(i);
      assertEquals(indicator.path("code").asText(), row.getAttribute("data-indicator"));
      assertEquals(indicator.path("label").asText(), row.findElement(By.cssSelector("th")).getText());
      assertEquals(indicator.path("definition").asText(), row.findElement(By.cssSelector("td.definition")).getText());
      String share = row.findElement(By.cssSelector("td")).getText();
      if (indicator.path("value").isNull()) {
        assertTrue(share.startsWith("无法计算"), share);
      } else {
        assertTrue(share.startsWith(String.format("%.1f%%", indicator.path("value").asDouble() * 100)), share);
        assertEquals(indicator.path("smallBase").asBoolean(), share.contains("※"), share);
      }
    }
    assertTrue(served.findValues("smallBase").stream().anyMatch(JsonNode::asBoolean), "a small base: " + served);
    assertTrue(text("#indicators").contains("分母小于 10：仅供参考，不参与排名"), text("#indicators"));
    browser.screenshot("30-detail-indicators");
    axe("报告详情（指标）");
  }

  @Test
  void theRankingsViewRanksAYearsAgenciesByErrorsOrAnIndicatorWithItsDefinition() throws Exception {
    go("#/rankings?year=2022");
    browser.waitFor("table.ranking tbody tr");
    JsonNode byErrors = api("/rankings?year=2022");
    List<WebElement> rows = browser.all("table.ranking tbody tr");
    assertEquals(byErrors.path("items").size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode item = byErrors.path("items").get(i);
      assertEquals(item.path("id").asText(), rows.get(i).getAttribute("data-report"));
      assertEquals(item.path("rank").asText(), rows.get(i).findElement(By.cssSelector("td.rank")).getText());
      assertEquals(item.path("errors").asText(), rows.get(i).findElement(By.cssSelector("td.value")).getText());
    }
    axe("排名");
    // by an indicator, chosen in the form: only the shares over ten cases or more, the definition said
    new org.openqa.selenium.support.ui.Select(browser.waitFor("#r-by")).selectByVisibleText("实质公开率");
    browser.waitFor("form.filters button[type=submit]").click();
    browser.until(java.time.Duration.ofSeconds(20), d -> text(".ranking-by").contains("实质公开率") ? true : null);
    assertTrue(text(".ranking-by").contains("（予以公开 + 部分公开）÷ 办理结果总计"), text(".ranking-by"));
    assertTrue(text("#main").contains("分母小于 10 或无法计算的报告不参与排名"));
    JsonNode byDisclosure = api("/rankings?year=2022&by=disclosure");
    rows = browser.all("table.ranking tbody tr");
    assertEquals(byDisclosure.path("items").size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(String.format("%.1f%%", byDisclosure.path("items").get(i).path("value").asDouble() * 100),
          rows.get(i).findElement(By.cssSelector("td.value")).getText());
    }
    assertTrue(browser.all("table.ranking tbody tr[data-report='" + reportIds.get(FEW) + "']").isEmpty(),
        "a share over five cases is not ranked");
    assertTrue(browser.waitFor("#ranking-csv").getAttribute("href").contains("/export/rankings.csv?year=2022&by=disclosure"),
        browser.waitFor("#ranking-csv").getAttribute("href"));
    String xlsx = browser.waitFor("#ranking-xlsx").getAttribute("href");
    assertTrue(xlsx.contains("/export/rankings.csv?year=2022&by=disclosure") && xlsx.contains("format=xlsx"), xlsx);
    browser.screenshot("31-rankings");
  }

  @Test
  void anAgencysPageShowsEveryYearUnderEachPrintedNameWithItsFiguresAndTrends() throws Exception {
    String key = api("/reports/" + reportIds.get(HONGZE_2021)).path("agencyKey").asText();
    assertEquals(key, api("/reports/" + reportIds.get(HONGZE_2020)).path("agencyKey").asText(), "one agency");
    JsonNode trends = api("/trends?agencyKey=" + key);
    go("#/agencies/" + key);
    browser.waitFor("#agency-trends table.trend-table tbody tr");
    List<WebElement> years = browser.all("#years tbody tr");
    assertEquals(List.of("2020", "2021"), years.stream().map(r -> r.getAttribute("data-year")).toList());
    assertEquals(List.of("洪泽区人民政府", "淮安市洪泽区人民政府"), years.stream()
        .map(r -> r.findElement(By.cssSelector("td.printed-name")).getText()).toList());
    List<WebElement> figures = browser.all("#agency-trends table.trend-table tbody tr");
    assertEquals(trends.path("years").size(), figures.size());
    assertEquals(2, figures.size());
    for (int i = 0; i < figures.size(); i++) {
      JsonNode y = trends.path("years").get(i);
      assertEquals(y.path("year").asText(), figures.get(i).getAttribute("data-year"));
      assertTrue(figures.get(i).getText().contains(y.path("newReceived").asText()), figures.get(i).getText());
    }
    assertTrue(!browser.all("#agency-trends #trend-counts canvas, #agency-trends #trend-counts svg").isEmpty(),
        "the figures' trends drawn");
    browser.screenshot("34-agency-years");
    axe("机关各年度");
  }

  @Test
  void theRankingsViewRanksTheRegionsUnderItsScope() throws Exception {
    for (String scope : List.of("", "&province=" + enc("河南省"), "&province=" + enc("河南省") + "&city=" + enc("新乡市"))) {
      JsonNode regions = api("/rankings/regions?year=2022&by=errors" + scope);
      go("#/rankings?year=2022" + scope);
      browser.waitFor("#region-ranking table.region-ranking tbody tr");
      List<WebElement> rows = browser.all("#region-ranking table.region-ranking tbody tr");
      assertEquals(regions.path("items").size() + regions.path("unranked").size(), rows.size(), regions.toString());
      assertTrue(browser.waitFor("#region-ranking-xlsx").getAttribute("href")
          .contains("/export/region-rankings.csv?year=2022"), "the region ranking handed on as Excel");
      for (int i = 0; i < regions.path("items").size(); i++) {
        JsonNode item = regions.path("items").get(i);
        String place = item.path("ownAgencies").asBoolean()
            ? (item.path("city").isNull() ? item.path("province").asText() + "省本级" : item.path("city").asText() + "市本级")
            : scope.isEmpty() ? item.path("province").asText()
            : item.path("county").isNull() ? item.path("city").asText() : item.path("county").asText();
        assertEquals(place, rows.get(i).getAttribute("data-region"));
        assertEquals(item.path("errors").asText(), rows.get(i).findElement(By.cssSelector("td.value")).getText());
      }
      assertTrue(text("#region-ranking tfoot").contains(regions.path("total").path("reports").asText()));
    }
    browser.screenshot("35-region-ranking");
    axe("地区排名");
  }

  @Test
  void aRankingOfOneRowOffersNoMore() throws Exception {
    // 2024 holds one report (新乡县 with five applications): one row, no next page
    JsonNode ranking = api("/rankings?year=2024");
    assertEquals(1, ranking.path("items").size(), ranking.toString());
    assertTrue(ranking.path("cursor").isNull(), ranking.toString());
    go("#/rankings?year=2024");
    browser.waitFor("table.ranking tbody tr");
    WebElement more = browser.driver.findElements(By.tagName("button")).stream()
        .filter(b -> "加载更多".equals(b.getAttribute("textContent"))).findFirst().orElseThrow();
    assertTrue(!more.isDisplayed(), "加载更多 only when there is a next page");
  }

  @Test
  void atAPhonesWidthEveryLinkOfTheNavigationIsInViewWithoutScrollingSideways() throws Exception {
    var before = browser.driver.manage().window().getSize();
    try {
      browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
      go("#/");
      browser.waitFor("#nav a");
      Number width = (Number) browser.js("return document.documentElement.clientWidth");
      assertTrue(((Number) browser.js("var t = document.querySelector('.top'); return t.scrollWidth - t.clientWidth"))
          .intValue() <= 0, "the bar does not scroll sideways");
      for (WebElement link : browser.all("#nav a")) {
        Number right = (Number) browser.js("return arguments[0].getBoundingClientRect().right", link);
        assertTrue(link.isDisplayed() && right.doubleValue() <= width.doubleValue() + 0.5,
            link.getText() + " ends at " + right + " of " + width);
      }
      browser.screenshot("33-nav-phone", 390);
    } finally {
      browser.driver.manage().window().setSize(before);
    }
  }

  @Test
  void theTrendsViewDrawsARegionsAndAnAgencysYearsWithTheirFiguresAndDefinitions() throws Exception {
    go("#/trends?province=" + enc("河南省"));
    browser.waitFor("#trend-indicators canvas");
    assertTrue(!browser.all("#trend-counts canvas").isEmpty(), "the counts are drawn");
    JsonNode region = api("/trends?province=" + enc("河南省"));
    List<WebElement> rows = browser.all("table.trend-table tbody tr");
    assertEquals(region.path("years").size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode y = region.path("years").get(i);
      assertEquals(y.path("year").asText(), rows.get(i).getAttribute("data-year"));
      assertTrue(rows.get(i).getText().contains(y.path("reports").asText()), rows.get(i).getText());
    }
    browser.waitFor("details.definitions summary").click();
    assertTrue(text("details.definitions").contains("结转下年度继续办理 ÷（本年新收 + 上年结转）"),
        text("details.definitions"));
    axe("趋势（地区）");
    browser.screenshot("32-trends-region");

    String agencyKey = api("/reports/" + reportIds.get(PageFiles.SEED_003)).path("agencyKey").asText();
    go("#/trends?agencyKey=" + agencyKey);
    browser.waitFor("#trend-indicators canvas");
    assertTrue(text("#view-title").contains("新乡县人民政府"), text("#view-title"));
    List<String> years = browser.all("table.trend-table tbody tr").stream().map(r -> r.getAttribute("data-year")).toList();
    assertEquals(List.of("2022", "2023", "2024"), years);
    // the 2024 report's shares over five cases are shown, marked
    WebElement y2024 = browser.waitFor("table.trend-table tbody tr[data-year='2024']");
    assertTrue(y2024.getText().contains("※"), y2024.getText());
    browser.screenshot("33-trends-agency");
  }

  @Test
  void aCountysTrendIsReachedFromItsRowInTheCitysRegionRankingAndFromTheForm() throws Exception {
    JsonNode county = api("/trends?province=" + enc("河南省") + "&city=" + enc("新乡市") + "&county=" + enc("新乡县"));
    assertTrue(county.path("years").size() > 0, county.toString());
    go("#/rankings?year=2022&province=" + enc("河南省") + "&city=" + enc("新乡市"));
    browser.waitFor("#region-ranking tr[data-region='新乡县'] a.region-trend").click();
    browser.until(java.time.Duration.ofSeconds(30), d -> text("#view-title").contains("新乡县") ? true : null);
    assertEquals("新乡县", browser.waitFor("#t-county").getAttribute("value"));
    assertCountyTrend(county);
    browser.screenshot("36-trends-county");
    axe("趋势（县）");

    // the form: a county typed into the city's trend
    go("#/trends?province=" + enc("河南省") + "&city=" + enc("新乡市"));
    browser.waitFor("table.trend-table tbody tr");
    browser.waitFor("#t-county").sendKeys("新乡县");
    browser.waitFor("form.filters button[type=submit]").click();
    browser.until(java.time.Duration.ofSeconds(30), d -> text("#view-title").contains("新乡县") ? true : null);
    assertCountyTrend(county);
  }

  /** The trends table shows the county's years and reports as the API gives them. */
  private void assertCountyTrend(JsonNode county) {
    browser.until(java.time.Duration.ofSeconds(30), d -> browser.all("table.trend-table tbody tr").size()
        == county.path("years").size() ? true : null);
    List<WebElement> rows = browser.all("table.trend-table tbody tr");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode y = county.path("years").get(i);
      assertEquals(y.path("year").asText(), rows.get(i).getAttribute("data-year"));
      assertEquals(y.path("reports").asText(), rows.get(i).findElements(By.cssSelector("td")).get(0).getText());
      assertEquals(y.path("withErrors").asText(), rows.get(i).findElements(By.cssSelector("td")).get(1).getText());
    }
  }

  @Test
  void aRosterUploadedAsGbkCsvListsWhoHasNotReportedAndWhatIsUnmatched(@TempDir Path dir) throws Exception {
    go("#/rosters?year=2022&province=" + enc("河南省") + "&city=" + enc("新乡市"));
    assertTrue(text("#main .results").contains("还没有名单"), text("#main .results"));
    Path csv = java.nio.file.Files.write(dir.resolve("名单.csv"), "序号,机关名称,区划代码\n1,新乡县人民政府,410721\n2,卫辉市教育局,\n"
        .getBytes(java.nio.charset.Charset.forName("GBK")));
    browser.waitFor("#roster-file").sendKeys(csv.toString());
    browser.until(java.time.Duration.ofSeconds(30), d -> browser.all("#roster-not-reported tbody tr").isEmpty() ? null : true);
    assertTrue(text(".roster-counts").contains("名单 2 个机关"), text(".roster-counts"));
    List<WebElement> missing = browser.all("#roster-not-reported tbody tr");
    assertEquals(1, missing.size());
    assertTrue(missing.get(0).getText().contains("卫辉市教育局"), missing.get(0).getText());
    // 新乡县 2022 prints no date: its timeliness is unknown, not judged from its upload
    assertTrue(text("#roster-date-unknown").contains("新乡县人民政府"), text("#roster-date-unknown"));
    assertTrue(text("#roster-unmatched").contains("新乡市卫滨区科技和工业信息化局"), text("#roster-unmatched"));
    assertTrue(text(".roster-counts").contains("未报送 1"), text(".roster-counts"));
    assertTrue(browser.waitFor("#roster-csv").getAttribute("href").contains("/export/roster.csv?year=2022"));
    axe("名单与报送情况");
    browser.screenshot("34-roster");
  }
}
