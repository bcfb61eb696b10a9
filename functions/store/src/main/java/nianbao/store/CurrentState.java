package nianbao.store;

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
import nianbao.core.rules.CrossYearRules;
import nianbao.store.item.Keys;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.RuleFindings;
import software.amazon.awssdk.core.SdkBytes;

/**
 * What makes a version the current state of its report, and what undoes it, as parts of one {@link Transaction}:
 * the head, the rule items, the summaries' deltas, and the cross-year findings on both sides — its own against
 * Y−1 (whose head is checked unchanged) and Y+1's against it (re-written if they change). {@link ReportLedger}
 * decides when; this class knows what to write.
 */
final class CurrentState {
  private final ReportStore store;

  CurrentState(ReportStore store) {
    this.store = store;
  }

  /**
   * Makes {@code report} (of {@code version}) the current state of its report: head, rule items, summaries,
   * and the cross-year findings on both sides — its own against Y−1, and Y+1's against it.
   */
  void makeCurrent(Transaction tx, Identity id, ReportHead oldHead, Report oldReport, Report report,
      ReportVersion version, int versionCount, String now, Prefetch read) {
    Neighbour prev = neighbour(id, -1, read);
    Neighbour next = neighbour(id, +1, read);
    List<Finding> cross = prev.report() == null ? List.of() : CrossYearRules.check(prev.report(), report);
    ReportHead head = head(id, report, version, cross, versionCount,
        oldHead == null ? 1 : oldHead.revision() + 1, now);
    tx.put(ReportHead.SCHEMA.itemToMap(head, true), oldHead);
    writeRuleItems(tx, oldHead, head, report);
    if (oldHead != null) {
      tx.count(oldHead, oldReport, -1);
    }
    tx.count(head, report, 1);
    if (id.year() != null) {
      tx.check(Identity.reportId(id.agencyKey(), id.year() - 1), prev.head());
      refreshNext(tx, next, report, now, id);
    }
  }

  /** The report has no version left: it leaves the lists and the summaries; Y+1 loses its comparison. */
  void removeCurrent(Transaction tx, Identity id, ReportHead oldHead, Report oldReport, String now) {
    tx.delete(oldHead.pk(), oldHead.sk(), oldHead);
    for (String rule : oldHead.ruleIds()) {
      tx.delete(oldHead.pk(), Keys.rule(rule));
    }
    tx.count(oldHead, oldReport, -1);
    if (id.year() != null) {
      refreshNext(tx, neighbour(id, +1, null), null, now, id);
    }
  }

  /** Y+1's cross-year findings against the new Y (or none); written only if they change. */
  private void refreshNext(Transaction tx, Neighbour next, Report report, String now, Identity id) {
    String nextId = Identity.reportId(id.agencyKey(), id.year() + 1);
    if (next.head() == null) {
      tx.check(nextId, null);
      return;
    }
    List<Finding> cross = report == null ? List.of() : CrossYearRules.check(report, next.report());
    if (Objects.equals(Findings.write(cross), next.head().crossFindings())) {
      tx.check(nextId, next.head());
      return;
    }
    ReportHead h = next.head();
    ReportVersion nextVersion = store.version(nextId, h.currentSha()).orElseThrow();
    Identity nid = new Identity(h.agencyKey(), h.agencyNorm(), h.year(), h.reportId());
    ReportHead updated = head(nid, next.report(), nextVersion, cross, h.versionCount(), h.revision() + 1, now);
    tx.put(ReportHead.SCHEMA.itemToMap(updated, true), h);
    writeRuleItems(tx, h, updated, next.report());
    tx.count(h, next.report(), -1);
    tx.count(updated, next.report(), 1);
  }

  private record Neighbour(ReportHead head, Report report) {}

  /** The report itself and, when it has a year, the agency's Y−1 and Y+1: the heads storing it reads first. */
  static List<String> headsToRead(Identity id) {
    return id.year() == null ? List.of(id.reportId()) : List.of(id.reportId(),
        Identity.reportId(id.agencyKey(), id.year() - 1), Identity.reportId(id.agencyKey(), id.year() + 1));
  }

