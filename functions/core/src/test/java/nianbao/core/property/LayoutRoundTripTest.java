package nianbao.core.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import nianbao.core.ReportReader;
import nianbao.core.model.Applications;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Proactive2021;
import nianbao.core.model.Report;
import nianbao.core.model.ReviewAndLitigation;
import nianbao.core.model.Severity;
import nianbao.core.property.ColumnArithmetic.Narrowed;
import nianbao.core.property.ReportRenderer.Rendered;

/**
 * A consistent report, rendered in a damaged layout and read back, is what the text still says: every
 * cell the printed values and the table's arithmetic determine comes back equal to the generated one;
 * a cell comes back null only where the generator's own analysis of the printed text ({@link Readings},
 * {@link ColumnArithmetic}) finds it lost, or where the document leaves it blank; every row printed other
 * than one value per cell carries an S2 finding, and no other row does; and no error is reported.
 */
class LayoutRoundTripTest {
  @Provide
  Arbitrary<GeneratedReport> reports() {
    return GeneratedReports.consistentReports();
  }

  @Provide
  Arbitrary<Layout> layouts() {
    return Layout.damaged();
  }

  @Property(tries = 400)
  void aDamagedLayoutReadsBackAsWhatItStillSays(@ForAll("reports") GeneratedReport truth,
      @ForAll("layouts") Layout layout) throws Exception {
    Statistics.label("layout").collect(layout.separator());
    Statistics.label("damage").collect(layout.kinds());
    ReadBack outcome = readBack(truth, layout);
    Statistics.label("table B cells lost by the layout")
        .collect(outcome.lost() == 0 ? "none" : outcome.lost() <= 3 ? "1-3" : ">3");
    Statistics.label("oracle search complete").collect(outcome.exhaustive());
  }

  /** The report read, and what the layout did to table B: cells lost, whether the oracle's search was complete. */
  record ReadBack(Report read, int lost, boolean exhaustive) {}

  /** The property's check, apart from statistics, so it can also be run outside jqwik. */
  static ReadBack readBack(GeneratedReport truth, Layout layout) throws Exception {
    Rendered rendered = ReportRenderer.render(truth, layout);
    Report read = ReportReader.read(rendered.text().getBytes(StandardCharsets.UTF_8), "property.txt");

    assertEquals(truth.title(), read.title());
    assertEquals(truth.agency(), read.agency());
    assertEquals(truth.year(), read.year());
    assertEquals("2021", read.template());
    assertEquals(compact(truth.overview()), compact(read.sections().overview()));
    assertEquals(compact(truth.problems()), compact(read.sections().problems()));
    assertEquals(compact(truth.other()), compact(read.sections().other()));

    tableA(truth, rendered, read);
    ReadBack tableB = tableB(truth, rendered, read);
    tableC(truth, rendered, read);

    List<Finding> errors = read.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertEquals(List.of(), errors, "a consistent report, however damaged its layout, breaks no rule");
    return tableB;
  }

  @Property(tries = 100)
  void theCleanLayoutReadsBackExactlyWithoutAssumptions(@ForAll("reports") GeneratedReport truth)
      throws Exception {
    ReadBack back = readBack(truth, Layout.clean());
    assertEquals(0, back.lost());
    assertEquals(List.of(), back.read().findings().stream().filter(f -> f.rule().equals("S2")).toList());
  }

  // ---- table A ---------------------------------------------------------------------------------------

  private static void tableA(GeneratedReport truth, Rendered rendered, Report read) {
    Proactive2021 a = (Proactive2021) read.proactive();
    Map<String, Proactive2021.DocumentCounts> documents =
        Map.of("regulations", a.regulations(), "normativeDocuments", a.normativeDocuments());
    for (String key : GeneratedReport.DOCUMENT_ROWS) {
      PrintedRow printed = rendered.documentCounts().get(key);
      List<Long[]> readings = Readings.of(printed, 3, Readings.NONE);
      Proactive2021.DocumentCounts row = documents.get(key);
      List<Long> actual = Arrays.asList(row.issued(), row.repealed(), row.inForce());
      compareRow("二", key, truth.documentCounts().get(key), readings, true, actual, printed, read);
    }
    assertEquals(truth.decisions().get("licensing"), a.licensing());
    assertEquals(truth.decisions().get("punishment"), a.punishment());
    assertEquals(truth.decisions().get("enforcement"), a.enforcement());
    assertEquals(truth.fee(), a.fees());
  }

