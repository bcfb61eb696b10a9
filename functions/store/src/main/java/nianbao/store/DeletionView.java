package nianbao.store;

import nianbao.store.item.DeletedReport;
import nianbao.store.item.ReportHead;

/**
 * A report an administrator deleted, while it is kept (soft delete): what the API says of it, without the
 * tombstone's item layout.
 *
 * @param province the deleted report's place, for the region a writer may act in (city and county likewise)
 */
public record DeletionView(String reportId, String deletedAt, String deletedBy, String expiresAt, String province,
    String city, String county) {

  static DeletionView of(DeletedReport tombstone) {
    ReportHead was = tombstone.deletedHead();
    return new DeletionView(tombstone.reportId(), tombstone.deletedAt(), tombstone.deletedBy(),
        tombstone.expiresAt(), was.province(), was.city(), was.county());
  }
}