  /** Y−1's or Y+1's head and current report; its head taken from {@code read} when read there. */
  private Neighbour neighbour(Identity id, int offset, Prefetch read) {
    if (id.year() == null) {
      return new Neighbour(null, null);
    }
    String neighbourId = Identity.reportId(id.agencyKey(), id.year() + offset);
    Optional<ReportHead> head = read != null && read.covers(neighbourId) ? read.head(neighbourId)
        : store.head(neighbourId);
    if (head.isEmpty() || head.get().rejected()) {
      return new Neighbour(head.orElse(null), null);
    }
    ReportVersion v = store.version(head.get().reportId(), head.get().currentSha()).orElseThrow(
        () -> new IllegalStateException("report " + head.get().reportId() + " lost its current version"));
    return new Neighbour(head.get(), store.body(v));
  }

  ReportHead head(Identity id, Report report, ReportVersion version, List<Finding> cross, int versionCount,
      long revision, String now) {
    Map<String, Integer> ruleCounts = new TreeMap<>();
    List<Finding> all = allFindings(report, cross);
    for (Finding f : all) {
      ruleCounts.merge(f.rule(), 1, Integer::sum);
    }
    FindingCounts counts = FindingCounts.of(all);
    var region = report.region();
    return new ReportHead(id.reportId(), ReportHead.KIND_REPORT, id.agencyKey(), report.agency(), id.agencyNorm(),
        report.year(), report.template(), report.title(), region == null ? null : region.code(),
        region == null ? null : region.province(), region == null ? null : region.city(),
        region == null ? null : region.county(), counts.errors() > 0 ? "HAS_ERRORS" : "VALID", counts.errors(), counts.warnings(), counts.notes(),
        ruleCounts,
        Findings.write(cross), version.sha256(), versionCount, version.uploadedAt(), version.uploadOrder(),
        version.bucket(), version.key(), version.versionId(), version.eTag(), version.size(), version.format(),
        version.sourceName(), version.reader(), version.rulesVersion(), null, revision, now);
  }

  static ReportHead withVersionCount(ReportHead h, int versionCount, String now) {
    return new ReportHead(h.reportId(), h.kind(), h.agencyKey(), h.agency(), h.agencyNorm(), h.year(), h.template(),
        h.title(), h.regionCode(), h.province(), h.city(), h.county(), h.status(), h.errors(), h.warnings(),
        h.notes(), h.ruleCounts(), h.crossFindings(), h.currentSha(), versionCount, h.uploadedAt(), h.uploadOrder(), h.bucket(),
        h.key(), h.versionId(), h.eTag(), h.size(), h.format(), h.sourceName(), h.reader(), h.rulesVersion(),
        h.reason(), h.revision() + 1, now);
  }

  private static List<Finding> allFindings(Report report, List<Finding> cross) {
    List<Finding> all = new ArrayList<>(report.findings());
    all.addAll(cross);
    return all;
  }

  /** One item per rule with findings; the rules the old state had and the new one has not are deleted. */
  void writeRuleItems(Transaction tx, ReportHead oldHead, ReportHead head, Report report) {
    List<Finding> cross = Findings.read(head.crossFindings());
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : allFindings(report, cross)) {
      byRule.computeIfAbsent(f.rule(), k -> new ArrayList<>()).add(f);
    }
    byRule.forEach((rule, findings) -> {
      String json = Findings.write(findings);
      boolean large = json.length() > RuleFindings.PLAIN_LIMIT;
      FindingCounts counts = FindingCounts.of(findings);
      tx.put(RuleFindings.SCHEMA.itemToMap(new RuleFindings(head.reportId(), rule, findings.size(), counts.errors(),
          counts.warnings(), counts.notes(), large ? null : json, large ? SdkBytes.fromByteArray(Bodies.gzip(json)) : null,
          head.agency(), head.agencyNorm(), head.year(), head.province(), head.city(), head.county(), head.status(),
          head.errors(), head.warnings(), head.notes(), head.title(), head.uploadedAt()), true));
    });
    if (oldHead != null) {
      for (String rule : oldHead.ruleIds()) {
        if (!byRule.containsKey(rule)) {
          tx.delete(head.pk(), Keys.rule(rule));
        }
      }
    }
  }
}
