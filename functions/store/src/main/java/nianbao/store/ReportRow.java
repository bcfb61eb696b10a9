package nianbao.store;

import java.util.List;
import java.util.Set;

import nianbao.store.item.ListEntry;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;

/**
 * One line of a report list, as every list index holds it.
 *
 * @param rules the rules the report has findings of, in order (empty on a rule item written before they were kept)
 * @param indicators the report's indicator figures ({@code IndicatorFigures.read}); null on items written before
 * @param agencyKey the report's agency (its identity's key; rows of rule items written before: null)
 * @param reviewState the report's review state (core's {@code ReviewStates}), null for a rejected upload or an item
 *     written before review states
 */
public record ReportRow(String reportId, String agency, Integer year, String province, String city, String county,
    String status, int errors, int warnings, int notes, String title, String uploadedAt, List<String> rules,
    String reviewState, String indicators, String agencyKey) {

  public static ReportRow of(ReportHead h) {
    return new ReportRow(h.reportId(), h.agency(), h.year(), h.province(), h.city(), h.county(), h.status(),
        h.errors(), h.warnings(), h.notes(), h.title(), h.uploadedAt(), sorted(h.ruleIds()), h.reviewState(),
        h.indicators(), h.rejected() ? null : h.agencyKey());
  }

  public static ReportRow of(ListEntry e) {
    return new ReportRow(e.reportId(), e.agency(), e.year(), e.province(), e.city(), e.county(), e.status(),
        e.errors(), e.warnings(), e.notes(), e.title(), e.uploadedAt(), sorted(e.ruleIds()), e.reviewState(),
        e.indicators(), e.agencyKey());
  }

  private static List<String> sorted(Set<String> rules) {
    return rules == null ? List.of() : rules.stream().sorted().toList();
  }

  public static ReportRow of(RuleFindings f) {
    return new ReportRow(f.reportId(), f.agency(), f.year(), f.province(), f.city(), f.county(), f.status(),
        f.reportErrors(), f.reportWarnings(), f.reportNotes(), f.title(), f.uploadedAt(), sorted(f.reportRules()),
        f.reviewState(), f.reportIndicators(), f.agencyKey());
  }
}
