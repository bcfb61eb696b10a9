package nianbao.store.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import nianbao.core.model.Finding;
import nianbao.core.model.FindingCounts;
import nianbao.core.model.Report;
import nianbao.core.review.Corrections;
import nianbao.core.review.FindingReviews;
import nianbao.core.review.ReviewStates;
import nianbao.core.review.ReviewDecision;
import nianbao.core.rules.CrossYearRules;
import nianbao.store.Bodies;
import nianbao.store.Findings;
import nianbao.store.Identity;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportHeadBuilder;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.RuleFindingsBuilder;
import nianbao.store.review.ReviewState;
import software.amazon.awssdk.core.SdkBytes;

/**
 * What makes a version the current state of its report, and what undoes it: the head, the rule items, the
 * summaries' deltas, and the cross-year findings X2/X4/X5 on both sides — its own against Y−1 (whose head is
 * checked unchanged) and Y+1's against it (re-written if they change, else checked unchanged).
 */
final class CurrentReport {
  private final Snapshot read;
  private final Writes writes;
  private final String now;

  /** The revision of a head written where none is (1, or the next after a deleted report's). */
  private long firstRevision = 1;

  CurrentReport(Snapshot read, Writes writes, String now) {
    this.read = read;
    this.writes = writes;
    this.now = now;
  }

  /** A report coming back (restored, or uploaded again while deleted) goes on from its revision when deleted. */
  CurrentReport restoring(long revisionWhenDeleted) {
    this.firstRevision = revisionWhenDeleted + 1;
    return this;
  }

  /**
   * Makes {@code asRead} (the body of {@code version}, as read) current in place of {@code oldHead} and its
   * {@code oldReport} (the current report as counted: corrected), with the report's review as stored.
   */
  void makeCurrent(Identity id, ReportHead oldHead, Report oldReport, Report asRead, ReportVersion version,
      int versionCount) {
    makeCurrent(id, oldHead, oldReport, asRead, version, versionCount, review(id.reportId()));
  }

  /** As above, with {@code review} in place of the stored review (a correction being made). */
  void makeCurrent(Identity id, ReportHead oldHead, Report oldReport, Report asRead, ReportVersion version,
      int versionCount, ReviewState review) {
    Corrections.Corrected corrected = review.correct(asRead);
    Report report = corrected.report();
    Neighbour prev = neighbour(id, -1);
    Neighbour next = neighbour(id, +1);
    List<Finding> cross = prev.report() == null ? List.of() : CrossYearRules.check(prev.report(), report);
    ReportHead head = head(id, report, version, cross, versionCount,
        oldHead == null ? firstRevision : oldHead.revision() + 1, now, review, applied(corrected));
    writes.put(head, oldHead);
    writeRuleItems(writes, oldHead, head, report, review.decisions());
    if (oldHead != null) {
      writes.count(oldHead, oldReport, -1);
    }
    writes.count(head, report, 1);
    if (id.year() != null) {
      AgencyYears.keep(read, writes, id, report);
      writes.check(prev.id(), prev.head());
      refreshNext(next, report);
    }
  }

  /** The version a head says is current, with its body; its absence is a broken store, never an answer. */
  static ReportVersion currentVersion(Snapshot read, ReportHead head) {
    return read.version(head.reportId(), head.currentSha()).orElseThrow(() -> new IllegalStateException(
        "report " + head.reportId() + " lost its current version"));
  }

  /** The reviewers' decisions and corrections of a report, as this decision reads them. */
  ReviewState review(String reportId) {
    return ReviewState.of(read.review(reportId));
  }

  /** The report of {@code version} of {@code reportId} as its current state is counted: corrected. */
  Report current(String reportId, ReportVersion version) {
    return review(reportId).correct(read.body(version)).report();
  }

  static int applied(Corrections.Corrected corrected) {
    return (int) corrected.states().stream().filter(Corrections.State::applied).count();
  }

