package nianbao.store;

import nianbao.store.item.SourceRecord;

/**
 * What became of one uploaded object version: {@code INGESTED} as report {@code reportId}, {@code REJECTED}
 * with a {@code reason}, or {@code REMOVED}; {@code RECOGNISING} while text recognition reads it (progress in
 * {@code reason}), {@code BATCH} for a ZIP of documents unpacked into uploads of their own; {@code sha256} the report version its bytes are, and {@code replaced}
 * the sha256 of the version that was current before this upload made its own current (null when it replaced none);
 * {@code uploaderRegion} the region its uploader's rights are limited to (null: not limited).
 */
public record UploadView(String state, String objectVersionId, String reportId, String reason, String updatedAt,
    String sha256, String replaced, String uploaderRegion) {

  public UploadView(String state, String objectVersionId, String reportId, String reason, String updatedAt) {
    this(state, objectVersionId, reportId, reason, updatedAt, null, null, null);
  }

  public boolean removed() {
    return SourceRecord.REMOVED.equals(state);
  }

  /** Still being read (text recognition): {@code reason} says how far; the outcome comes later. */
  public boolean inProgress() {
    return SourceRecord.RECOGNISING.equals(state);
  }

  /** A ZIP of documents unpacked as a batch: its documents have upload statuses of their own. */
  public boolean batch() {
    return SourceRecord.BATCH.equals(state);
  }

  public boolean rejected() {
    return SourceRecord.REJECTED.equals(state);
  }

  static UploadView of(SourceRecord s) {
    return new UploadView(s.status(), s.versionId(), s.reportId(), s.reason(), s.updatedAt(), s.sha256(),
        s.replaced(), s.uploaderRegion());
  }
}
