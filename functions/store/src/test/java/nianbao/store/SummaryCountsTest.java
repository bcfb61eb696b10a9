package nianbao.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

class SummaryCountsTest {
  private static ReportHead head(Integer year, String province, String city, String status) {
    return head(year, province, city, null, status);
  }

  private static ReportHead head(Integer year, String province, String city, String county, String status) {
    return new ReportHead("a-2022", ReportHead.KIND_REPORT, "a", "机关", "机关", year, "2021", "t", "410721",
        province, city, county, status, 1, 2, 3, Map.of("B1", 1, "S2", 5), null, "sha", 1, "2023-01-01T00:00:00Z",
        "o", "b", "k", null, null, 1L, "txt", "n", "txt/1", "rules/1", null, 1, "now", null, null, null, "PENDING", null,
        null, null);
  }

  @Test
  void aReportCountsInAllYearsAndItsYearForAllRegionsItsProvinceAndItsCity() {
    assertEquals(List.of(Keys.summary(null, null, null), Keys.summary(null, "河南省", null),
        Keys.summary(null, "河南省", "新乡市"), Keys.summary(2022, null, null), Keys.summary(2022, "河南省", null),
        Keys.summary(2022, "河南省", "新乡市")), SummaryCounts.scopes(head(2022, "河南省", "新乡市", "HAS_ERRORS")));
    assertEquals(List.of(Keys.summary(null, null, null)), SummaryCounts.scopes(head(null, null, null, "REJECTED")));
  }

  @Test
  void aCountysReportCountsInItsCountyAndItsCityNamesTheCounty() {
    ReportHead xinxiang = head(2022, "河南省", "新乡市", "新乡县", "HAS_ERRORS");
    assertEquals(List.of(Keys.summary(null, null, null), Keys.summary(null, "河南省", null),
        Keys.summary(null, "河南省", "新乡市"), Keys.summary(null, "河南省", "新乡市", "新乡县"),
        Keys.summary(2022, null, null), Keys.summary(2022, "河南省", null), Keys.summary(2022, "河南省", "新乡市"),
        Keys.summary(2022, "河南省", "新乡市", "新乡县")), SummaryCounts.scopes(xinxiang));
    assertEquals("SUM#2022#河南省#新乡市#新乡县", Keys.summary(2022, "河南省", "新乡市", "新乡县"));
    Map<String, Map<String, java.math.BigDecimal>> sums = new java.util.TreeMap<>();
    SummaryCounts.addTo(sums, xinxiang, null, 1);
    SummaryCounts.addTo(sums, head(2022, "河南省", "新乡市", "卫辉市", "VALID"), null, 1);
    SummaryCounts.addTo(sums, head(2022, "河南省", "新乡市", null, "VALID"), null, 1);
    var city = new Summary(2022, "河南省", "新乡市", sums.get(Keys.summary(2022, "河南省", "新乡市")), null);
    assertEquals(List.of(new Summary.CountyCount("卫辉市", 1, 0), new Summary.CountyCount("新乡县", 1, 1)),
        city.byCounty());
    assertEquals(3, city.reports(), "the city's own agencies are in its sums, not among its counties");
    // only the county's city names it: the province's and the country's items carry no county attributes
    for (String scope : List.of(Keys.summary(2022, null, null), Keys.summary(2022, "河南省", null),
        Keys.summary(2022, "河南省", "新乡市", "新乡县"))) {
      assertEquals(List.of(), new Summary(2022, null, null, sums.get(scope), null).byCounty(), scope);
    }
    assertEquals(1, sums.get(Keys.summary(2022, "河南省", "新乡市", "新乡县")).get("reports").intValue());
    // taking the report away takes its county line away too
    SummaryCounts.addTo(sums, xinxiang, null, -1);
    assertEquals(List.of(new Summary.CountyCount("卫辉市", 1, 0)),
        new Summary(2022, "河南省", "新乡市", sums.get(Keys.summary(2022, "河南省", "新乡市")), null).byCounty());
    // a county without a city (济源市, a municipality's district) is named by its province's item
    Map<String, Map<String, java.math.BigDecimal>> direct = new java.util.TreeMap<>();
    SummaryCounts.addTo(direct, head(2022, "北京市", null, "东城区", "VALID"), null, 1);
    assertEquals(List.of(new Summary.CountyCount("东城区", 1, 0)),
        new Summary(2022, "北京市", null, direct.get(Keys.summary(2022, "北京市", null)), null).byCounty());
    assertEquals("SUM#2022#北京市#*#东城区", Keys.summary(2022, "北京市", null, "东城区"));
  }

