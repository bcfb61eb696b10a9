package nianbao.frontend;

import static nianbao.frontend.PageFiles.XSS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The page in real Chromium against a local stack holding the reports {@link PageUploadTest} uploads through the
 * page — here stored before the tests, straight into the bucket: the list, a report's tables with its findings
 * marked, the cross-year view, untrusted text, the 404 and API-down states, sign-in, a tablet's width, axe-core
 * in every view, and a screenshot of each. Each test stands alone: any order, any one of them on its own.
 */
class PageTest extends PageSession {
  static final int TABLET = 820;

  /** Report ids by the file name each was uploaded under. */
  private final Map<String, String> reportIds = new LinkedHashMap<>();

  @BeforeAll
  void storeTheReports(@TempDir Path files) throws Exception {
    reportIds.putAll(storeThroughTheBucket(new PageFiles(files)));
  }

  @BeforeEach
  void siteAsStarted() {
    site.reset();
  }

  @Test
  void theListShowsTheUploadedSeedsWithStatusAndFindingCounts() throws IOException {
    go("#/reports");
    browser.until(d -> browser.all("tr[data-report]").size() >= 4 ? true : null);
    String table = text("table.reports");
    assertTrue(table.contains("新乡市卫滨区科技和工业信息化局"), table);
    assertTrue(table.contains("新乡县人民政府"), table);
    WebElement row = browser.waitFor("tr[data-report='" + reportIds.get(PageFiles.BROKEN_B1) + "']");
    assertTrue(row.getText().contains("有错误"), row.getText());
    assertEquals("2", row.findElements(By.cssSelector("td.num")).get(1).getText(), "two B1 errors counted");

    // sorted on the server, over the whole list: most errors first
    browser.all("table.reports thead th").get(4).findElement(By.cssSelector("button")).click();
    // the view is drawn again for the new address: wait for the head of the new order
    browser.until(d -> {
      List<WebElement> heads = browser.all("table.reports thead th");
      return heads.size() > 4 && heads.get(4).getAttribute("aria-sort") != null ? true : null;
    });
    assertEquals("descending", browser.all("table.reports thead th").get(4).getAttribute("aria-sort"));
    String address = (String) browser.js("return location.hash");
    assertTrue(address.contains("sort=errors"), address);
    browser.until(d -> browser.all("tr[data-report]").size() >= 4 ? true : null);
    List<Integer> errors = browser.all("tr[data-report]").stream()
        .map(r -> Integer.parseInt(r.findElements(By.cssSelector("td.num")).get(1).getText())).toList();
    assertEquals(errors.stream().sorted(java.util.Comparator.reverseOrder()).toList(), errors);
    assertTrue(errors.get(0) >= 2, errors.toString());

    // cursor paging: two at a time
    go("#/reports?limit=2");
    browser.until(d -> browser.all("tr[data-report]").size() == 2 ? true : null);
    browser.waitFor(".more button").click();
    browser.until(d -> browser.all("tr[data-report]").size() == 4 ? true : null);
    browser.waitFor(".more button").click();
    browser.until(d -> browser.all("tr[data-report]").size() == 5 ? true : null);
    assertTrue(browser.all(".more button").isEmpty(), "no more pages");
    assertTrue(text("table.reports").contains("未能识别"), "the rejected upload is listed with its status");
    browser.waitFor("tr[data-report^='x'] a").click();
    browser.settled();
    String rejected = text("#findings .callout");
    assertTrue(rejected.startsWith("未能识别为年度报告："), rejected);
    assertTrue(text("dl.facts").contains("不是报告.txt"));
    browser.screenshot("03-detail-rejected");
    axe("报告详情（未能识别）");
    // its file comes only through the signed-in source-link route (the local user's claims), never the open one
    browser.waitFor("dl.facts a.source-link").click();
    browser.until(d -> Boolean.TRUE.equals(browser.js("return performance.getEntriesByType('resource').some("
        + "e => e.name.includes('/source-link') && e.responseStatus === 200)")) ? true : null);
    assertFalse(text("dl.facts").contains("无法获取"), text("dl.facts"));

    // CSV export of the current filter
    go("#/reports");
    browser.until(d -> browser.all("tr[data-report]").size() == 5 ? true : null);
    String csv = browser.waitFor(".exports a").getAttribute("href");
    assertTrue(csv.startsWith(stack.apiUrl() + "/export/reports.csv"), csv);
    browser.screenshot("03-list");
    axe("报告列表");

    // a filter; any combination answers (a province's valid reports); a city without its province explains itself
    go("#/reports?year=2023");
    browser.until(d -> browser.all("tr[data-report]").size() == 1 ? true : null);
    assertTrue(csvHref().contains("year=2023"));
    go("#/reports?province=" + enc("河南省") + "&status=VALID");
    browser.until(d -> !browser.all("tr[data-report]").isEmpty() ? true : null);
    assertTrue(text("table.reports").contains("通过"), text("table.reports"));
    go("#/reports?city=" + enc("新乡市"));
    WebElement err = browser.waitFor("#main .state.error");
    assertTrue(err.getText().contains("筛选条件有误") && err.getText().contains("province"), err.getText());
  }

