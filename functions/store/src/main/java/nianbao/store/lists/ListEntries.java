package nianbao.store.lists;

import java.util.Arrays;
import java.util.List;
import nianbao.store.item.Keys;
import nianbao.store.item.ListEntry;
import nianbao.store.item.ListEntryBuilder;
import nianbao.store.item.ReportHead;

/** What a head puts in the lists: one {@link ListEntry} per order, copied from it. */
public final class ListEntries {
  private ListEntries() {}

  public static List<ListEntry> of(ReportHead h) {
    return Arrays.stream(ListSort.values()).map(sort -> ListEntryBuilder.builder().reportId(h.reportId())
        .sort(sort.code()).sortValue(sort.value(h)).agencyKey(h.agencyKey()).agency(h.agency())
        .agencyNorm(h.agencyNorm()).year(h.year()).province(h.province()).city(h.city()).county(h.county())
        .status(h.status()).errors(h.errors()).warnings(h.warnings()).notes(h.notes()).ruleIds(h.ruleIds())
        .title(h.title()).uploadedAt(h.uploadedAt()).reviewState(h.reviewState()).indicators(h.indicators())
        .regionCode(h.regionCode()).printedDate(h.printedDate()).printedDateKind(h.printedDateKind()).build()).toList();
  }

  /** The keys (sort keys in the report's partition) of every entry a report has. */
  public static List<String> sortKeys() {
    return Arrays.stream(ListSort.values()).map(s -> ListEntry.PREFIX + s.code()).toList();
  }

  public static String partition(String reportId) {
    return Keys.report(reportId);
  }
}
