package nianbao.core.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import nianbao.core.ReportReader;
import nianbao.core.model.Report;
import org.junit.jupiter.api.Test;

/** Cases DamagedTablesTest's generator found, kept so they are tried on every run, not only when drawn again. */
class DamagedTablesRegressionTest {

  @Test
  void aPageFooterRowInsideAMarkdownTableIsNoValue() throws Exception {
    // labels apart, footers, a damaged label, pipes (seed 28461): "| - 4 - |" stood in table C's pipe rows, and the
    // Markdown reader took the 4 for 行政复议's first cell, so 结果纠正 read 4 where the report prints 3
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/regressions/footer-in-markdown-table-c.md")) {
      bytes = in.readAllBytes();
    }
    Report report = ReportReader.read(bytes, "damaged.txt");
    List<Long> printed = Arrays.asList(1L, 3L, 3L, 0L, 7L);
    List<Long> read = report.reviewAndLitigation().group("adminReview").cells();
    for (int i = 0; i < 5; i++) {
      assertTrue(read.get(i) == null || read.get(i).equals(printed.get(i)), "adminReview " + read + " vs " + printed);
    }
    assertEquals(printed, read, "and with the footer gone the row reads whole");
  }
}
