package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nianbao.fixtures.SeedReports;
import nianbao.core.ReportReader;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * A document that only names a report — notes, a table of contents — is a rejected upload with its reason,
 * and replaces nothing: the agency's report stays current with its one version, and the summaries count it once.
 * (Before, a notes file naming "…2023年度政府信息公开工作年度报告" became that report's current version.)
 */
class NotAReportUploadTest {
  private static final String TITLE = "新乡县人民政府2022年政府信息公开工作年度报告";

  private static Harness harness() throws java.io.IOException {
    Backend.Local servers = Backend.Local.shared();
    return new Harness(servers, servers.dynamo(), ReportParser.CORE);
  }

  @Test
  void notesAndATableOfContentsNamingAReportAreRejectedAndTheReportStaysCurrent() throws Exception {
    // GIVEN the agency's report, ingested
    Harness h = harness();
    byte[] report = SeedReports.bytes(SeedReports.XINXIANG_2022);
    assertTrue(h.deliver(h.upload("uploads/xinxiang-2022.txt", report)).contains("CREATED"));
    ReportHead good = h.heads().get(0);
    Thread.sleep(5);

    // WHEN notes that name the report, and the report's table of contents, are uploaded after it
    String notes = "工作笔记 2023年1月15日\n\n今天整理了" + TITLE + "的材料，明天交给办公室审核。\n"
        + "1. 报告要在1月31日前公开。\n2. 二、主动公开政府信息情况：本年制发行政规范性文件若干，待统计，规章0件。\n"
        + "3. 三、收到和处理政府信息公开申请情况：自然人申请约13件。\n4. 联系人电话0373-2024，分机8。\n";
    String contents = TITLE + "\n\n目  录\n\n一、总体情况 …………… 1\n二、主动公开政府信息情况 …………… 3\n"
        + "三、收到和处理政府信息公开申请情况 …………… 4\n四、政府信息公开行政复议、行政诉讼情况 …………… 5\n"
        + "五、存在的主要问题及改进情况 …………… 6\n六、其他需要报告的事项 …………… 7\n";
    h.deliver(h.upload("uploads/notes.txt", notes.getBytes(StandardCharsets.UTF_8)),
        h.upload("uploads/contents.txt", contents.getBytes(StandardCharsets.UTF_8)));

    // THEN both are rejected uploads, each with the reason that names what was found
    List<ReportHead> heads = h.heads();
    assertEquals(3, heads.size(), heads.toString());
    for (String key : List.of("uploads/notes.txt", "uploads/contents.txt")) {
      ReportHead rejected = heads.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
      assertTrue(rejected.rejected(), key);
      assertTrue(rejected.reason().startsWith("不是政府信息公开工作年度报告：文中提到“"), rejected.reason());
    }
    // AND the report is current as before, with its one version, counted once
    ReportHead still = heads.stream().filter(x -> !x.rejected()).findFirst().orElseThrow();
    assertEquals(good.reportId(), still.reportId());
    assertEquals(ReportReader.sha256(report), still.currentSha());
    assertEquals(1, h.store.versions(still.reportId()).size());
    assertEquals(1, h.store.summary(2022, null, null).reports());
    assertEquals(2, h.store.summary(null, null, null).byStatus().get("REJECTED"));
    h.assertSummariesExact();
  }
}
