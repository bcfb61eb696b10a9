package nianbao.core.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nianbao.core.ReportReader;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * The recogniser bugs the round-trip property found ({@link LayoutRoundTripTest}), each as its smallest
 * failing input on a real seed layout, kept so they stay fixed (fixed in 6141098).
 */
class RoundTripRegressionTest {
  /**
   * Bug 1. Seed 003 prints only the 总计 column in some rows; print 结转下年度 that way too. "四、结转下年度继续办理
   * 0四、政府信息公开行政复议…" has a 四、 and section 四's phrase within SectionFinder's 14-character window, so
   * the row's label was taken for the heading: the row was lost (S1 error).
   */
  @Test
  void totalOnlyCarriedForwardIsARowNotSectionFour() throws Exception {
    String text = seed("seeds/003_978a9fff42e671ca.txt")
        .replace("四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0", "四、结转下年度继续办理\t\t\t\t\t\t\t0");
    Report read = read(text);
    assertEquals(Arrays.asList(null, null, null, null, null, null, 0L),
        read.applications().rows().get("carriedForward"));
    assertEquals(List.of(), errors(read));
  }

  /**
   * Bug 2. Seed 001's header lost 总计 and its 新收 row lost its total value. With values 77 4 26 29 41 114
   * the recogniser split "77" into 7 7 — B2 holds for 7 7 4 26 29 41 114 — and never weighed the lost
   * value against it, though B1 rules the split out and fixes the total at 291. A consistent report got
   * seven false B1 errors.
   */
  @Test
  void aLostTotalIsNotReadAsDigitsRunTogether() throws Exception {
    String values = "77\t4\t26\t29\t41\t114";
    String text = seed("seeds/001_6b6d80a219e047ef.txt")
        .replace("一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0", "一、本年新收政府信息公开申请数量\t" + values)
        .replace("(一) 予以公开\t\t\t0\t0\t0\t0\t0\t0\t0", "(一) 予以公开\t\t\t" + values + "\t291")
        .replace("(七) 总计\t\t\t\t0\t0\t0\t0\t0\t0\t0", "(七) 总计\t\t\t\t" + values + "\t291");
    Report read = read(text);
    assertEquals(List.of(77L, 4L, 26L, 29L, 41L, 114L, 291L), read.applications().rows().get("newReceived"));
    assertEquals(List.of(), errors(read));
  }

  /**
   * Bug 3. Sample 04 is a flattened web page whose rows run their digits together. A 总计 row of a larger
   * agency, 215 297 354 229 172 278 1545, runs to 22 digits; only one split keeps B2, but the split search
   * stopped at CellSolver.MAX_NODES before finding it (the row sum pruned nothing): the whole row was null.
   */
  @Test
  void aLongRunOfDigitsIsSplitByTheRowSum() throws Exception {
    String text = seed("samples/04_pingtan-2022.txt")
        .replace("（七）总计 723000075", "（七）总计 2152973542291722781545");
    Report read = read(text);
    assertEquals(List.of(215L, 297L, 354L, 229L, 172L, 278L, 1545L), read.applications().rows().get("total"));
  }

  /** The oracle agrees with the three expectations above: each case is determined by the text. */
  @Test
  void theExpectationsAboveAreWhatTheTextDetermines() {
    List<Long[]> forward = Readings.of(new PrintedRow(List.of("0"), true), 7, Readings.ROW_TOTAL);
    assertEquals(1, forward.size());
    List<Long[]> longRun =
        Readings.of(new PrintedRow(List.of("2152973542291722781545"), false), 7, Readings.ROW_TOTAL);
    assertEquals(1, longRun.size());
    assertEquals(List.of(215L, 297L, 354L, 229L, 172L, 278L, 1545L), Arrays.asList(longRun.get(0)));
    // Bug 2: the row alone allows the split and the lost total; B1 (新收 + 0 = 总计 + 0) keeps only the latter.
    PrintedRow lostTotal = new PrintedRow(List.of("77", "4", "26", "29", "41", "114"), false);
    assertTrue(Readings.splitHolds(lostTotal.tokens(), 7, Readings.ROW_TOTAL));
    Long[] zeros = {0L, 0L, 0L, 0L, 0L, 0L, 0L};
    Long[] printedRow = {77L, 4L, 26L, 29L, 41L, 114L, 291L};
    Map<String, List<Long[]>> table = new java.util.LinkedHashMap<>();
    for (String key : nianbao.core.model.Applications.ROWS) {
      table.put(key, List.<Long[]>of(key.equals("granted") || key.equals("total") ? printedRow : zeros));
    }
    table.put("newReceived", Readings.of(lostTotal, 7, Readings.ROW_TOTAL));
    List<Long[]> kept = ColumnArithmetic.narrow(table).readings().get("newReceived");
    assertEquals(1, kept.size());
    assertEquals(Arrays.asList(printedRow), Arrays.asList(kept.get(0)));
  }

  private static String seed(String resource) throws IOException {
    try (InputStream in = RoundTripRegressionTest.class.getResourceAsStream("/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Report read(String text) throws Exception {
    return ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "regression.txt");
  }

  private static List<Finding> errors(Report read) {
    return read.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }
}
