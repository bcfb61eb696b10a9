package nianbao.store;

import nianbao.store.item.ReportVersion;

/**
 * One version of a report (distinct bytes uploaded), as the API lists it: its own status and findings counts,
 * whether every file with its bytes was deleted or a reviewer removed it ({@code withdrawn}; {@code removedAt} and
 * {@code removedBy} for the latter), how many files had them, and the first.
 */
public record VersionView(String sha256, String uploadedAt, String status, int errors, int warnings, int notes,
    boolean withdrawn, String reader, String rulesVersion, int fileCount, SourceFile file, String removedAt,
    String removedBy) {

  /** A version and its report as read. */
  public record WithReport(VersionView version, nianbao.core.model.Report report) {}

  static VersionView of(ReportVersion v) {
    return new VersionView(v.sha256(), v.uploadedAt(), v.status(), v.errors(), v.warnings(), v.notes(), v.withdrawn(),
        v.reader(), v.rulesVersion(), v.sources() == null ? 0 : v.sources().size(), new SourceFile(v.bucket(),
        v.key(), ReportView.objectVersion(v.versionId()), v.size(), v.format(), v.sourceName()), v.removedAt(),
        v.removedBy());
  }
}