  private String csvHref() {
    return browser.waitFor(".exports a").getAttribute("href");
  }

  @Test
  void aReportShowsItsTablesInTheOfficialLayoutWithBlanksLeftBlank() throws IOException {
    go("#/reports");
    browser.waitFor("tr[data-report='" + reportIds.get(PageFiles.SEED_003) + "'] a").click();
    browser.settled();
    assertTrue(browser.driver.getCurrentUrl().contains("#/reports/" + reportIds.get(PageFiles.SEED_003)));
    String head = text("#view-title");
    assertTrue(head.contains("新乡县人民政府") && head.contains("2022"), head);
    String facts = text("dl.facts");
    assertTrue(facts.contains("河南省 新乡市 新乡县"), facts);
    assertTrue(facts.contains("003_978a9fff42e671ca"), facts);
    // table B: 予以公开 printed only in its total column; the blanks stay blank, never 0
    WebElement blank = browser.waitFor("td[data-cell='三|granted|naturalPerson']");
    assertEquals("", blank.getText());
    assertTrue(blank.getAttribute("class").contains("blank"));
    assertEquals("8", browser.waitFor("td[data-cell='三|granted|total']").getText());
    assertEquals("7504.2371", browser.waitFor("td[data-cell='二|fees|']").getText());
    assertEquals("13", browser.waitFor("td[data-cell='三|newReceived|total']").getText());
    assertEquals(15, browser.all("td[data-cell^='四|']").size());
    assertEquals(25 * 7, browser.all("td[data-cell^='三|']").size());
    // text sections are folded
    assertEquals(3, browser.all("details.text-section").size());
    assertTrue(browser.all("details.text-section[open]").isEmpty());
    browser.waitFor("#sec-一 summary").click();
    assertTrue(text("#sec-一 .prose").contains("主动公开情况"));
    // versions: the seed and its corrected copy, one of them current
    browser.until(d -> browser.all("#versions tbody tr").size() == 2 ? true : null);
    assertEquals(1, browser.all("#versions .badge.current").size());
    assertTrue(text("#versions").contains("（更正）"), text("#versions"));
    browser.screenshot("04-detail");
    axe("报告详情");
    noCspViolations();
  }

  @Test
  void aB1ErrorMarksItsCellsAndTheFindingLeadsToItsCell() throws IOException {
    String id = reportIds.get(PageFiles.BROKEN_B1);
    go("#/reports/" + id);
    WebElement cell = browser.waitFor("td[data-cell='三|newReceived|total']");
    assertTrue(cell.getAttribute("class").contains("mark-error"), cell.getAttribute("class"));
    assertEquals("B1", cell.getAttribute("data-rules"));
    for (String row : List.of("carriedOver", "total", "carriedForward")) {
      assertTrue(browser.waitFor("td[data-cell='三|" + row + "|total']").getAttribute("class").contains("mark-error"));
    }
    assertFalse(browser.waitFor("td[data-cell='三|granted|total']").getAttribute("class").contains("mark-error"),
        "B1 names rows 一, 二, 总计 and 四 of its column, not the outcome rows");

    // the finding's link takes focus to its cell, which shows expected and actual
    List<WebElement> b1 = browser.driver.findElements(By.xpath(
        "//li[contains(@class,'finding')][.//span[contains(@class,'rule') and text()='B1']]"));
    assertEquals(2, b1.size());
    WebElement link = b1.get(1).findElement(By.cssSelector("a.loc"));
    assertTrue(link.getText().contains("总计"), link.getText());
    link.click();
    browser.until(d -> "三|newReceived|total".equals(browser.js(
        "return document.activeElement && document.activeElement.getAttribute('data-cell')")) ? true : null);
    WebElement tip = browser.until(d -> {
      List<WebElement> t = browser.all(".tip");
      return !t.isEmpty() && t.get(0).isDisplayed() ? t.get(0) : null;
    });
    assertTrue(tip.getText().contains("B1") && tip.getText().contains("应为 14") && tip.getText().contains("实为 13"),
        tip.getText());
    assertTrue(browser.driver.getCurrentUrl().contains("?f=1"), "the address names the finding followed");
    browser.screenshot("05-detail-b1-focused");

    // hover shows the same on another marked cell
    new Actions(browser.driver).moveToElement(browser.waitFor("td[data-cell='三|newReceived|naturalPerson']"))
        .perform();
    browser.until(d -> browser.waitFor(".tip").getText().contains("自然人") ? true : null);
    axe("报告详情（B1 错误）");
  }

