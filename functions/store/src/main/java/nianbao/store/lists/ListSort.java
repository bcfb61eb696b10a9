package nianbao.store.lists;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;

/**
 * The orders a list can be read in. Each is one {@code ListEntry} per report ({@code L#<code>}), whose sort value
 * is the report's position: text that sorts as the order wants, read backwards when {@code descending}, and
 * ending with the report id so that every position is unique (cursors resume after a position).
 */
public enum ListSort {
  /** Newest year first, then newest upload. */
  NEWEST(true, h -> RuleFindings.newest(h.year(), h.uploadedAt(), h.reportId())),
  /** Most errors first, then newest. */
  ERRORS(true, h -> String.format("%06d", Math.min(h.errors(), 999_999)) + "#"
      + RuleFindings.newest(h.year(), h.uploadedAt(), h.reportId())),
  /** By normalised agency name (a rejected upload by its file name), then newest year first. */
  AGENCY(false, h -> (h.agencyNorm() != null && !h.agencyNorm().isEmpty() ? h.agencyNorm()
      : h.sourceName() == null ? "" : h.sourceName()) + "#"
      + String.format("%04d", 9999 - (h.year() == null ? 0 : h.year())) + "#" + h.reportId());

  private final boolean descending;
  private final Function<ReportHead, String> value;

  ListSort(boolean descending, Function<ReportHead, String> value) {
    this.descending = descending;
    this.value = value;
  }

  public boolean descending() {
    return descending;
  }

  /** The report's position in this order. */
  public String value(ReportHead head) {
    return value.apply(head);
  }

  /** The code of the API's {@code sort=} and of the entry's key: {@code newest}, {@code errors}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> codes() {
    return java.util.Arrays.stream(values()).map(ListSort::code).toList();
  }

  /** @throws IllegalArgumentException for an unknown code */
  public static ListSort of(String code) {
    for (ListSort s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown sort " + code);
  }
}
