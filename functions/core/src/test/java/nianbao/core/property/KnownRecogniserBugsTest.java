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
import nianbao.core.property.ReportRenderer.Rendered;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Recogniser bugs the round-trip property found, each as its smallest failing input on a real seed
 * layout. Until a bug is fixed its test is disabled, and {@link #triggeredBy} lets the property skip
 * (jqwik: reject) exactly the generated cases that hit it, so the property keeps checking everything else.
 *
 * <p>When fixing one: remove its {@code @Disabled} and its clause in {@link #triggeredBy}. To run the
 * property with no case skipped: {@code -Dnianbao.property.skipKnownBugs=false}.
 */
class KnownRecogniserBugsTest {
  static final boolean SKIP_KNOWN_BUGS =
      !"false".equals(System.getProperty("nianbao.property.skipKnownBugs"));

  /** Digits in one run from which the split search gives up (bug 3); 21 are always split in practice. */
  static final int LONGEST_RUN_SPLIT = 21;

  /** The bug a rendered case runs into, or null. */
  static String triggeredBy(Rendered rendered) {
    if (!SKIP_KNOWN_BUGS) {
      return null;
    }
    PrintedRow forward = rendered.applications().get("carriedForward");
    if (forward.onlyTotal() && forward.tokens().get(0).length() <= 2) {
      return "1: 结转下年度 with only a short total is taken for section 四's heading";
    }
    for (PrintedRow row : rendered.applications().values()) {
      if (!row.onlyTotal() && row.tokens().size() == 6 && Readings.splitHolds(row.tokens(), 7, Readings.ROW_TOTAL)) {
        return "2: a value too few, read as digits run together without asking the columns";
      }
      if (row.tokens().stream().anyMatch(t -> t.length() > LONGEST_RUN_SPLIT)) {
        return "3: a run of 22 or more digits is not split";
      }
    }
    return null;
  }

  /**
   * Bug 1. Seed 003 prints only the 总计 column in some rows; print 结转下年度 that way too. "四、结转下年度继续办理
   * 0四、政府信息公开行政复议…" has a 四、 and section 四's phrase within SectionFinder's 14-character window, so
   * the row's label is taken for the heading, the row is lost (S1 error) and 四's text starts too early.
   */
  @Test
  @Disabled("known recogniser bug 1: SectionFinder takes 四、结转下年度继续办理 for section 四's heading")
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
   * the recogniser splits "77" into 7 7 — B2 holds for 7 7 4 26 29 41 114 — and never weighs the lost
   * value against it, though B1 rules the split out and fixes the total at 291. A consistent report gets
   * seven false B1 errors.
   */
  @Test
  @Disabled("known recogniser bug 2: CellSolver prefers a B2-consistent split to a lost value, unchecked by B1")
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
   * stops at CellSolver.MAX_NODES before finding it (the row sum prunes nothing), so the whole row is null.
   */
  @Test
  @Disabled("known recogniser bug 3: CellSolver's split search gives up on runs of 22 or more digits")
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
    try (InputStream in = KnownRecogniserBugsTest.class.getResourceAsStream("/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Report read(String text) throws Exception {
    return ReportReader.read(text.getBytes(StandardCharsets.UTF_8), "known-bug.txt");
  }

  private static List<Finding> errors(Report read) {
    return read.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }
}
