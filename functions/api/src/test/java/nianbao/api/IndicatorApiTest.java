package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indicators of a report in {@code GET /reports/{id}} (with definitions, small bases marked) and the lists in
 * each indicator's order ({@code sort=<code>}), through the real handler on DynamoDB Local and s3proxy with the
 * seeds ingested.
 */
class IndicatorApiTest {
  static ApiStack stack;

  @BeforeAll
  static void ingestTheSeeds() {
    stack = new ApiStack().withSeeds();
  }

  private static JsonNode indicator(JsonNode indicators, String code) {
    for (JsonNode i : indicators) {
      if (i.path("code").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError("no indicator " + code + " in " + indicators);
  }

  @Test
  void aReportHasItsEightIndicatorsWithDefinitionsFromItsTables() {
    JsonNode report = stack.get("/reports/" + ListRoutesTest.ids(ListRoutesTest.all(stack, "&agency="
        + ApiStack.enc("新乡县人民政府") + "&year=2022")).get(0)).json();
    JsonNode indicators = report.path("indicators");
    assertEquals(8, indicators.size(), indicators.toString());
    JsonNode b = report.path("report").path("applications").path("rows");
    JsonNode disclosure = indicator(indicators, "disclosure");
    assertEquals("实质公开率", disclosure.path("label").asText());
    assertTrue(disclosure.path("definition").asText().contains("办理结果总计"));
    long handled = b.path("total").path(6).asLong();
    assertEquals(handled, disclosure.path("denominator").asLong());
    assertEquals(b.path("granted").path(6).asLong() + b.path("partiallyGranted").path(6).asLong(),
        disclosure.path("numerator").asLong());
    assertEquals(disclosure.path("numerator").asDouble() / handled, disclosure.path("value").asDouble(), 1e-9);
    assertEquals(handled < 10, disclosure.path("smallBase").asBoolean());
    assertEquals(handled >= 10, disclosure.path("ranked").asBoolean());
    // 新乡县 2022 had no administrative review: no cases, no share, said why
    JsonNode review = indicator(indicators, "reviewCorrection");
    if (review.path("denominator").asLong() == 0) {
      assertTrue(review.path("value").isNull());
      assertFalse(review.path("unknownBecause").asText().isEmpty());
    }
  }

  @Test
  void eachIndicatorsOrderListsKnownSharesHighestFirstThenSmallBasesThenUnknown() {
    for (String code : List.of("disclosure", "denial", "unavailable", "notProcessed", "reviewCorrection",
        "litigationCorrection", "dispute", "carryOver")) {
      List<JsonNode> rows = ListRoutesTest.all(stack, "&sort=" + code);
      List<JsonNode> all = ListRoutesTest.all(stack, "");
      assertEquals(all.size(), rows.size(), code + ": every report is in the list");
      int previousClass = 3;
      double previous = Double.MAX_VALUE;
      List<String> seen = new ArrayList<>();
      for (JsonNode row : rows) {
        JsonNode share = row.path("indicators").isArray() && row.path("indicators").size() > 0
            ? indicator(row.path("indicators"), code) : null;
        int cls = share == null || share.path("value").isNull() ? 0 : share.path("smallBase").asBoolean() ? 1 : 2;
        assertTrue(cls <= previousClass, code + " order: " + seen);
        if (cls < previousClass) {
          previous = Double.MAX_VALUE;
        }
        if (cls > 0) {
          assertTrue(share.path("value").asDouble() <= previous, code + " order: " + seen);
          previous = share.path("value").asDouble();
        }
        previousClass = cls;
        seen.add(row.path("agency").asText() + "=" + (share == null ? null : share.path("value")));
      }
      assertEquals(code, stack.get("/reports?limit=1&sort=" + code).json().path("filter").path("sort").asText());
    }
  }

  @Test
  void theOrdersAreNamedInTheOpenApi() {
    String doc = stack.get("/openapi.json").body();
    for (String code : List.of("disclosure", "carryOver", "litigationCorrection")) {
      assertTrue(doc.contains("\"" + code + "\""), code);
    }
    assertEquals(400, stack.get("/reports?sort=nonsense").status());
  }

  /** Every row of a ranking, paged {@code limit} at a time. */
  private static List<JsonNode> ranking(String query, int limit) {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    do {
      ApiStack.Call c = stack.get("/rankings?limit=" + limit + query + (cursor == null ? "" : "&cursor=" + ApiStack.enc(cursor)));
      assertEquals(200, c.status(), c.body());
      c.json().path("items").forEach(rows::add);
      cursor = c.json().path("cursor").isNull() ? null : c.json().path("cursor").asText();
    } while (cursor != null);
    return rows;
  }

  @Test
  void aRankingByErrorsIsTheYearsReportsOfTheRegionMostErrorsFirstEqualsSharingARank() {
    List<JsonNode> rows = ranking("&year=2022", 2);
    List<JsonNode> reports = ListRoutesTest.all(stack, "&year=2022&sort=errors");
    assertEquals(ListRoutesTest.ids(reports), ListRoutesTest.ids(rows));
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      assertEquals(row.path("errors").asDouble(), row.path("value").asDouble());
      int expectedRank = i > 0 && rows.get(i - 1).path("errors").asInt() == row.path("errors").asInt()
          ? rows.get(i - 1).path("rank").asInt() : i + 1;
      assertEquals(expectedRank, row.path("rank").asInt(), "rank of row " + i + " in " + rows);
    }
    List<JsonNode> ascending = ranking("&year=2022&order=asc", 50);
    assertEquals(rows.get(rows.size() - 1).path("errors").asInt(), ascending.get(0).path("errors").asInt());
    JsonNode henan = stack.get("/rankings?year=2022&province=" + ApiStack.enc("河南省")).json();
    assertEquals("河南省", henan.path("scope").path("province").asText());
    henan.path("items").forEach(r -> assertEquals("河南省", r.path("province").asText()));
  }

  @Test
  void aRankingByAnIndicatorLeavesOutSmallAndUnknownShares() {
    for (String code : List.of("disclosure", "dispute", "reviewCorrection")) {
      List<JsonNode> rows = ranking("&year=2022&by=" + code, 1);
      List<String> expected = ListRoutesTest.all(stack, "&year=2022&sort=" + code).stream()
          .filter(r -> indicator(r.path("indicators"), code).path("denominator").asLong() >= 10
              && !indicator(r.path("indicators"), code).path("value").isNull())
          .map(r -> r.path("id").asText()).toList();
      assertEquals(expected, ListRoutesTest.ids(rows), code);
      JsonNode answer = stack.get("/rankings?year=2022&by=" + code).json();
      assertTrue(answer.path("by").path("definition").asText().contains("÷"), answer.toString());
      assertTrue(answer.path("by").path("excluded").asText().contains("分母小于 10"));
      for (JsonNode row : rows) {
        assertEquals(row.path("numerator").asDouble() / row.path("denominator").asDouble(),
            row.path("value").asDouble(), 1e-9);
      }
    }
    assertEquals(400, stack.get("/rankings?by=disclosure").status());
    String cursor = stack.get("/rankings?year=2022&limit=1").json().path("cursor").asText();
    assertEquals(400, stack.get("/rankings?year=2022&limit=1&order=asc&cursor=" + ApiStack.enc(cursor)).status());
  }

  @Test
  void aRegionsTrendIsItsSummaryOfEachYearWithIndicatorsOfItsSums() {
    JsonNode trend = stack.get("/trends?province=" + ApiStack.enc("河南省")).json();
    assertEquals(8, trend.path("indicatorDefinitions").size());
    assertTrue(trend.path("years").size() >= 2, trend.toString());
    int previous = 0;
    for (JsonNode y : trend.path("years")) {
      assertTrue(y.path("year").asInt() > previous);
      previous = y.path("year").asInt();
      JsonNode summary = stack.get("/summary?year=" + previous + "&province=" + ApiStack.enc("河南省")).json();
      assertEquals(summary.path("reports").asLong(), y.path("reports").asLong());
      assertEquals(summary.path("errors").asLong(), y.path("errors").asLong());
      assertEquals(summary.path("byStatus").path("HAS_ERRORS").asLong(), y.path("withErrors").asLong());
      JsonNode disclosure = indicator(y.path("indicators"), "disclosure");
      assertEquals(y.path("handled").asLong(), disclosure.path("denominator").asLong());
      if (previous == 2022) {
        // the seeds of 2022 in 河南省 print table B: the region's shares are known
        assertTrue(!disclosure.path("value").isNull() && !indicator(y.path("indicators"), "denial").path("value")
            .isNull(), y.toString());
      }
    }
  }

  @Test
  void aCountysTrendIsItsReportsOfEachYear() {
    String county = "&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市") + "&county="
        + ApiStack.enc("新乡县");
    ApiStack.Call call = stack.get("/trends?" + county.substring(1));
    assertEquals(200, call.status(), call.body());
    JsonNode trend = call.json();
    assertEquals("新乡县", trend.path("scope").path("county").asText());
    List<Integer> years = new ArrayList<>();
    for (JsonNode y : trend.path("years")) {
      years.add(y.path("year").asInt());
      List<JsonNode> rows = ListRoutesTest.all(stack, county + "&year=" + y.path("year").asInt());
      assertEquals(rows.size(), y.path("reports").asInt(), y.toString());
      assertEquals(rows.stream().filter(r -> r.path("status").asText().equals("HAS_ERRORS")).count(),
          y.path("withErrors").asLong());
      assertEquals(rows.stream().mapToLong(r -> r.path("errors").asLong()).sum(), y.path("errors").asLong());
    }
    assertTrue(years.containsAll(List.of(2021, 2022)), trend.toString());
    // fewer than its city: the city's other agencies are not the county's
    JsonNode city = stack.get("/trends?province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市")).json();
    assertTrue(city.path("years").get(0).path("reports").asInt() >= trend.path("years").get(0).path("reports").asInt());
    assertEquals(400, stack.get("/trends?county=" + ApiStack.enc("新乡县")).status(), "a county needs its province");
    assertEquals(400, stack.get("/trends?agencyKey=0123456789abcdef" + county).status());
  }

  @Test
  void anAgencysTrendIsItsReportsOfEachYear() {
    String id = ListRoutesTest.ids(ListRoutesTest.all(stack, "&agency=" + ApiStack.enc("新乡县人民政府") + "&year=2022"))
        .get(0);
    JsonNode report = stack.get("/reports/" + id).json();
    JsonNode trend = stack.get("/trends?agencyKey=" + report.path("agencyKey").asText()).json();
    List<Integer> years = new ArrayList<>();
    trend.path("years").forEach(y -> years.add(y.path("year").asInt()));
    assertEquals(List.of(2021, 2022), years);
    JsonNode y2022 = trend.path("years").get(1);
    assertEquals(id, y2022.path("reportId").asText());
    assertEquals(report.path("errors").asInt(), y2022.path("errors").asInt());
    assertEquals(indicator(report.path("indicators"), "dispute").path("denominator").asLong(),
        y2022.path("newReceived").asLong());
    assertEquals(indicator(report.path("indicators"), "disclosure").path("value").asDouble(),
        indicator(y2022.path("indicators"), "disclosure").path("value").asDouble(), 1e-12);
    assertEquals(404, stack.get("/trends?agencyKey=ffffffffffffffff").status());
    assertEquals(400, stack.get("/trends?agencyKey=" + report.path("agencyKey").asText() + "&province="
        + ApiStack.enc("河南省")).status());
  }

  @Test
  void exportsArePeoplesCsvChineseValuesChinaTimeIndicatorsAndWholeRankings() {
    String reports = stack.get("/export/reports.csv?year=2022&sort=errors").body();
    String[] lines = reports.split("\r\n");
    String header = lines[0];
    // the indicators, then which cells reviewers corrected (CorrectionsSaidTest)
    assertTrue(header.endsWith(",实质公开率,不予公开率,无法提供率,不予处理率,行政复议纠错率,行政诉讼纠错率,复议诉讼发生率,结转率,分母小于10的指标,"
        + "已更正单元格（更正值，原读值）"), header);
    JsonNode first = stack.get("/reports?year=2022&sort=errors&limit=1").json().path("items").get(0);
    JsonNode detail = stack.get("/reports/" + first.path("id").asText()).json();
    String row = lines[1];
    assertTrue(row.startsWith(first.path("id").asText() + ","), row);
    assertTrue(row.contains(first.path("status").asText().equals("VALID") ? ",通过," : ",有错误,"), row);
    // uploaded at 2026-…Z: the CSV says China time, eight hours on, without a zone letter
    String uploaded = java.time.Instant.parse(first.path("uploadedAt").asText()).atZone(java.time.ZoneId.of("Asia/Shanghai"))
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    assertTrue(row.contains("," + uploaded + ","), row + " / " + uploaded);
    JsonNode disclosure = indicator(detail.path("indicators"), "disclosure");
    if (!disclosure.path("value").isNull()) {
      assertTrue(row.contains(String.format(",%.1f%%,", disclosure.path("value").asDouble() * 100)), row);
    }
    String findings = stack.get("/export/findings.csv?year=2022").body();
    assertTrue(findings.contains(",警告,") || findings.contains(",错误,"), findings.substring(0, 300));
    assertTrue(!findings.contains(",warning,") && !findings.contains(",note,"), "severities in Chinese");
    assertTrue(findings.contains("本年新收") || findings.contains("总计"), "rows and columns by their template names");

    String ranking = stack.get("/export/rankings.csv?year=2022&by=disclosure").body();
    String[] ranked = ranking.split("\r\n");
    assertEquals("\uFEFF名次,机关,年度,省,市,县,状态,错误数,实质公开率,分子,分母,已更正单元格（更正值，原读值）,报告编号", ranked[0]);
    List<JsonNode> rows = ranking("&year=2022&by=disclosure", 50);
    assertEquals(rows.size() + 1, ranked.length);
    for (int i = 0; i < rows.size(); i++) {
      assertTrue(ranked[i + 1].startsWith(rows.get(i).path("rank").asText() + "," + rows.get(i).path("agency").asText()),
          ranked[i + 1]);
      assertTrue(ranked[i + 1].endsWith("," + rows.get(i).path("id").asText()), ranked[i + 1]);
    }
  }
}
