package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import nianbao.core.model.Proactive2021.DocumentCounts;
import nianbao.core.model.Proactive2021;
import nianbao.fixtures.SeedReports;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * Table A's figures printed run together ("行政规范性文件91132470") with only 现行有效 stated in the narrative are
 * split by continuity with the agency's year before when the store holds it (现行有效 2021 + 本年制发 − 本年废止 =
 * 现行有效 2022), and left blank with a note when it does not. Through ingest on DynamoDB Local and s3proxy.
 */
class PreviousYearReadingTest {
  private static final String SAMPLE = SeedReports.PINGTAN_2022;
  private static final String ROW = "规章000行政规范性文件8855698";
  private static final String NARRATIVE = "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件";

  private static byte[] year2021() {
    return SeedReports.text(SAMPLE).replace(ROW, "规章000行政规范性文件6010511")
        .replace(NARRATIVE, "集中公开现行有效行政规范性文件511件，动态更新本年度制发的规范性文件60件")
        .replace("2022", "2021").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] year2022RunTogether() {
    return SeedReports.text(SAMPLE).replace(ROW, "规章000行政规范性文件91132470")
        .replace(NARRATIVE, "集中公开现行有效行政规范性文件470件").getBytes(StandardCharsets.UTF_8);
  }

  private static DocumentCounts documents(Harness h, int year) {
    ReportHead head = h.heads().stream().filter(x -> x.year() == year).findFirst().orElseThrow();
    var version = h.store.version(head.reportId(), head.currentSha()).orElseThrow();
    return ((Proactive2021) h.store.body(version).proactive()).normativeDocuments();
  }

  @Test
  void runTogetherFiguresAreSplitByTheAgencysYearBeforeFromTheStore() throws Exception {
    Backend.Local servers = Backend.Local.shared();
    Harness h = new Harness(servers, servers.dynamo(), ReportParser.CORE);
    h.deliver(h.upload("uploads/pingtan-2021.txt", year2021()));
    assertEquals(new DocumentCounts(60L, 10L, 511L), documents(h, 2021));

    h.deliver(h.upload("uploads/pingtan-2022.txt", year2022RunTogether()));

    assertEquals(new DocumentCounts(91L, 132L, 470L), documents(h, 2022));
    h.assertSummariesExact();
  }

  @Test
  void withoutTheYearBeforeTheRunTogetherFiguresStayBlank() throws Exception {
    Backend.Local servers = Backend.Local.shared();
    Harness h = new Harness(servers, servers.dynamo(), ReportParser.CORE);
    h.deliver(h.upload("uploads/pingtan-2022.txt", year2022RunTogether()));
    DocumentCounts read = documents(h, 2022);
    assertEquals(new DocumentCounts(null, null, 470L), read);
    assertTrue(h.heads().get(0).notes() > 0);
  }
}