  @Test
  void countsStatusFindingsByRuleAndReportsByRule() {
    var c = SummaryCounts.of(head(2022, "河南省", "新乡市", "HAS_ERRORS"), null);
    assertEquals(1, c.get("reports").intValue());
    assertEquals(1, c.get("status.HAS_ERRORS").intValue());
    assertEquals(5, c.get("rule.S2").intValue());
    // reading notes are summed apart, never into warnings
    assertEquals(2, c.get("warnings").intValue());
    assertEquals(3, c.get("notes").intValue());
    assertEquals(1, c.get("ruleReports.S2").intValue());
    assertEquals(1, c.get("city.河南省/新乡市").intValue());
    assertEquals(1, c.get("cityErrors.河南省/新乡市").intValue());
    var valid = SummaryCounts.of(head(2022, "河南省", null, "VALID"), null);
    assertEquals(1, valid.get("city.河南省/").intValue());
    assertEquals(null, valid.get("cityErrors.河南省/"));
    assertEquals(null, SummaryCounts.of(head(null, null, null, "REJECTED"), null).get("city./"));
  }

  @Test
  void theReadingNotesOfARuleAreCountedFromTheReportsOwnFindings() {
    Report report = new Report(1, null, null, null, 2022, "2021", null, null, null, null, null, List.of(
        Finding.note("S2", Location.row("三", "granted"), "数字连写", null, null),
        Finding.note("S2", Location.row("三", "total"), "数字连写", null, null),
        Finding.warning("S2", Location.row("三", "denied.stateSecret"), "只填写了总计列", null, null)));
    var c = SummaryCounts.of(head(2022, "河南省", "新乡市", "VALID"), report);
    assertEquals(2, c.get("ruleNotes.S2").intValue());
    var s = new Summary(2022, null, null, Map.of("rule.S2", java.math.BigDecimal.valueOf(3), "ruleNotes.S2",
        java.math.BigDecimal.valueOf(2)), null);
    assertEquals(Map.of("S2", 2L), s.notesByRule());
    assertEquals(Map.of("S2", 3L), s.findingsByRule());
  }

  @Test
  void summaryBreaksReportsDownByCityMostFirst() {
    var values = new java.util.HashMap<String, java.math.BigDecimal>();
    values.put("city.河南省/新乡市", java.math.BigDecimal.ONE);
    values.put("cityErrors.河南省/新乡市", java.math.BigDecimal.ONE);
    values.put("city.河南省/郑州市", java.math.BigDecimal.valueOf(3));
    values.put("city.河南省/", java.math.BigDecimal.ONE);
    values.put("city.河南省/洛阳市", java.math.BigDecimal.ZERO);
    values.put("city.河南省/开封市", java.math.BigDecimal.valueOf(-1));
    var s = new Summary(2022, "河南省", null, values, null);
    assertEquals(List.of(new Summary.CityCount("河南省", "郑州市", 3, 0), new Summary.CityCount("河南省", null, 1, 0),
        new Summary.CityCount("河南省", "新乡市", 1, 1)), s.byCity());
  }

  @Test
  void sequencersCompareAsHexOfDifferentLengths() {
    assertEquals(-1, Integer.signum(Sequencers.compare("FF", "0100")));
    assertEquals(0, Sequencers.compare("00AB", "AB"));
  }

  @Test
  void cursorsRefuseAnotherListOrGarbage() {
    var key = Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"));
    String c = Cursor.encode("byYear", key);
    assertEquals(key, Cursor.decode("byYear", c));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Cursor.decode("byRule", c));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Cursor.decode("byYear", "%%"));
  }
}
