package nianbao.store.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nianbao.core.model.Report;
import nianbao.core.review.Correction;
import nianbao.core.review.ReportCells;
import nianbao.store.Identity;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.review.ReviewState;

/**
 * A reviewer corrects a cell, or withdraws a correction: the review record, and the current version made current
 * again on the corrected values — head, rule items, summaries by their delta, the report's cross-year findings
 * against Y−1 and Y+1's against it — as a new version would be. The version's body stays as read.
 */
final class CorrectionDecision {
  private final Snapshot read;
  private final String now;

  CorrectionDecision(Snapshot read, String now) {
    this.read = read;
    this.now = now;
  }

  /** The report's head and review, and Y−1's and Y+1's, in one batch (a correction re-checks both neighbours). */
  static WriteRules.FirstRead firstRead(String reportId) {
    int dash = reportId.lastIndexOf('-');
    List<String> heads = new ArrayList<>(List.of(reportId));
    if (dash > 0 && reportId.substring(dash + 1).matches("\\d{4}")) {
      String agency = reportId.substring(0, dash);
      int year = Integer.parseInt(reportId.substring(dash + 1));
      heads.add(Identity.reportId(agency, year - 1));
      heads.add(Identity.reportId(agency, year + 1));
    }
    return new WriteRules.FirstRead(heads, reportId, null);
  }

  Decision correct(Change.Correct change) {
    ReportHead head = read.head(change.reportId()).filter(h -> !h.rejected()).orElse(null);
    Decision refused = Decision.refused(change.reportId(), head, change.expectedRevision());
    if (refused != null) {
      return refused;
    }
    ReportVersion version = CurrentReport.currentVersion(read, head);
    Report asRead = read.body(version);
    try {
      ReportCells.check(asRead, change.location());
    } catch (ReportCells.NoSuchCell e) {
      return Decision.nothing(WriteResult.NO_SUCH_CELL, head.reportId(), head.status());
    }
    String readNow = ReportCells.get(asRead, change.location());
    CurrentReport current = new CurrentReport(read, new Writes(), now);
    ReviewState review = current.review(head.reportId());
    List<Correction> corrections = new ArrayList<>();
    for (Correction c : review.corrections()) {
      if (!Objects.equals(c.location(), change.location())) {
        corrections.add(c);
      }
    }
    // a value the report already reads needs no correction (and replaces an earlier one of the cell)
    if (!Objects.equals(change.value(), readNow)) {
      corrections.add(new Correction(Identity.hash(change.location() + "|" + change.value() + "|" + now + "|"
          + change.by()).substring(0, 12), change.location(), change.value(), readNow, change.reason(), change.by(),
          now));
    }
    if (corrections.equals(review.corrections())) {
      return Decision.nothing(WriteResult.UNCHANGED, head.reportId(), head.status());
    }
    Correction earlier = review.corrections().stream().filter(c -> Objects.equals(c.location(), change.location()))
        .findFirst().orElse(null);
    Correction made = corrections.stream().filter(c -> Objects.equals(c.location(), change.location())).findFirst()
        .orElse(null);
    return write(head, version, asRead, review, review.withCorrections(corrections), Audit.entry(head.reportId(),
        made == null ? Audit.CORRECTION_WITHDRAWN : Audit.CORRECTION, change.by(), Audit.cell(change.location()),
        earlier, made, head.revision() + 1, now));
  }

  Decision withdraw(Change.Uncorrect change) {
    ReportHead head = read.head(change.reportId()).filter(h -> !h.rejected()).orElse(null);
    Decision refused = Decision.refused(change.reportId(), head, change.expectedRevision());
    if (refused != null) {
      return refused;
    }
    ReviewState review = new CurrentReport(read, new Writes(), now).review(head.reportId());
    List<Correction> corrections = new ArrayList<>(review.corrections());
    Correction withdrawn = corrections.stream().filter(c -> c.id().equals(change.correctionId())).findFirst()
        .orElse(null);
    if (withdrawn == null) {
      return Decision.nothing(WriteResult.NOT_FOUND, head.reportId(), head.status());
    }
    corrections.remove(withdrawn);
    ReportVersion version = CurrentReport.currentVersion(read, head);
    return write(head, version, read.body(version), review, review.withCorrections(corrections),
        Audit.entry(head.reportId(), Audit.CORRECTION_WITHDRAWN, change.by(), Audit.cell(withdrawn.location()),
            withdrawn, null, head.revision() + 1, now));
  }

  private Decision write(ReportHead head, ReportVersion version, Report asRead, ReviewState before,
      ReviewState after, nianbao.store.item.HistoryEntry entry) {
    Writes writes = new Writes();
    Identity id = new Identity(head.agencyKey(), head.agencyNorm(), head.year(), head.reportId());
    new CurrentReport(read, writes, now).makeCurrent(id, head, before.correct(asRead).report(), asRead, version,
        head.versionCount(), after);
    writes.put(after.record(head.reportId(), now));
    writes.put(entry);
    ReportHead written = writes.puts(ReportHead.class).get(0);
    return new Decision(WriteResult.CORRECTED, head.reportId(), written.status(), writes);
  }
}
