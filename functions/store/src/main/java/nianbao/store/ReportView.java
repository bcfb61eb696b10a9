package nianbao.store;

import java.util.List;
import java.util.Map;
import nianbao.core.model.Finding;
import nianbao.core.model.Region;
import nianbao.store.item.ReportHead;

/**
 * A report's current state, as the API shows it: what every list row has, and its findings by rule, its
 * cross-year findings, its current version and the file that version was read from. A rejected upload has no
 * agency identity, year or region, and a {@code reason}.
 *
 * @param notes         the reading notes among the findings, counted apart from warnings
 * @param currentSha256 the current version's sha256 (for a rejected upload, none)
 * @param errors        errors and warnings a reviewer has not dismissed; {@code readErrors}/{@code readWarnings}
 *                      count every one, as read
 * @param findingsByRule findings not dismissed, by rule
 * @param corrected     the corrections applied to the current version's values
 * @param reviewed      whether reviewers changed what the version's body says (values corrected, findings
 *                      dismissed): its served report needs the review record
 * @param indicators    the current report's indicator figures ({@code IndicatorFigures.read}), null before kept
 * @param revision      the stored revision of the report's state: a write may be conditioned on it (If-Match)
 * @param reviewState   core's {@code ReviewStates} (PENDING, REVIEWED, NOTIFIED, RECTIFIED); null for a rejected
 *                      upload, or a report not written since review states were added
 */
public record ReportView(String id, boolean rejected, String status, String agencyKey, String agency, Integer year,
    String title, Region region, int errors, int warnings, int notes, Map<String, Integer> findingsByRule,
    List<Finding> crossYearFindings, String reason, String uploadedAt, int versionCount, String reader,
    String rulesVersion, String currentSha256, SourceFile file, long revision, int readErrors, int readWarnings,
    int corrected, boolean reviewed, String reviewState, String indicators) {

  static ReportView of(ReportHead h) {
    return new ReportView(h.reportId(), h.rejected(), h.status(), h.rejected() ? null : h.agencyKey(), h.agency(),
        h.year(), h.title(), new Region(h.regionCode(), h.province(), h.city(), h.county()), h.errors(),
        h.warnings(), h.notes(), counted(h.ruleCounts()), Findings.read(h.crossFindings()),
        h.reason(), h.uploadedAt(), h.rejected() ? 0 : h.versionCount(), h.reader(), h.rulesVersion(),
        h.currentSha(), new SourceFile(h.bucket(), h.key(), objectVersion(h.versionId()), h.size(), h.format(),
        h.sourceName()), h.revision(), h.readErrors() == null ? h.errors() : h.readErrors(),
        h.readWarnings() == null ? h.warnings() : h.readWarnings(), h.corrected() == null ? 0 : h.corrected(),
        h.reviewed(), h.reviewState(), h.indicators());
  }

  /** The rules with findings still counted (a rule whose findings were all dismissed is kept at 0 in the head). */
  private static Map<String, Integer> counted(Map<String, Integer> ruleCounts) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    if (ruleCounts != null) {
      ruleCounts.forEach((rule, n) -> {
        if (n != null && n > 0) {
          out.put(rule, n);
        }
      });
    }
    return out;
  }

  /** As stored, an unversioned object's version is the text "null". */
  static String objectVersion(String stored) {
    return stored == null || stored.isEmpty() || stored.equals("null") ? null : stored;
  }
}
