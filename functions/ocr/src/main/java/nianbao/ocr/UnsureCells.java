package nianbao.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nianbao.core.model.Evidence;
import nianbao.core.model.Finding;
import nianbao.core.model.Location;
import nianbao.core.model.Report;
import nianbao.core.review.ReportCells;
import nianbao.core.rules.SingleReportRules;

/**
 * Table cells that OCR was not sure of become blanks with a reading note, never a guess. A cell's confidence is its
 * evidence's — the lowest of the recognised words its value was read from — so the recogniser places every word as
 * printed (an unsure figure still holds its place in its row), and only then is an unsure value taken out; the
 * rules over values run again without it (as for a reviewer's correction), so no check rests on it.
 */
final class UnsureCells {
  /**
   * Below this confidence a cell is left blank: the lowest confidence of a right value measured on the fixtures lies
   * above it, the highest of a wrong one below (functions/ocr/README.md, "Thresholds").
   */
  static final double MIN_CONFIDENCE = 0.80;

  private UnsureCells() {}

  /** The report with every cell read below {@code minConfidence} blank, a note (S2) for each. */
  static Report blanked(Report report, double minConfidence) {
    Map<String, Evidence> kept = new LinkedHashMap<>();
    Set<Location> blanked = new LinkedHashSet<>();
    List<Finding> notes = new ArrayList<>();
    Report out = report;
    for (Map.Entry<String, Evidence> cell : report.evidence().entrySet()) {
      Evidence e = cell.getValue();
      Location location = location(cell.getKey());
      if (e.confidence() == null || e.confidence() >= minConfidence || location == null) {
        kept.put(cell.getKey(), e);
        continue;
      }
      String read = ReportCells.get(out, location);
      out = ReportCells.set(out, location, null);
      blanked.add(location);
      notes.add(Finding.note("S2", location, String.format(Locale.ROOT,
          "文字识别对该单元格没有把握（第 %s 页，读作“%s”，置信度 %.2f，低于 %.2f）：留空，请对照原件", 
          e.page() == null ? "?" : e.page(), read, e.confidence(), minConfidence), null, read));
    }
    if (blanked.isEmpty()) {
      return report;
    }
    out = out.withEvidence(kept);
    List<Finding> findings = new ArrayList<>(SingleReportRules.recheck(out, report.findings(), blanked));
    findings.addAll(notes);
    return out.withFindings(findings);
  }

  /** The cell an evidence key names: section/row[/column]. */
  static Location location(String key) {
    String[] parts = key.split("/", 3);
    return parts.length < 2 ? null : new Location(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
  }
}