  // ---- table B: readings per row, narrowed by the columns ---------------------------------------------

  private static ReadBack tableB(GeneratedReport truth, Rendered rendered, Report read) {
    Map<String, List<Long[]>> readings = new LinkedHashMap<>();
    for (String key : Applications.ROWS) {
      PrintedRow printed = rendered.applications().get(key);
      List<Long[]> rowReadings = Readings.of(printed, 7, Readings.ROW_TOTAL);
      Long[] printedTruth = asPrinted(truth.applications().get(key), printed);
      assertTrue(rowReadings.stream().anyMatch(r -> Arrays.equals(r, printedTruth)),
          () -> "generator: the text of " + key + " " + printed + " must still allow its cells");
      readings.put(key, rowReadings);
    }
    Narrowed narrowed = ColumnArithmetic.narrow(readings);
    int lost = 0;
    for (String key : Applications.ROWS) {
      PrintedRow printed = rendered.applications().get(key);
      lost += compareRow("三", key, truth.applications().get(key), narrowed.readings().get(key),
          narrowed.exhaustive(), read.applications().rows().get(key), printed, read);
    }
    return new ReadBack(read, lost, narrowed.exhaustive());
  }

  // ---- table C ---------------------------------------------------------------------------------------

  private static void tableC(GeneratedReport truth, Rendered rendered, Report read) {
    List<Long> expected = new ArrayList<>();
    List<Long> actual = new ArrayList<>();
    for (String group : ReviewAndLitigation.GROUPS) {
      expected.addAll(truth.review().get(group));
      actual.addAll(read.reviewAndLitigation().group(group).cells());
    }
    List<Long[]> readings = Readings.of(rendered.review(), 15, Readings.GROUP_TOTALS);
    // Table C is one printed row; its S2 finding is located at the section.
    compareRow("四", null, expected, readings, true, actual, rendered.review(), read);
  }

  // ---- one row -------------------------------------------------------------------------------------

  /**
   * Compares one read row with what its readings determine, and requires an S2 finding exactly where the
   * row was printed damaged.
   *
   * @param exhaustive whether the readings are exactly the surviving ones (else a lost cell may also be
   *                   read, since the oracle could not rule that out)
   * @return the number of cells lost (null although printed)
   */
  private static int compareRow(String section, String key, List<Long> truth, List<Long[]> readings,
      boolean exhaustive, List<Long> actual, PrintedRow printed, Report read) {
    int cells = truth.size();
    Long[] determined = Readings.agreed(readings, cells);
    Long[] printedTruth = asPrinted(truth, printed);
    String where = section + (key == null ? "" : " " + key) + " printed " + printed.tokens() + ", readings "
        + readings.stream().map(Arrays::toString).collect(Collectors.joining(" | ")) + ": read " + actual;
    int lost = 0;
    for (int c = 0; c < cells; c++) {
      String cell = where + ", cell " + c;
      if (determined[c] != null) {
        assertEquals(determined[c], actual.get(c), cell);
      } else if (printedTruth[c] == null) {
        assertNull(actual.get(c), cell + ": blank in the document, so null");
      } else {
        lost++;
        Long value = actual.get(c);
        if (exhaustive) {
          assertNull(value, cell + ": the text does not determine it, so null");
        } else {
          assertTrue(value == null || value.equals(printedTruth[c]), cell);
        }
      }
    }
    Location s2At = key == null ? Location.section(section) : Location.row(section, key);
    boolean s2 = read.findings().stream().anyMatch(f -> f.rule().equals("S2") && f.location().equals(s2At));
    assertEquals(printed.damaged(cells), s2, where + ": S2 exactly where the row was printed damaged");
    return lost;
  }

  /** The truth as the document has it: with only the total printed, the other cells are blank. */
  private static Long[] asPrinted(List<Long> truth, PrintedRow printed) {
    Long[] cells = truth.toArray(new Long[0]);
    if (printed.onlyTotal()) {
      Arrays.fill(cells, 0, cells.length - 1, null);
    }
    return cells;
  }

  private static String compact(List<String> paragraphs) {
    return compact(String.join("", paragraphs));
  }

  private static String compact(String text) {
    return Objects.requireNonNull(text, "section text").replaceAll("\\s", "");
  }
}
