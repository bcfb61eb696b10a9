package nianbao.core.recognise;

import java.util.List;
import nianbao.core.model.Location;
import nianbao.core.model.Report;

/**
 * A report as recognised, with what the recogniser knows beyond the JSON: what it could not find, what it
 * had to assume, and cells whose printed text is not a valid value. The rules read these.
 *
 * @param missing        sections and table rows not found at all (rule S1)
 * @param assumptions    cells placed or recovered with less than certainty (rule S2)
 * @param invalidCells   cells printed with something that is not a whole number ≥ 0 (rule N1)
 * @param feeDecimals    the number of decimals the fee header demands (保留4位小数 → 4), or null
 * @param unsureTables   tables the reader is unsure of (rule T1): their arithmetic rules are not applied
 */
public record RecognisedReport(
    Report report,
    List<Location> missing,
    List<Assumption> assumptions,
    List<InvalidCell> invalidCells,
    Integer feeDecimals,
    List<UnsureTable> unsureTables) {

  /** A report whose tables were all read reliably. */
  public RecognisedReport(Report report, List<Location> missing, List<Assumption> assumptions,
      List<InvalidCell> invalidCells, Integer feeDecimals) {
    this(report, missing, assumptions, invalidCells, feeDecimals, List.of());
  }

  public RecognisedReport withReport(Report newReport) {
    return new RecognisedReport(newReport, missing, assumptions, invalidCells, feeDecimals, unsureTables);
  }

  /** Whether the table of section 二, 三 or 四 was read unreliably. */
  public boolean unsure(String section) {
    return unsureTables.stream().anyMatch(t -> t.section().equals(section));
  }

  /**
   * What was assumed about one place of a table, said in Chinese for the S2 finding.
   *
   * @param reading true when it says how nianbao read text that extraction damaged (digits split, a value
   *                placed, dropped or added by the table's arithmetic): a reading note, not the agency's doing;
   *                false when it says what the document itself prints (only the total given)
   */
  public record Assumption(Location location, String message, String expected, String actual, boolean reading) {}

  /**
   * A table read unreliably: placements the arithmetic did not confirm, labels not found.
   *
   * @param section the table's section (二, 三, 四)
   * @param reasons what was unsure, in Chinese, one entry per kind
   */
  public record UnsureTable(String section, List<String> reasons) {}

  /** A cell whose printed text is not a valid value; the JSON holds null (or the integer) for it. */
  public record InvalidCell(Location location, String printed) {}
}
