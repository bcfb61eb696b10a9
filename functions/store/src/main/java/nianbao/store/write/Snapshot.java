package nianbao.store.write;

import java.util.List;
import java.util.Optional;
import nianbao.core.model.Report;
import nianbao.store.item.ReportHead;
import nianbao.store.item.ReportVersion;
import nianbao.store.item.ReviewRecord;
import nianbao.store.item.SourceRecord;

/**
 * What a decision may read of the store, and all it reads: {@link WriteRules} calls nothing else. The table's
 * ({@link TableSnapshot}) reads each item once, on first use; a test gives the items in memory.
 */
public interface Snapshot {

  /** Every recorded version of one uploaded key, newest event first. */
  List<SourceRecord> uploads(String bucket, String key);

  Optional<ReportHead> head(String reportId);

  /** A report version with its body. */
  Optional<ReportVersion> version(String reportId, String sha256);

  /** Every version of a report without its body, newest upload first. */
  List<ReportVersion> versions(String reportId);

  /** The reviewers' decisions on a report, if any. */
  Optional<ReviewRecord> review(String reportId);

  /** The tombstone of a report an administrator deleted, while it is kept. */
  Optional<nianbao.store.item.DeletedReport> deleted(String reportId);

  /** Which report is the agency's of {@code year}, when its year item says (see {@code AgencyYear}). */
  Optional<nianbao.store.item.AgencyYear> agencyYear(String agencyKey, int year);

  /**
   * The alias of an agency merged into another ({@code AgencyAlias}), if an administrator merged it: its uploads
   * are the canonical agency's while the alias is followed.
   */
  Optional<nianbao.store.item.AgencyAlias> alias(String agencyKey);

  /** A version's report (its single-report findings only). */
  Report body(ReportVersion version);
}