  @Test
  void theCrossYearViewComparesTheAgencysTwoYears() throws IOException {
    go("#/reports/" + reportIds.get(PageFiles.BROKEN_B1));
    browser.waitFor(".view-sub a.btn").click();
    browser.settled();
    assertTrue(browser.driver.getCurrentUrl().contains("#/agencies/"));
    browser.until(d -> browser.all("#years tbody tr").size() == 2 ? true : null);
    String years = text("#years");
    assertTrue(years.contains("2022 年") && years.contains("2023 年"), years);
    String summary = text("#diff-summary");
    assertTrue(summary.contains("2022 年 → 2023 年"), summary);
    WebElement changed = browser.waitFor("td.changed[data-cell='三|newReceived|naturalPerson']");
    assertTrue(changed.getText().contains("13") && changed.getText().contains("14"), changed.getText());
    assertTrue(browser.waitFor("td[data-cell='三|granted|total']").getAttribute("class").isEmpty()
        || !browser.waitFor("td[data-cell='三|granted|total']").getAttribute("class").contains("changed"));
    String x2 = text(".x2");
    assertTrue(x2.contains("各列一致"), x2);
    browser.screenshot("06-compare");
    axe("跨年对比");

    go("#/agencies");
    browser.until(d -> browser.all(".agency-list li").size() >= 2 ? true : null);
    assertTrue(text(".agency-list").contains("新乡县人民政府"));
    browser.screenshot("07-agencies");
    axe("跨年对比（选择机关）");
    noCspViolations();
  }

  @Test
  void markupInAReportIsShownAsTextAndRunsNothing() throws IOException {
    go("#/reports/" + reportIds.get(PageFiles.HOSTILE));
    browser.waitFor("#sec-一 summary").click();
    String prose = text("#sec-一 .prose");
    assertTrue(prose.contains(XSS) && prose.contains("<script>alert(2)</script>"), prose);
    assertTrue(text("dl.facts").contains(XSS + ".txt"));
    assertNoMarkupRan();
    browser.screenshot("08-detail-markup-in-text");

    // an agency name no reader would produce, from an API that returned it anyway
    String id = reportIds.get(PageFiles.SEED_000);
    site.proxy(stack.apiUrl(), json -> json.replace("新乡市卫滨区科技和工业信息化局", XSS + "卫滨区科技局"));
    browser.open(site.origin() + "/#/reports/" + id);
    browser.settled();
    assertTrue(text("#view-title").contains(XSS + "卫滨区科技局"), text("#view-title"));
    assertNoMarkupRan();
    browser.screenshot("09-detail-markup-agency");
    browser.open(site.origin() + "/#/reports");
    browser.settled();
    browser.until(d -> browser.all("tr[data-report]").size() >= 4 ? true : null);
    assertTrue(text("table.reports").contains(XSS + "卫滨区科技局"));
    assertNoMarkupRan();
    browser.screenshot("09-list-markup-agency");
    for (String view : List.of("#/", "#/agencies", "#/agencies/" + id.substring(0, id.lastIndexOf('-')))) {
      browser.open(site.origin() + "/" + view);
      browser.settled();
      assertNoMarkupRan();
    }
    noCspViolations();
  }