  /** The report has no version left: it leaves the lists and the summaries; Y+1 loses its comparison. */
  void removeCurrent(Identity id, ReportHead oldHead, Report oldReport) {
    writes.delete(oldHead.pk(), oldHead.sk(), oldHead);
    for (String rule : oldHead.ruleIds()) {
      writes.delete(oldHead.pk(), Keys.rule(rule));
    }
    writes.count(oldHead, oldReport, -1);
    if (id.year() != null) {
      AgencyYears.leave(read, writes, id);
      refreshNext(neighbour(id, +1), null);
    }
  }

  /**
   * The report moves to another agency (an administrator's merge or split): it leaves its agency's years — whose
   * Y+1 loses its comparison with it — and is made current again as {@code into}'s, its findings X2/X4/X5 against
   * that agency's Y−1 and its Y+1's against it. Its id, versions, review and history stay; the summaries change
   * only by the cross-year findings.
   */
  void rehome(ReportHead oldHead, String intoKey) {
    Identity from = new Identity(oldHead.agencyKey(), oldHead.agencyNorm(), oldHead.year(), oldHead.reportId());
    Identity into = new Identity(intoKey, oldHead.agencyNorm(), oldHead.year(), oldHead.reportId());
    ReportVersion version = currentVersion(read, oldHead);
    Report asRead = read.body(version);
    AgencyYears.leave(read, writes, from);
    refreshNext(neighbour(from, +1), null);
    makeCurrent(into, oldHead, review(oldHead.reportId()).correct(asRead).report(), asRead, version,
        oldHead.versionCount());
  }

  /** Y+1's cross-year findings against the new Y (or none); written only if they change. */
  private void refreshNext(Neighbour next, Report report) {
    String nextId = next.id();
    if (next.head() == null || next.report() == null) {
      writes.check(nextId, null);
      return;
    }
    List<Finding> cross = report == null ? List.of() : CrossYearRules.check(report, next.report());
    if (Objects.equals(Findings.write(cross), next.head().crossFindings())) {
      writes.check(nextId, next.head());
      return;
    }
    ReportHead h = next.head();
    ReportVersion nextVersion = read.version(nextId, h.currentSha()).orElseThrow();
    Identity nid = new Identity(h.agencyKey(), h.agencyNorm(), h.year(), h.reportId());
    ReviewState nextReview = review(nextId);
    ReportHead updated = head(nid, next.report(), nextVersion, cross, h.versionCount(), h.revision() + 1, now,
        nextReview, h.corrected() == null ? 0 : h.corrected());
    writes.put(updated, h);
    writeRuleItems(writes, h, updated, next.report(), nextReview.decisions());
    writes.count(h, next.report(), -1);
    writes.count(updated, next.report(), 1);
  }

  /** The agency's report of a neighbouring year: its id (where one would be), head and current report. */
  private record Neighbour(String id, ReportHead head, Report report) {}

  /** Y−1's or Y+1's head and current report (none for a rejected upload), found through the agency's years. */
  private Neighbour neighbour(Identity id, int offset) {
    if (id.year() == null) {
      return new Neighbour(null, null, null);
    }
    String neighbourId = AgencyYears.reportId(read, id.agencyKey(), id.year() + offset);
    Optional<ReportHead> head = read.head(neighbourId);
    // (a report of another agency now, merged away or split back, is no neighbour, whatever its id says)
    if (head.isEmpty() || head.get().rejected() || head.get().agencyKey() != null
        && !head.get().agencyKey().equals(id.agencyKey())) {
      return new Neighbour(neighbourId, head.orElse(null), null);
    }
    ReportVersion v = read.version(head.get().reportId(), head.get().currentSha()).orElseThrow(
        () -> new IllegalStateException("report " + head.get().reportId() + " lost its current version"));
    return new Neighbour(neighbourId, head.get(), current(neighbourId, v));
  }

