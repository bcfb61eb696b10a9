package nianbao.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.model.Report;
import nianbao.core.model.Source;
import nianbao.fixtures.SeedReports;
import nianbao.ingest.operations.OperationsHandler;
import nianbao.store.item.ReportHead;
import org.junit.jupiter.api.Test;

/**
 * Notes that an older reader (before rules/3 defined what a report is) took for a newer version of a report are
 * found to be no report by {@code reprocess}: they leave the report, whose own version is current again, and stay
 * as a rejected upload with the reason. Through the operations handler on DynamoDB Local and s3proxy.
 */
class NotAReportReprocessTest {
  private static final String NOTES = "工作笔记\n今天整理了新乡县人民政府2022年政府信息公开工作年度报告的材料，明天交给办公室审核。\n"
      + "联系人电话0373-2024，分机8。\n";

  @Test
  void notesStoredAsTheReportByAnOlderReaderLeaveItOnReprocessAndTheReportIsCurrentAgain() throws Exception {
    byte[] report = SeedReports.bytes(SeedReports.XINXIANG_2022);
    byte[] notes = NOTES.getBytes(StandardCharsets.UTF_8);
    // an older reader that read the notes as the report they name (what happened before rules/3)
    ReportParser older = (bytes, name) -> {
      if (!name.equals("notes.txt")) {
        return ReportReader.read(bytes, name);
      }
      Report named = ReportReader.read(report, SeedReports.XINXIANG_2022);
      Source s = named.source();
      return named.withSource(new Source(name, ReportReader.sha256(bytes), s.format(), s.encoding(), s.reader()));
    };
    Backend.Local backend = Backend.Local.shared();
    Harness h = new Harness(backend, backend.dynamo(), older);
    h.deliver(h.upload("uploads/xinxiang-2022.txt", report));
    Thread.sleep(5);
    h.deliver(h.upload("uploads/notes.txt", notes));
    assertEquals(1, h.heads().size());
    assertEquals(ReportReader.sha256(notes), h.heads().get(0).currentSha(), "the notes became the current version");
    ReadingNotesUpgradeTest.markStoredBy(h, "rules/2");

    // WHEN the deployed reader re-processes what older rules stored
    OperationsHandler current = new OperationsHandler(h.ingestWith(ReportParser.CORE), backend::sqs, null);
    String out = ReadingNotesUpgradeTest.invoke(current, "{\"action\":\"reprocess\"}");
    assertTrue(out.contains("\"cursor\":null") && out.contains("\"failed\":0"), out);

    // THEN the notes are a rejected upload with their reason, and the report's own version is current again
    List<ReportHead> heads = h.heads();
    assertEquals(2, heads.size(), heads.toString());
    ReportHead rejected = heads.stream().filter(ReportHead::rejected).findFirst().orElseThrow();
    assertEquals("uploads/notes.txt", rejected.key());
    assertTrue(rejected.reason().startsWith("不是政府信息公开工作年度报告"), rejected.reason());
    ReportHead good = heads.stream().filter(x -> !x.rejected()).findFirst().orElseThrow();
    assertEquals(ReportReader.sha256(report), good.currentSha());
    assertEquals(1, h.store.summary(2022, null, null).reports());
    h.assertSummariesExact();
  }
}
