package nianbao.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A roster uploaded (GBK) and matched to the stored reports of its region and year, through the real handler on
 * DynamoDB Local and s3proxy: 新乡县 signed in January (按时), 卫辉市商务局 published in February (逾期), an agency with
 * no report (未报送), a report no entry names (left for matching by hand).
 */
class RosterApiTest {
  static ApiStack stack;
  static final String SCOPE = "?year=2022&province=" + ApiStack.enc("河南省") + "&city=" + ApiStack.enc("新乡市");

  @BeforeAll
  static void ingest() {
    stack = new ApiStack().withSeeds();
    // new versions of two 2022 reports, printing their dates: a signature in January, a publication in February
    stack.upload("uploads/新乡县落款.txt", (ApiStack.seedText(ApiStack.XINXIANG_2022).stripTrailing()
        + "\n\n新乡县人民政府\n2023年1月20日\n").getBytes(StandardCharsets.UTF_8));
    stack.upload("uploads/卫辉市商务局发布.txt", ("发布时间：2023-02-10 09:30\n"
        + ApiStack.seedText("002_247cf08f496e631f.txt")).getBytes(StandardCharsets.UTF_8));
  }

  static ApiStack.Call put(String scope, byte[] csv) {
    return stack.callBytes("PUT", "/rosters" + scope, Map.of("content-type", "text/csv"), csv);
  }

  @Test
  void aRosterSaysWhoHasNotReportedWhoIsLateAndWhoseDateIsUnknown() {
    String csv = "序号,机关名称,区划代码\n1,新乡县人民政府,410721\n2,卫辉市商务局,\n3,卫辉市教育局,\n";
    ApiStack.Call saved = put(SCOPE, csv.getBytes(Charset.forName("GBK")));
    assertEquals(200, saved.status(), saved.body());
    assertEquals(3, saved.json().path("entries").asInt());
    assertTrue(saved.json().path("encoding").asText().startsWith("GB"), saved.body());

    JsonNode roster = stack.get("/rosters" + SCOPE).json();
    assertEquals("2023-01-31", roster.path("deadline").asText());
    Map<String, JsonNode> byName = new HashMap<>();
    roster.path("entries").forEach(e -> byName.put(e.path("name").asText(), e));
    JsonNode xinxiang = byName.get("新乡县人民政府");
    assertEquals("已报送", xinxiang.path("state").asText());
    assertEquals("按时", xinxiang.path("timeliness").asText(), xinxiang.toString());
    assertEquals("落款", xinxiang.path("reports").get(0).path("datedKind").asText());
    assertEquals("逾期", byName.get("卫辉市商务局").path("timeliness").asText(), byName.get("卫辉市商务局").toString());
    assertEquals("2023-02-10", byName.get("卫辉市商务局").path("reports").get(0).path("dated").asText());
    assertEquals("未报送", byName.get("卫辉市教育局").path("state").asText());
    assertTrue(byName.get("卫辉市教育局").path("timeliness").isNull());
    List<String> unmatched = roster.path("unmatchedReports").findValuesAsText("agency");
    assertEquals(List.of("新乡市卫滨区科技和工业信息化局"), unmatched);
    JsonNode counts = roster.path("counts");
    assertEquals(1, counts.path("notReported").asInt());
    assertEquals(1, counts.path("late").asInt());
    assertEquals(1, counts.path("onTime").asInt());

    // handed on as CSV: 未报送 first, then 逾期, 按时, and the report no entry matched
    ApiStack.Call export = stack.get("/export/roster.csv" + SCOPE);
    assertEquals(200, export.status(), export.body());
    String[] lines = export.body().split("\r\n");
    assertEquals("\uFEFF报送情况,时效,名单行号,机关名称,区划代码,报告机关,印明日期,日期来源,报告编号", lines[0]);
    assertTrue(lines[1].startsWith("未报送,,4,卫辉市教育局,"), lines[1]);
    assertTrue(lines[2].startsWith("已报送,逾期,3,卫辉市商务局,,卫辉市商务局,2023-02-10,发布日期,"), lines[2]);
    assertTrue(lines[3].startsWith("已报送,按时,2,新乡县人民政府,410721,新乡县人民政府,2023-01-20,落款,"), lines[3]);
    assertTrue(lines[4].startsWith("未匹配名单,日期不明,,,,新乡市卫滨区科技和工业信息化局,"), lines[4]);
    assertEquals(5, lines.length);

    // an entry whose report prints no date: 日期不明, never judged from the upload time
    put(SCOPE, "机关名称\n新乡市卫滨区科技和工业信息化局\n".getBytes(StandardCharsets.UTF_8));
    JsonNode replaced = stack.get("/rosters" + SCOPE).json();
    assertEquals(1, replaced.path("entries").size(), "a second upload replaces the roster");
    assertEquals("日期不明", replaced.path("entries").get(0).path("timeliness").asText());
  }

  @Test
  void whatIsNoRosterOrNoScopeIsRefused() {
    ApiStack.Call bad = put(SCOPE, "机关名称,区划代码\n某局,41\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, bad.status());
    assertTrue(bad.json().path("detail").asText().contains("第 2 行"), bad.body());
    assertEquals(400, put("?year=2022", "机关名称\n某局\n".getBytes(StandardCharsets.UTF_8)).status());
    assertEquals(404, stack.get("/rosters?year=2021&province=" + ApiStack.enc("湖南省")).status());
  }
}
