package nianbao.core.review;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.rules.SingleReportRules;

/**
 * A report and the reviewers' corrections → the corrected report with its findings. Pure. A correction applies
 * while the report still reads the value it corrected ({@code asRead}); a re-read that reads something else
 * (the reader improved, or a new version prints another figure) leaves the cell as read and flags the correction.
 */
public final class Corrections {
  private Corrections() {}

  /** One correction as it stands on this reading: applied, or flagged with what the cell is read as now. */
  public record State(Correction correction, boolean applied, String readNow) {
    public String flag() {
      return applied ? null : "重新读取后该单元格读作 " + (readNow == null ? "空白" : readNow) + "，不再是更正时的 "
          + (correction.asRead() == null ? "空白" : correction.asRead()) + "：更正未应用，请核对";
    }
  }

  /** The corrected report and each correction's state. */
  public record Corrected(Report report, List<State> states) {}

  /**
   * Applies {@code corrections} (in order; a later one of the same cell wins) to {@code asRead}, whose findings
   * are its single-report findings as read; the rules over values run again when any applies.
   */
  public static Corrected apply(Report asRead, List<Correction> corrections) {
    if (corrections.isEmpty()) {
      return new Corrected(asRead, List.of());
    }
    Report report = asRead;
    List<State> states = new ArrayList<>();
    Set<Location> cells = new HashSet<>();
    for (Correction c : corrections) {
      String now;
      try {
        now = ReportCells.get(asRead, c.location());
      } catch (ReportCells.NoSuchCell e) {
        // the cell's table is not in this reading at all
        states.add(new State(c, false, null));
        continue;
      }
      if (!Objects.equals(now, c.asRead())) {
        states.add(new State(c, false, now));
        continue;
      }
      report = ReportCells.set(report, c.location(), c.value());
      cells.add(c.location());
      states.add(new State(c, true, now));
    }
    if (cells.isEmpty()) {
      return new Corrected(asRead, states);
    }
    return new Corrected(report.withFindings(SingleReportRules.recheck(report, asRead.findings(), cells)), states);
  }

  /** The corrected report alone. */
  public static Report corrected(Report asRead, List<Correction> corrections) {
    return apply(asRead, corrections).report();
  }
}
