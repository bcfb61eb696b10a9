package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nianbao.core.ReportReader;
import nianbao.fixtures.SeedReports;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * One key overwritten with another agency's report (issue 17.5): the key's new content is that report, and the
 * report the key held before leaves the lists with its only source — before, it stayed listed with the new
 * document behind its source link. Through ingest on DynamoDB Local and s3proxy (a versioned bucket).
 */
class OverwrittenKeyTest {

  @Test
  void theReportAKeyHeldLeavesWhenTheKeyHoldsAnotherReport() throws Exception {
    Backend.Local servers = Backend.Local.shared();
    Harness h = new Harness(servers, servers.dynamo(), ReportParser.CORE);
    byte[] first = SeedReports.bytes(SeedReports.NAMES.get(0));
    byte[] second = SeedReports.bytes(SeedReports.XINXIANG_2022);
    h.deliver(h.upload("uploads/report.txt", first));
    Thread.sleep(5);

    h.deliver(h.upload("uploads/report.txt", second));

    List<ReportHead> heads = h.heads();
    assertEquals(1, heads.size(), heads.toString());
    assertEquals(ReportReader.sha256(second), heads.get(0).currentSha());
    assertEquals("uploads/report.txt", heads.get(0).key());
    assertEquals(1, h.store.summary(null, null, null).reports());
    h.assertSummariesExact();
  }
}
