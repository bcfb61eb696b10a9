package nianbao.store.lists;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nianbao.core.indicators.Indicator;
import nianbao.core.indicators.Share;
import nianbao.store.IndicatorFigures;
import nianbao.store.item.ReportHead;
import nianbao.store.item.RuleFindings;

/**
 * The orders a list can be read in. Each is one {@code ListEntry} per report ({@code L#<code>}), whose sort value
 * is the report's position: text that sorts as the order wants, read backwards when {@code descending}, and
 * ending with the report id so that every position is unique (cursors resume after a position).
 *
 * <p>An indicator's order ({@code sort=disclosure}, …) is highest first: its position is a class — {@link
 * #RANKED} (known, over at least ten cases), {@link #SMALL_BASE} (known, fewer cases), {@link #UNKNOWN} (a cell it
 * needs is blank, no cases, no table) — then the share in millionths, then newest. So the ranked reports of a
 * scope are one key range of each status and level, which rankings read alone.
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
      + String.format("%04d", 9999 - (h.year() == null ? 0 : h.year())) + "#" + h.reportId()),
  DISCLOSURE(Indicator.SUBSTANTIVE_DISCLOSURE),
  DENIAL(Indicator.DENIAL),
  UNAVAILABLE(Indicator.UNAVAILABLE),
  NOT_PROCESSED(Indicator.NOT_PROCESSED),
  REVIEW_CORRECTION(Indicator.REVIEW_CORRECTION),
  LITIGATION_CORRECTION(Indicator.LITIGATION_CORRECTION),
  DISPUTE(Indicator.DISPUTE),
  CARRY_OVER(Indicator.CARRY_OVER);

  /** The classes at the head of an indicator's position, highest first. */
  public static final String RANKED = "2";
  public static final String SMALL_BASE = "1";
  public static final String UNKNOWN = "0";

  private final boolean descending;
  private final Function<ReportHead, String> value;
  private final Indicator indicator;

  ListSort(boolean descending, Function<ReportHead, String> value) {
    this.descending = descending;
    this.value = value;
    this.indicator = null;
  }

  ListSort(Indicator indicator) {
    this.descending = true;
    this.indicator = indicator;
    this.value = h -> indicatorPosition(IndicatorFigures.read(h.indicators()).get(indicator))
        + "#" + RuleFindings.newest(h.year(), h.uploadedAt(), h.reportId());
  }

  /** {@code <class>#<share in millionths, 12 digits>}. */
  static String indicatorPosition(Share share) {
    if (share == null || share.value() == null) {
      return UNKNOWN + "#" + "0".repeat(12);
    }
    long millionths = Math.min(Math.round(share.value() * 1_000_000), 999_999_999_999L);
    return (share.smallBase() ? SMALL_BASE : RANKED) + "#" + String.format("%012d", millionths);
  }

  public boolean descending() {
    return descending;
  }

  /** The indicator this order sorts by, or null. */
  public Indicator indicator() {
    return indicator;
  }

  /** The report's position in this order. */
  public String value(ReportHead head) {
    return value.apply(head);
  }

  /** The code of the API's {@code sort=} and of the entry's key: {@code newest}, {@code errors}, {@code disclosure}… */
  public String code() {
    return indicator != null ? indicator.code() : name().toLowerCase(Locale.ROOT);
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
