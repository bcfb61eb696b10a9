package nianbao.core.model;

import java.util.List;

/**
 * A list of findings counted by severity: what the report JSON's readers show beside each report. A finding a
 * reviewer dismissed is not counted ({@link #asRead} counts it).
 */
public record FindingCounts(int errors, int warnings, int notes) {

  public static FindingCounts of(List<Finding> findings) {
    return count(findings, false);
  }

  /** The counts as the report was read, dismissed findings included. */
  public static FindingCounts asRead(List<Finding> findings) {
    return count(findings, true);
  }

  private static FindingCounts count(List<Finding> findings, boolean withDismissed) {
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    for (Finding f : findings) {
      if (!withDismissed && f.dismissed()) {
        continue;
      }
      if (f.severity() == Severity.ERROR) {
        errors++;
      } else if (f.severity() == Severity.NOTE) {
        notes++;
      } else {
        // a finding without a severity weighs as a warning, as it always has
        warnings++;
      }
    }
    return new FindingCounts(errors, warnings, notes);
  }

}