  @Test
  void overviewFiguresAndChartsComeFromTheSummary() throws Exception {
    go("#/");
    browser.waitFor(".figures");
    String figures = text(".figures");
    assertTrue(figures.contains("报告") && figures.contains("有错误"), figures);
    assertEquals("5", browser.all(".figure-value").get(0).getText(), "four reports and a rejected upload");
    assertEquals("1", browser.all(".figure-value").get(2).getText(), "未能识别");
    browser.until(d -> browser.all("#chart-rules canvas").size() == 1 ? true : null);
    browser.until(d -> browser.all("#chart-outcomes canvas").size() == 1 ? true : null);
    browser.until(d -> browser.all("#chart-cities canvas").size() == 1 ? true : null);
    String data = (String) browser.js("return document.querySelector('#chart-title-rules').closest('section')"
        + ".querySelector('table').textContent");
    assertTrue(data.contains("B1") && data.contains("S2"), data);
    // reports by city: every city of the summary's own breakdown, with its count, in one request
    JsonNode byCity = api("/summary").path("byCity");
    assertTrue(byCity.size() > 0, byCity.toString());
    String cities = (String) browser.js("return document.querySelector('#chart-title-cities').closest('section')"
        + ".querySelector('table').textContent");
    for (JsonNode c : byCity) {
      String city = c.path("city").asText(c.path("province").asText() + "省级部门");
      assertTrue(cities.contains(city), city + " in " + cities);
    }
    // a city leads to its reports in the list
    String href = (String) browser.js("return document.querySelector('#chart-title-cities').closest('section')"
        + ".querySelector('table tbody a').getAttribute('href')");
    assertTrue(href.startsWith("#/reports?") && href.contains("city="), href);
    // rules in words, each leading to the list of reports with its findings
    String b1 = (String) browser.js("return [...document.querySelector('#chart-title-rules').closest('section')"
        + ".querySelectorAll('table tbody th a')].map(a => a.textContent + '|' + a.getAttribute('href')).join('\\n')");
    assertTrue(b1.contains("B1 ") && b1.contains("rule=B1"), b1);
    // the reports with most errors, most first, with their error rules in words, from the server's order
    browser.until(d -> !browser.all(".worst tbody tr").isEmpty() ? true : null);
    List<WebElement> worst = browser.all(".worst tbody tr");
    List<Integer> counts = worst.stream().map(r -> Integer.parseInt(r.findElements(By.cssSelector("td")).get(2)
        .getText())).toList();
    assertEquals(counts.stream().sorted(java.util.Comparator.reverseOrder()).toList(), counts);
    String worstText = text(".worst");
    assertTrue(worstText.contains("新乡县人民政府"), worstText);
    assertTrue(worst.get(0).findElements(By.cssSelector("td a[href*='rule=']")).size() > 0, worstText);
    browser.screenshot("10-overview");
    browser.screenshot("11-overview-tablet", 820);
    axe("总览");

    go("#/?year=2023");
    browser.waitFor(".figures");
    assertEquals("1", browser.all(".figure-value").get(0).getText());
    noCspViolations();
  }

  @Test
  void missingReportsUnknownRoutesAndADownApiSaySo() throws IOException {
    go("#/reports/0000000000000000-2022");
    assertTrue(text("#main").contains("未找到报告"));
    browser.screenshot("12-detail-404");
    axe("报告详情（404）");
    go("#/no-such-view");
    assertTrue(text("#main").contains("未找到页面"));

    site.apiDown();
    browser.open(site.origin() + "/#/");
    browser.settled();
    WebElement err = browser.waitFor("#main .state.error");
    assertTrue(err.getText().contains("无法连接到接口服务"), err.getText());
    assertNotNull(err.findElement(By.cssSelector("button")), "a retry button");
    browser.screenshot("13-overview-api-down");
    axe("总览（接口不可用）");
    browser.open(site.origin() + "/#/reports");
    browser.settled();
    assertTrue(text("#main .state.error").contains("无法连接到接口服务"));
  }

  @Test
  void inAwsTheUploadViewSignsInThroughTheHostedUiWithPkce() throws IOException {
    site.proxy(stack.apiUrl(), json -> json);
    site.withSignIn();
    browser.open(site.origin() + "/#/upload");
    browser.settled();
    WebElement signIn = browser.waitFor(".account button");
    assertTrue(signIn.getText().contains("登录后上传"));
    assertTrue(browser.waitFor("#dropzone").getAttribute("class").contains("disabled"), "no upload before sign-in");
    assertFalse(browser.waitFor("#file-input").isEnabled());
    browser.screenshot("16-upload-sign-in");
    axe("上传（需登录）");
    signIn.click();
    browser.until(d -> text(".account").contains("已登录") ? true : null);
    assertTrue(site.pkceVerified, "the token request proved the verifier of the authorize request (S256)");
    String url = browser.driver.getCurrentUrl();
    assertTrue(url.endsWith("/#/upload") && !url.contains("code="), url);
    assertTrue(browser.waitFor("#file-input").isEnabled());
    // and every API request now carries the token (reads too, for stacks that protect them)
    browser.open(site.origin() + "/#/reports");
    browser.settled();
    assertEquals("Bearer " + SiteServer.TOKEN, site.lastAuthorization);
  }

