package nianbao.store;

import nianbao.store.item.SourceRecord;

/**
 * What became of one uploaded object version: {@code INGESTED} as report {@code reportId}, {@code REJECTED}
 * with a {@code reason}, or {@code REMOVED}.
 */
public record UploadView(String state, String objectVersionId, String reportId, String reason, String updatedAt) {

  public boolean removed() {
    return SourceRecord.REMOVED.equals(state);
  }

  public boolean rejected() {
    return SourceRecord.REJECTED.equals(state);
  }

  static UploadView of(SourceRecord s) {
    return new UploadView(s.status(), s.versionId(), s.reportId(), s.reason(), s.updatedAt());
  }
}
