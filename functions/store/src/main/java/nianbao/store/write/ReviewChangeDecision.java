package nianbao.store.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nianbao.core.model.Finding;
import nianbao.core.model.Report;
import nianbao.core.review.FindingReviews;
import nianbao.core.review.Notice;
import nianbao.core.review.ReviewDecision;
import nianbao.core.review.ReviewStates;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.review.ReviewState;

/**
 * A reviewer's decision on one finding, or its withdrawal: the review record, and the report's current state
 * counted again — a dismissed finding leaves the head's errors and warnings, its status, its rule items' counts
 * and the summaries (by their delta), and is listed still, with its review. The version and the neighbours are
 * untouched: a decision changes no value, so no cross-year finding.
 */
final class ReviewChangeDecision {
  private final Snapshot read;
  private final String now;

  ReviewChangeDecision(Snapshot read, String now) {
    this.read = read;
    this.now = now;
  }

  /**
   * The report as a review write reads it — its head, current version, review record and counted report — or,
   * in {@code refused}, why the write is refused (no such report, another revision).
   */
  private record Current(Decision refused, ReportHead head, ReportVersion version, ReviewState review, Report report,
      List<Finding> cross) {
    static Current refuse(Decision why) {
      return new Current(why, null, null, null, null, null);
    }
  }

  private Current current(String reportId, Long expectedRevision) {
    ReportHead head = read.head(reportId).filter(h -> !h.rejected()).orElse(null);
    Decision refused = Decision.refused(reportId, head, expectedRevision);
    if (refused != null) {
      return Current.refuse(refused);
    }
    ReportVersion version = CurrentReport.currentVersion(read, head);
    ReviewState review = new CurrentReport(read, new Writes(), now).review(reportId);
    return new Current(null, head, version, review, review.correct(read.body(version)).report(),
        Findings.read(head.crossFindings()));
  }

  Decision decide(Change.Review change) {
    String reportId = change.reportId();
    Current c = current(reportId, change.expectedRevision());
    if (c.refused() != null) {
      return c.refused();
    }
    ReportHead head = c.head();
    ReportVersion version = c.version();
    ReviewState review = c.review();
    Report report = c.report();
    List<Finding> cross = c.cross();
    Map<String, ReviewDecision> decisions = new LinkedHashMap<>(review.decisions());
    Finding finding = FindingReviews.find(CurrentReport.allFindings(report, cross, Map.of()), change.fingerprint());
    if (finding == null) {
      if (change.decision() == null && decisions.remove(change.fingerprint()) != null) {
        // a decision on a finding that is gone (the report was corrected or re-read): it may still be withdrawn
        return write(head, report, version, cross, review.withDecisions(decisions), change,
            review.decisions().get(change.fingerprint()));
      }
      return Decision.nothing(WriteResult.NOT_FOUND, reportId, head.status());
    }
    if (!FindingReviews.reviewable(finding)) {
      return Decision.nothing(WriteResult.NOT_REVIEWABLE, reportId, head.status());
    }
    Map<String, ReviewDecision> before = Map.copyOf(decisions);
    if (change.decision() == null) {
      decisions.remove(finding.fingerprint());
    } else {
      ReviewDecision earlier = decisions.get(finding.fingerprint());
      if (earlier != null && earlier.decision().equals(change.decision())
          && Objects.equals(earlier.reason(), change.reason()) && earlier.valuesHash().equals(finding.valuesHash())) {
        return Decision.nothing(WriteResult.UNCHANGED, reportId, head.status());
      }
      decisions.put(finding.fingerprint(), FindingReviews.decide(finding, change.decision(), change.reason(),
          change.by(), now));
    }
    if (before.equals(decisions)) {
      return Decision.nothing(WriteResult.UNCHANGED, reportId, head.status());
    }
    return write(head, report, version, cross, review.withDecisions(decisions), change,
        before.get(finding.fingerprint()));
  }

  /**
   * A rectification notice on the report's confirmed findings: recorded in the review record with the version it
   * was issued on, the head written again (its review state NOTIFIED), the summaries' review counts by their delta.
   */
  Decision notify(Change.Notify change) {
    String reportId = change.reportId();
    Current c = current(reportId, change.expectedRevision());
    if (c.refused() != null) {
      return c.refused();
    }
    ReportHead head = c.head();
    ReviewState review = c.review();
    List<Finding> findings = CurrentReport.allFindings(c.report(), c.cross(), review.decisions());
    if (findings.stream().anyMatch(ReviewStates::awaitsDecision)) {
      return Decision.nothing(WriteResult.NOT_REVIEWED, reportId, head.status());
    }
    List<String> confirmed = findings.stream().filter(ReviewStates::confirmed).map(Finding::fingerprint).toList();
    if (confirmed.isEmpty()) {
      return Decision.nothing(WriteResult.NOTHING_CONFIRMED, reportId, head.status());
    }
    List<Notice> notices = new ArrayList<>(review.notices());
    notices.add(new Notice(Identity.hash(reportId + "|" + now + "|" + change.by()).substring(0, 12), now,
        change.by(), c.version().sha256(), confirmed, change.deadline(), change.issuer(), change.note()));
    Notice notice = notices.get(notices.size() - 1);
    return write(head, c.report(), c.version(), c.cross(), review.withNotices(notices), WriteResult.NOTIFIED,
        Audit.entry(reportId, Audit.NOTICE, change.by(), notice.id(), null, notice, head.revision() + 1, now));
  }

  /** {@code earlier}: the decision on the finding before this change (null when it had none), for the history. */
  private Decision write(ReportHead head, Report report, ReportVersion version, List<Finding> cross,
      ReviewState review, Change.Review change, ReviewDecision earlier) {
    return write(head, report, version, cross, review, WriteResult.REVIEWED, Audit.entry(head.reportId(),
        change.decision() == null ? Audit.REVIEW_WITHDRAWN : Audit.REVIEW, change.by(), change.fingerprint(), earlier,
        review.decisions().get(change.fingerprint()), head.revision() + 1, now));
  }

  private Decision write(ReportHead head, Report report, ReportVersion version, List<Finding> cross,
      ReviewState review, WriteResult result, nianbao.store.item.HistoryEntry entry) {
    Map<String, ReviewDecision> decisions = review.decisions();
    Writes writes = new Writes();
    Identity id = new Identity(head.agencyKey(), head.agencyNorm(), head.year(), head.reportId());
    ReportHead updated = CurrentReport.head(id, report, version, cross, head.versionCount(), head.revision() + 1,
        now, review, head.corrected() == null ? 0 : head.corrected());
    writes.put(updated, head);
    CurrentReport.writeRuleItems(writes, head, updated, report, decisions);
    writes.put(review.record(head.reportId(), now));
    writes.put(entry);
    writes.count(head, report, -1);
    writes.count(updated, report, 1);
    return new Decision(result, head.reportId(), updated.status(), writes);
  }
}