  @Test
  void tabletWidthStillShowsTheTables() throws IOException {
    // GIVEN a tablet's width
    browser.driver.manage().window().setSize(new Dimension(TABLET, Browser.HEIGHT));
    try {
      // WHEN a report with an error is shown THEN its tables are all there, the marked cell can be scrolled to and
      // seen, and only the tables scroll sideways, never the page
      go("#/reports/" + reportIds.get(PageFiles.BROKEN_B1));
      assertEquals(25 * 7, browser.all("td[data-cell^='三|']").size());
      assertEquals(15, browser.all("td[data-cell^='四|']").size());
      WebElement marked = browser.waitFor("td[data-cell='三|newReceived|total']");
      browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", marked);
      assertTrue(marked.isDisplayed() && marked.getAttribute("class").contains("mark-error"));
      assertPageDoesNotScrollSideways();
      browser.screenshot("14-detail-tablet", TABLET);
      // AND the list shows every report with its columns
      go("#/reports");
      browser.until(d -> browser.all("tr[data-report]").size() == 5 ? true : null);
      for (WebElement row : browser.all("tr[data-report]")) {
        assertTrue(row.isDisplayed(), row.getText());
      }
      assertTrue(text("table.reports").contains("新乡县人民政府"));
      assertPageDoesNotScrollSideways();
      browser.screenshot("15-list-tablet", TABLET);
    } finally {
      browser.driver.manage().window().setSize(new Dimension(Browser.WIDTH, Browser.HEIGHT));
    }
  }

  @Test
  void aTableNotReadReliablyIsAWarningAboveItsTableNeverAReadingNote() throws IOException {
    // T1 (a table the reader could not read reliably) as the API will serve it, added to 新乡县 2022's answer
    String t1 = "{\"rule\":\"T1\",\"severity\":\"warning\",\"location\":{\"section\":\"三\"},"
        + "\"message\":\"表格未能可靠识别，需人工核对\",\"expected\":null,\"actual\":null}";
    site.proxy(stack.apiUrl(), json -> json.replaceFirst("\"findings\":\\[\\{",
        "\"findings\":[" + Matcher.quoteReplacement(t1) + ",{"));
    browser.open(site.origin() + "/#/reports/" + reportIds.get(PageFiles.SEED_003));
    browser.settled();
    WebElement callout = browser.waitFor("#sec-三 .table-unsure");
    assertTrue(callout.getText().contains("T1") && callout.getText().contains("表格未能可靠识别，需人工核对"),
        callout.getText());
    assertTrue(callout.getAttribute("class").contains("warning"), callout.getAttribute("class"));
    assertTrue(text("#findings-title").contains("警告 14"), text("#findings-title"));
    List<WebElement> t1Items = browser.driver.findElements(By.xpath("//section[@id='findings']/ol/li[contains(@class,"
        + "'sev-warning')][.//span[contains(@class,'rule') and text()='T1']]"));
    assertEquals(1, t1Items.size(), "T1 is listed among the warnings");
    assertTrue(t1Items.get(0).getText().contains("表格未能可靠识别，需人工核对"), t1Items.get(0).getText());
    assertFalse(text("#reading-notes").contains("T1"), "never among the reading notes");
    browser.screenshot("20-detail-t1");
    axe("报告详情（T1）");
  }

  /**
   * A finding a reviewer dismissed (issue 14), as the API serves it: still listed with the reason, but no longer
   * counted in the view's figures nor marking its cells — as it no longer counts in the report's.
   */
  @Test
  void aDismissedFindingIsListedWithItsReasonButNeitherCountedNorMarked() throws IOException {
    go("#/reports/" + reportIds.get(PageFiles.SEED_003));
    assertTrue(text("#findings-title").contains("警告 13"), text("#findings-title"));
    int marked = browser.all("td.mark").size();

    site.proxy(stack.apiUrl(), json -> json.replaceFirst("\"review\":\\{\"state\":\"pending\"",
        "\"review\":{\"state\":\"dismissed\",\"reason\":\"原文如此，已核实\""));
    browser.open(site.origin() + "/#/reports/" + reportIds.get(PageFiles.SEED_003));
    browser.settled();
    assertTrue(text("#findings-title").contains("警告 12"), text("#findings-title"));
    List<WebElement> dismissed = browser.all("#findings li.finding.dismissed");
    assertEquals(1, dismissed.size());
    assertTrue(dismissed.get(0).getText().contains("已驳回") && dismissed.get(0).getText().contains("原文如此，已核实"),
        dismissed.get(0).getText());
    assertTrue(browser.all("td.mark").size() <= marked, "a dismissed finding marks no cell of its own");
    browser.screenshot("21-detail-dismissed");
  }

  private void assertPageDoesNotScrollSideways() {
    Number page = (Number) browser.js("return document.documentElement.scrollWidth");
    Number window = (Number) browser.js("return document.documentElement.clientWidth");
    assertTrue(page.longValue() <= window.longValue(), "the page is " + page + " px wide in a " + window + " px window");
  }
}