  /**
   * The head of a readable report whose current version is {@code version}, its findings reviewed by
   * {@code review}'s decisions: a dismissed finding leaves the counts and the status (the as-read counts keep it);
   * its review state follows from the findings so reviewed, the notices issued and the version.
   */
  static ReportHead head(Identity id, Report report, ReportVersion version, List<Finding> cross, int versionCount,
      long revision, String now, ReviewState review, int corrected) {
    Map<String, Integer> ruleCounts = new TreeMap<>();
    List<Finding> all = allFindings(report, cross, review.decisions());
    for (Finding f : all) {
      ruleCounts.merge(f.rule(), f.dismissed() ? 0 : 1, Integer::sum);
    }
    FindingCounts counts = FindingCounts.of(all);
    FindingCounts asRead = FindingCounts.asRead(all);
    var region = report.region();
    return ReportHeadBuilder.builder().reportId(id.reportId()).kind(ReportHead.KIND_REPORT)
        .agencyKey(id.agencyKey()).agency(report.agency()).agencyNorm(id.agencyNorm()).year(report.year())
        .template(report.template()).title(report.title())
        .regionCode(region == null ? null : region.code()).province(region == null ? null : region.province())
        .city(region == null ? null : region.city()).county(region == null ? null : region.county())
        .status(counts.errors() > 0 ? "HAS_ERRORS" : "VALID").errors(counts.errors()).warnings(counts.warnings())
        .notes(counts.notes()).ruleCounts(ruleCounts)
        .crossFindings(Findings.write(cross)).currentSha(version.sha256()).versionCount(versionCount)
        .uploadedAt(version.uploadedAt()).uploadOrder(version.uploadOrder())
        .bucket(version.bucket()).key(version.key()).versionId(version.versionId()).eTag(version.eTag())
        .size(version.size()).format(version.format()).sourceName(version.sourceName())
        .reader(version.reader()).rulesVersion(version.rulesVersion())
        .revision(revision).updatedAt(now).readErrors(asRead.errors()).readWarnings(asRead.warnings())
        .corrected(corrected).reviewState(ReviewStates.of(all, review.notices(), version.sha256()))
        .indicators(nianbao.store.IndicatorFigures.of(report))
        .printedDate(report.dated() == null ? null : report.dated().date())
        .printedDateKind(report.dated() == null ? null : report.dated().kind()).build();
  }

  /** The report's own findings and its cross-year ones, identified and reviewed. */
  static List<Finding> allFindings(Report report, List<Finding> cross, Map<String, ReviewDecision> decisions) {
    List<Finding> all = new ArrayList<>(report.findings());
    all.addAll(cross);
    return FindingReviews.apply(all, decisions);
  }

  /** One item per rule with findings; the rules the old state had and the new one has not are deleted. */
  static void writeRuleItems(Writes writes, ReportHead oldHead, ReportHead head, Report report,
      Map<String, ReviewDecision> decisions) {
    List<Finding> cross = Findings.read(head.crossFindings());
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : allFindings(report, cross, decisions)) {
      byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
    }
    byRule.forEach((rule, findings) -> {
      String json = Findings.write(findings);
      boolean large = json.length() > nianbao.store.item.RuleFindings.PLAIN_LIMIT;
      FindingCounts counts = FindingCounts.of(findings);
      writes.put(RuleFindingsBuilder.builder().reportId(head.reportId()).rule(rule).count(findings.size())
          .errors(counts.errors()).warnings(counts.warnings()).notes(counts.notes())
          .findings(large ? null : json)
          .findingsGz(large ? SdkBytes.fromByteArray(Bodies.gzip(json)) : null)
          .agency(head.agency()).agencyNorm(head.agencyNorm()).year(head.year()).province(head.province())
          .city(head.city()).county(head.county()).status(head.status()).reportErrors(head.errors())
          .reportWarnings(head.warnings()).reportNotes(head.notes()).title(head.title())
          .uploadedAt(head.uploadedAt()).reportRules(head.ruleIds()).reviewState(head.reviewState())
          .reportIndicators(head.indicators()).agencyKey(head.agencyKey()).build());
    });
    if (oldHead != null) {
      for (String rule : oldHead.ruleIds()) {
        if (!byRule.containsKey(rule)) {
          writes.delete(head.pk(), Keys.rule(rule));
        }
      }
    }
  }
}
